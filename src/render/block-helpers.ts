import type Handlebars from "handlebars";
import type { Model } from "../compute/model.js";
import type { Finding } from "../findings/finding.js";
import type { MessageKey, Params } from "../i18n/messages.js";
import type { Block } from "./blocks.js";
import { buildTable, TABLE_NAMES } from "./tables.js";
import { locPos, TemplateError } from "./template-error.js";

/** What one render is building: the blocks so far, and the text block being filled, if any. */
export interface RenderState {
  model: Model;
  blocks: Block[];
  open?: string;
  /** How many figures without a value the template has asked for so far: a sentence holding one is left out. */
  missing: number;
}

/** The helpers that make blocks; a template's text is written inside the first four. */
export const BLOCK_HELPERS = ["doctitle", "heading", "para", "signature", "landscape", "table", "pagebreak", "clause"] as const;

/** The number styles a heading or paragraph may take: where 一 or 1 stands, its computed number goes. */
const NUMBER_STYLE = /^[^{}\n]{0,6}[一1][^{}\n]{0,6}$/;

type Loc = { start: { line: number; column: number } };

function where(args: unknown[]): Finding["pos"] {
  const loc = (args[args.length - 1] as { loc?: Loc } | undefined)?.loc;
  return loc ? locPos(loc) : undefined;
}

function refuse(args: unknown[], key: MessageKey, params: Params = {}): TemplateError {
  return new TemplateError("template.helper", key, params, where(args));
}

/**
 * The context a block helper was called in. The bundle is not strict-mode code, where a
 * function's `this` boxes text ({{#each duties}}{{#para}}{{prose this}}…): unboxed here.
 */
function context(self: unknown): unknown {
  return self instanceof String || self instanceof Number || self instanceof Boolean ? self.valueOf() : self;
}

/** The non-empty lines of a block's text, trimmed: each is a paragraph of its own. */
const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");

/**
 * Text a template printed outside every text block: refused, since only a block says what
 * text is (the line syntax of earlier versions — "# 标题" — would otherwise print as is).
 */
export function strayText(text: string): TemplateError | undefined {
  const stray = lines(text)[0];
  if (stray === undefined) return undefined;
  return new TemplateError("template.error", "template.text-outside", { text: stray.length > 20 ? `${stray.slice(0, 20)}…` : stray });
}

/** The `number` a heading or paragraph was given ("一、" "（一）" "1、"), if any. */
function numberStyle(args: unknown[], options: Handlebars.HelperOptions): string | undefined {
  const style = (options.hash as { number?: unknown }).number;
  if (style === undefined) return undefined;
  if (typeof style !== "string" || !NUMBER_STYLE.test(style)) throw refuse(args, "template.number-style");
  return style;
}

export function registerBlockHelpers(hb: typeof Handlebars, state: () => RenderState): void {
  /** A block helper whose content is text: it is rendered, then made into blocks by `make`. */
  const textBlock = (name: string, make: (text: string, args: unknown[], options: Handlebars.HelperOptions) => Block[]) =>
    function (this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1] as Handlebars.HelperOptions;
      if (typeof options.fn !== "function") throw refuse(args, "template.block-form", { name });
      const s = state();
      if (s.open) throw refuse(args, "template.block-in-block", { name, outer: s.open });
      s.open = name;
      const missing = s.missing;
      let text: string;
      try {
        text = options.fn(context(this));
      } finally {
        s.open = undefined;
      }
      // A figure without a value, asked for outside a {{#clause}}: the whole block is left out.
      if (s.missing > missing) return "";
      s.blocks.push(...make(text, args, options));
      return "";
    };
  /** A helper that adds a block of its own; never inside a text block. */
  const outside = (name: string, args: unknown[]) => {
    const s = state();
    if (s.open) throw refuse(args, "template.block-in-block", { name, outer: s.open });
    return s;
  };

  hb.registerHelper(
    "doctitle",
    textBlock("doctitle", (text) => lines(text).map((line) => ({ type: "title", text: line }))),
  );
  hb.registerHelper(
    "heading",
    textBlock("heading", (text, args, options) => {
      const level = args[0];
      if (args.length !== 2 || !(level === 1 || level === 2 || level === 3 || level === 4)) throw refuse(args, "template.heading-level");
      const numbering = numberStyle(args, options);
      const line = lines(text).join(" ");
      return line === "" ? [] : [{ type: "heading", level, text: line, ...(numbering ? { numbering } : {}) }];
    }),
  );
  hb.registerHelper(
    "para",
    textBlock("para", (text, args, options) => {
      const lead = (options.hash as { lead?: unknown }).lead;
      if (lead !== undefined && typeof lead !== "string") throw refuse(args, "template.lead");
      const style = numberStyle(args, options);
      const level = (options.hash as { level?: unknown }).level ?? 3;
      if (style && !(level === 1 || level === 2 || level === 3 || level === 4)) throw refuse(args, "template.heading-level");
      const numbering = style ? { numbering: { style, level: level as 1 | 2 | 3 | 4 } } : {};
      // A paragraph with nothing but its run-in heading says nothing: left out, like an empty section.
      return lines(text).map((line, i) => ({ type: "paragraph", runs: [{ text: line }], ...(i === 0 && lead ? { lead } : {}), ...(i === 0 ? numbering : {}) }));
    }),
  );
  hb.registerHelper(
    "signature",
    textBlock("signature", (text) => {
      const signed = lines(text);
      return signed.length === 0 ? [] : [{ type: "signature", lines: signed }];
    }),
  );
  hb.registerHelper("landscape", function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Handlebars.HelperOptions;
    if (typeof options.fn !== "function") throw refuse(args, "template.block-form", { name: "landscape" });
    const s = outside("landscape", args);
    s.blocks.push({ type: "section", orientation: "landscape" });
    const stray = strayText(options.fn(context(this)));
    const pos = where(args);
    if (stray) throw pos ? stray.at(pos) : stray;
    s.blocks.push({ type: "section", orientation: "portrait" });
    return "";
  });
  hb.registerHelper("table", (...args: unknown[]) => {
    const name = args[0];
    if (typeof name !== "string" || !TABLE_NAMES.includes(name)) {
      throw refuse(args, "template.unknown-table", { name: JSON.stringify(name), tables: TABLE_NAMES.map((t) => `"${t}"`).join(", ") });
    }
    const s = outside("table", args);
    const table = buildTable(s.model, name);
    if (table) s.blocks.push({ type: "table", table });
    return "";
  });
  // {{#clause}}，比上年{{amount "income.prior"}}…{{/clause}}: printed only when every figure in it has a value.
  hb.registerHelper("clause", function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Handlebars.HelperOptions;
    if (typeof options.fn !== "function") throw refuse(args, "template.block-form", { name: "clause" });
    const s = state();
    const missing = s.missing;
    const text = options.fn(context(this));
    if (s.missing === missing) return text;
    s.missing = missing;
    return "";
  });
  hb.registerHelper("pagebreak", (...args: unknown[]) => {
    outside("pagebreak", args).blocks.push({ type: "pagebreak" });
    return "";
  });
}
