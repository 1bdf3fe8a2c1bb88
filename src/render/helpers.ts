import type Handlebars from "handlebars";
import type { Figure } from "../compute/figure.js";
import type { Model } from "../compute/model.js";
import type { Finding } from "../findings/finding.js";
import { fillPlaceholders, parseSpec } from "../prose/placeholders.js";
import { nearest } from "../validate/nearest.js";
import { chineseNumeral, formatFigure, type FormatOptions } from "./format.js";
import { TABLE_NAMES } from "./tables.js";

/** The helpers a template may use; anything else is refused when the template is compiled. */
export const HELPER_NAMES = ["fig", "amount", "num", "pct", "has", "changeWord", "growthWord", "prose", "inc", "cn", "join", "table", "pagebreak", "positive"] as const;

export class TemplateError extends Error {
  constructor(readonly finding: Omit<Finding, "file">) {
    super(finding.message);
  }
}

export interface CompiledTemplate {
  render(model: Model, view: object): string;
}

/** The options every report template is compiled with (also at build time, for the default one). */
export const COMPILE_OPTIONS = {
  strict: true,
  knownHelpers: Object.fromEntries(HELPER_NAMES.map((n) => [n, true])),
  knownHelpersOnly: true,
  noEscape: true,
  preventIndent: true,
};

/**
 * A compiled template (a Handlebars spec) made ready to render: its own environment with the
 * helpers, output not HTML-escaped (it is document text, not HTML), prototype access blocked,
 * and every error a TemplateError with the template's line and column.
 */
export function instantiate(hb: typeof Handlebars, spec: TemplateSpecification, source: string): CompiledTemplate {
  let current: Model | undefined;
  registerHelpers(hb, () => current!);
  const template = hb.template(withStrictLookups(hb, spec));
  return {
    render(model, view) {
      current = model;
      let text: string;
      try {
        text = template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        throw new TemplateError(templateFinding(error, source));
      }
      // {{unit}} instead of {{unit.name}}: a whole group of fields would print as "[object Object]".
      if (text.includes("[object Object]")) {
        throw new TemplateError({ code: "template.error", severity: "error", message: "the template prints a group of fields, not one field (e.g. {{unit}} instead of {{unit.name}})", pos: mustacheOf(source) });
      }
      return text;
    },
  };
}

type Loc = { start: { line: number; column: number } };
type Container = { strict(obj: unknown, name: string, loc: Loc): unknown };
type Main = (this: unknown, container: Container, ...rest: unknown[]) => unknown;

/**
 * Handlebars' strict lookup tests `name in obj`, which throws a bare TypeError — no position,
 * and the dataset's text in its message — when obj is text or a number ({{text}} inside an
 * #each over a list of text). The same lookup, refusing those with the template's position.
 */
function withStrictLookups(hb: typeof Handlebars, spec: TemplateSpecification): TemplateSpecification {
  const main = (spec as unknown as { main: Main }).main;
  const patched = new WeakSet<Container>();
  const wrapped: Main = function (container, ...rest) {
    if (!patched.has(container)) {
      patched.add(container);
      const strict = container.strict.bind(container);
      container.strict = (obj, name, loc) => {
        if (obj !== null && obj !== undefined && typeof obj !== "object" && typeof obj !== "function") {
          const what = typeof obj === "string" ? "text" : `a ${typeof obj}`;
          throw new hb.Exception(`"${name}" is looked up on ${what}, which has no fields (the item itself is {{this}})`, { loc } as unknown as hbs.AST.Node);
        }
        return strict(obj, name, loc);
      };
    }
    return main.call(this, container, ...rest);
  };
  return { ...spec, main: wrapped } as unknown as TemplateSpecification;
}

/** The first {{name}} whose name is a group in the view, as a guess at where an object is printed. */
function mustacheOf(source: string): Finding["pos"] {
  return offsetPos(source, source.search(/\{\{\s*(unit|organisation|staffing|narrative|evaluation|basicAdjustment|this)\s*\}\}/));
}

/** Handlebars' errors, with the template's line and column wherever they can be recovered. */
export function templateFinding(error: unknown, source: string): Omit<Finding, "file"> {
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
  const lexical = /^Lexical error on line (\d+)\. Unrecognized text\.\n(.*)\n(-*)\^/s.exec(message);
  if (lexical) {
    const past = lexical[2]!.slice(0, lexical[3]!.length).replace(/^\.\.\./, "");
    return { code: "template.syntax", severity: "error", message: "Parse error: text that is not Handlebars syntax", pos: parsePos(source, Number(lexical[1]), past) };
  }
  const trailing = / - (\d+):(\d+)$/.exec(message);
  if (!pos && trailing) pos = { line: Number(trailing[1]), col: Number(trailing[2]) + 1 };
  const partial = /^The partial (\S+) could not be found/.exec(message);
  // The call that names it: {{> name}}, {{> "a/b"}}, {{#> name}} — any script, quoted or not.
  if (!pos && partial) pos = offsetPos(source, source.search(new RegExp(`\\{\\{#?>\\s*["']?${partial[1]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']?(?=\\s|\\}\\})`)));
  // A path through a missing field ({{#if nosuch.x}}) fails inside Handlebars' own lookup.
  const through = /^Cannot read properties of (?:undefined|null) \(reading '([^']+)'\)/.exec(message);
  if (through) {
    const at = source.search(new RegExp(`\\{\\{[^}]*\\.${through[1]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`));
    return { code: "template.error", severity: "error", message: `a field on the way to “${through[1]}” does not exist`, pos: at >= 0 ? offsetPos(source, at) : undefined };
  }
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

