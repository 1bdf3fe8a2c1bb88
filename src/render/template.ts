import Handlebars from "handlebars";
import type { Figure } from "../compute/figure.js";
import type { Model } from "../compute/model.js";
import type { Finding } from "../findings/finding.js";
import { fillPlaceholders, parseSpec } from "../prose/placeholders.js";
import { chineseNumeral, formatFigure, type FormatOptions } from "./format.js";

/** The helpers a template may use; anything else is refused when the template is compiled. */
const HELPER_NAMES = ["fig", "amount", "num", "pct", "has", "changeWord", "growthWord", "prose", "inc", "cn", "join", "table", "pagebreak", "positive"] as const;

export class TemplateError extends Error {
  constructor(readonly finding: Omit<Finding, "file">) {
    super(finding.message);
  }
}

export interface CompiledTemplate {
  render(model: Model, view: object): string;
}

/**
 * Compiles a report template strictly: an unknown helper fails here, an unknown field fails
 * when rendering, both with the template's line and column. Output is not HTML-escaped
 * (it is document text, not HTML), and prototype access stays blocked.
 */
export function compileTemplate(source: string): CompiledTemplate {
  const hb = Handlebars.create();
  let current: Model | undefined;
  registerHelpers(hb, () => current!);
  let template: HandlebarsTemplateDelegate;
  try {
    const knownHelpers = Object.fromEntries(HELPER_NAMES.map((n) => [n, true]));
    template = hb.compile(source, { strict: true, knownHelpers, knownHelpersOnly: true, noEscape: true, preventIndent: true });
    // Compilation is lazy; force it so syntax errors surface now.
    hb.precompile(source, { strict: true, knownHelpers, knownHelpersOnly: true, noEscape: true });
  } catch (error) {
    throw new TemplateError(templateFinding(error, source));
  }
  return {
    render(model, view) {
      current = model;
      try {
        return template(view, {
          allowProtoPropertiesByDefault: false,
          allowProtoMethodsByDefault: false,
        });
      } catch (error) {
        throw new TemplateError(templateFinding(error, source));
      }
    },
  };
}

/** Handlebars' errors, with the template's line and column wherever they can be recovered. */
function templateFinding(error: unknown, source: string): Omit<Finding, "file"> {
  if (error instanceof TemplateError) return error.finding;
  if (error instanceof RangeError) {
    return { code: "template.recursion", severity: "error", message: "template recursion too deep (a partial or helper calls itself without end)" };
  }
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? error);
  let pos: Finding["pos"];
  if (typeof e.lineNumber === "number") pos = { line: e.lineNumber, col: (e.column ?? 0) + 1 };
  const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n(.*)$/s.exec(message);
  if (parse) {
    const line = Number(parse[1]);
    const past = parse[2]!.slice(0, parse[3]!.length).replace(/^\.\.\./, "");
    return { code: "template.syntax", severity: "error", message: `Parse error: ${parse[4]!.trim()}`, pos: parsePos(source, line, past) };
  }
  const trailing = / - (\d+):(\d+)$/.exec(message);
  if (!pos && trailing) pos = { line: Number(trailing[1]), col: Number(trailing[2]) + 1 };
  const partial = /^The partial (\S+) could not be found/.exec(message);
  if (!pos && partial) pos = offsetPos(source, source.search(new RegExp(`\\{\\{#?>\\s*${partial[1]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`)));
  const clean = message.split("\n")[0]!.replace(/ - \d+:\d+$/, "").replace(/ in \[object Object\]/, "");
  return { code: "template.error", severity: "error", message: clean, pos };
}

/**
 * Handlebars shows the last characters it read with line breaks removed, and a caret after
 * them; find that text on the reported line to recover the column.
 */
function parsePos(source: string, line: number, past: string): Finding["pos"] {
  const offsets: number[] = [];
  let flat = "";
  for (let i = 0; i < source.length; i++) {
    if (source[i] === "\n" || source[i] === "\r") continue;
    flat += source[i];
    offsets.push(i);
  }
  let best: Finding["pos"] = { line, col: 1 };
  for (let at = flat.indexOf(past); at >= 0; at = flat.indexOf(past, at + 1)) {
    const end = past.length === 0 ? 0 : offsets[at + past.length - 1]! + 1;
    const pos = offsetPos(source, end)!;
    if (pos.line === line) best = pos;
  }
  return best;
}

function offsetPos(source: string, offset: number): Finding["pos"] {
  if (offset < 0) return undefined;
  const before = source.slice(0, offset).split("\n");
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

function registerHelpers(hb: typeof Handlebars, model: () => Model): void {
  const figure = (id: unknown, helper: string): Figure => {
    if (typeof id !== "string") throw new Error(`${helper}: expected a figure id, got ${typeof id}`);
    const f = model().figures.get(id);
    if (!f) throw new Error(`${helper}: unknown figure "${id}"`);
    return f;
  };
  const options = (args: unknown[]): { dp?: number; hash: Record<string, unknown> } => {
    const opts = args[args.length - 1] as Handlebars.HelperOptions;
    const dp = typeof args[1] === "number" ? args[1] : undefined;
    return { dp, hash: opts.hash as Record<string, unknown> };
  };
  const fmt = (helper: string, extra: FormatOptions) =>
    function (this: unknown, ...args: unknown[]) {
      const { dp, hash } = options(args);
      return formatFigure(figure(args[0], helper), model().settings, { dp, abs: hash.abs === true, ...extra });
    };
  hb.registerHelper("fig", fmt("fig", {}));
  hb.registerHelper("amount", fmt("amount", {}));
  hb.registerHelper("num", fmt("num", { bare: true }));
  hb.registerHelper("pct", fmt("pct", {}));
  hb.registerHelper("has", (id: unknown) => typeof id === "string" && (model().figures.get(id)?.value ?? null) !== null);
  hb.registerHelper("positive", (id: unknown) => {
    const v = figure(id, "positive").value;
    return v !== null && v.gt(0);
  });
  hb.registerHelper("changeWord", (id: unknown) => (figure(id, "changeWord").value?.isNeg() ? "减少" : "增加"));
  hb.registerHelper("growthWord", (id: unknown) => (figure(id, "growthWord").value?.isNeg() ? "下降" : "增长"));
  hb.registerHelper("prose", (text: unknown) => (text === null || text === undefined ? "" : renderProse(String(text), model())));
  hb.registerHelper("inc", (i: unknown) => String(Number(i) + 1));
  hb.registerHelper("cn", (i: unknown) => chineseNumeral(Number(i) + 1));
  hb.registerHelper("join", (list: unknown, sep: unknown) => (Array.isArray(list) ? list.map(String).join(typeof sep === "string" ? sep : "、") : ""));
  hb.registerHelper("table", (name: unknown) => `\n::table ${String(name)}\n`);
  hb.registerHelper("pagebreak", () => "\n::pagebreak\n");
}

/** Prose with its {{id}} placeholders filled in; an unknown id was already a `check` error. */
export function renderProse(text: string, model: Model): string {
  return fillPlaceholders(text, (p) => {
    const f = model.figures.get(p.id);
    const spec = parseSpec(p.spec);
    if (!f || !spec) throw new Error(`unknown placeholder ${p.raw}`);
    return formatFigure(f, model.settings, { bare: spec.bare, dp: spec.dp });
  });
}