/** The template position a helper was called from, for its errors. */
function where(args: unknown[]): Finding["pos"] {
  const loc = (args[args.length - 1] as { loc?: { start: { line: number; column: number } } } | undefined)?.loc;
  return loc ? { line: loc.start.line, col: loc.start.column + 1 } : undefined;
}

function helperError(args: unknown[], message: string): TemplateError {
  return new TemplateError({ code: "template.helper", severity: "error", message, pos: where(args) });
}

export function registerHelpers(hb: typeof Handlebars, model: () => Model): void {
  const figure = (helper: string, args: unknown[]): Figure => {
    const id = args[0];
    if (typeof id !== "string") throw helperError(args, `${helper}: expected a figure id in quotes, e.g. {{${helper} "income.total"}}`);
    const f = model().figures.get(id);
    if (!f) {
      const guess = nearest(id, model().figures.ids());
      throw helperError(args, `${helper}: unknown figure "${id}"${guess ? ` (did you mean "${guess}"?)` : ""}`);
    }
    return f;
  };
  const fmt = (helper: string, extra: FormatOptions) =>
    function (this: unknown, ...args: unknown[]) {
      const opts = args[args.length - 1] as Handlebars.HelperOptions;
      if (args.length > 3 || (args.length === 3 && typeof args[1] !== "number")) {
        throw helperError(args, `${helper}: the second argument is the number of decimals (0–6), e.g. {{${helper} "income.growth" 1}}`);
      }
      const dp = typeof args[1] === "number" ? args[1] : undefined;
      if (dp !== undefined && !(Number.isInteger(dp) && dp >= 0 && dp <= 6)) throw helperError(args, `${helper}: decimals must be 0–6, not ${dp}`);
      return formatFigure(figure(helper, args), model().settings, { dp, abs: (opts.hash as { abs?: unknown }).abs === true, ...extra });
    };
  hb.registerHelper("fig", fmt("fig", {}));
  hb.registerHelper("amount", fmt("amount", {}));
  hb.registerHelper("num", fmt("num", { bare: true }));
  hb.registerHelper("pct", fmt("pct", {}));
  hb.registerHelper("has", (id: unknown) => typeof id === "string" && (model().figures.get(id)?.value ?? null) !== null);
  hb.registerHelper("positive", (...args: unknown[]) => {
    const v = figure("positive", args).value;
    return v !== null && v.gt(0);
  });
  hb.registerHelper("changeWord", (...args: unknown[]) => (figure("changeWord", args).value?.isNeg() ? "减少" : "增加"));
  hb.registerHelper("growthWord", (...args: unknown[]) => (figure("growthWord", args).value?.isNeg() ? "下降" : "增长"));
  hb.registerHelper("prose", (...args: unknown[]) => {
    const text = args[0];
    if (text === null || text === undefined) return "";
    if (typeof text !== "string") throw helperError(args, "prose: expects a text field, e.g. {{prose narrative.spendingDirections}}");
    return renderProse(text, model());
  });
  const index = (helper: string, args: unknown[]) => {
    const i = args[0];
    if (typeof i !== "number" || !Number.isInteger(i)) throw helperError(args, `${helper}: expects @index, e.g. {{${helper} @index}}`);
    return i + 1;
  };
  hb.registerHelper("inc", (...args: unknown[]) => String(index("inc", args)));
  hb.registerHelper("cn", (...args: unknown[]) => chineseNumeral(index("cn", args)));
  // Handlebars' own log helper would write to the build's output streams.
  hb.registerHelper("log", (...args: unknown[]) => {
    throw helperError(args, "log is not available in report templates");
  });
  hb.registerHelper("join", (list: unknown, sep: unknown) => (Array.isArray(list) ? list.map(String).join(typeof sep === "string" ? sep : "、") : ""));
  hb.registerHelper("table", (...args: unknown[]) => {
    const name = args[0];
    if (typeof name !== "string" || !TABLE_NAMES.includes(name)) {
      throw helperError(args, `table: unknown table ${JSON.stringify(name)}; the tables are ${TABLE_NAMES.map((t) => `"${t}"`).join(", ")}`);
    }
    return `\n::table ${name}\n`;
  });
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
