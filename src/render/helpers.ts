import type Handlebars from "handlebars";
import type { Figure } from "../compute/figure.js";
import type { Model } from "../compute/model.js";
import type { Finding } from "../findings/finding.js";
import type { MessageKey, Params } from "../i18n/messages.js";
import { fillPlaceholders, parseSpec } from "../prose/placeholders.js";
import { nearest } from "../validate/nearest.js";
import { budgeted, RENDER_LIMITS, RenderBudget, RenderInterrupted, type RenderOptions } from "./budget.js";
import { chineseNumeral, formatFigure, type FormatOptions } from "./format.js";
import { BLOCK_HELPERS, registerBlockHelpers, strayText, type RenderState } from "./block-helpers.js";
import type { Block } from "./blocks.js";
import { fromHandlebars, locPos, offsetPos, TemplateError } from "./template-error.js";

export { TemplateError } from "./template-error.js";

/** The helpers a template may use; anything else is refused when the template is compiled. */
export const HELPER_NAMES = ["fig", "amount", "num", "pct", "has", "changeWord", "growthWord", "prose", "inc", "cn", "join", "positive", ...BLOCK_HELPERS] as const;

export interface CompiledTemplate {
  /**
   * The document's blocks, in the order the template made them. Throws a TemplateError (with
   * the template's line and column), or RenderInterrupted.
   */
  render(model: Model, view: object, options?: RenderOptions): Block[];
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
  let current: RenderState | undefined;
  let budget: RenderBudget | undefined;
  registerHelpers(hb, () => current!.model);
  registerBlockHelpers(hb, () => current!);
  const template = hb.template(budgeted(withStrictLookups(spec), hb, () => budget!));
  return {
    render(model, view, options = {}) {
      const state: RenderState = { model, blocks: [] };
      current = state;
      budget = new RenderBudget(options.limits ?? RENDER_LIMITS, options.interrupted);
      let text: string;
      try {
        text = template(refusePrinting(view), { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        if (error instanceof RenderInterrupted) throw error;
        // Text longer than a JavaScript string can hold: only a template that multiplies its output gets there.
        if (error instanceof RangeError && /Invalid string length/.test(error.message)) throw budget.tooLong();
        // {{unit}} instead of {{unit.name}}: a whole group of fields would print as "[object Object]".
        if (error instanceof ObjectPrinted) throw new TemplateError("template.error", "template.object-printed", {}, mustacheOf(source));
        throw fromHandlebars(error, source, HELPER_NAMES);
      } finally {
        current = undefined;
      }
      const stray = strayText(text);
      if (stray) throw stray;
      return state.blocks;
    },
  };
}

class ObjectPrinted extends Error {}

/**
 * Makes every group of fields in the view refuse to become text, so that a template printing
 * one is caught where it happens — not by looking for "[object Object]" in the output, which
 * a dataset may well contain as its own text.
 */
function refusePrinting<T>(value: T, seen = new WeakSet<object>()): T {
  if (value === null || typeof value !== "object" || seen.has(value)) return value;
  seen.add(value);
  if (!Array.isArray(value) && !Object.hasOwn(value, Symbol.toPrimitive)) {
    Object.defineProperty(value, Symbol.toPrimitive, {
      value: () => {
        throw new ObjectPrinted();
      },
    });
  }
  for (const v of Object.values(value)) refusePrinting(v, seen);
  return value;
}

type Loc = { start: { line: number; column: number } };
type Container = { strict(obj: unknown, name: string, loc: Loc): unknown };
type Main = (this: unknown, container: Container, ...rest: unknown[]) => unknown;

/**
 * Handlebars' strict lookup tests `name in obj`, which throws a bare TypeError — no position,
 * and the dataset's text in its message — when obj is text or a number ({{text}} inside an
 * #each over a list of text). The same lookup, refusing those with the template's position.
 */
function withStrictLookups(spec: TemplateSpecification): TemplateSpecification {
  const main = (spec as unknown as { main: Main }).main;
  const patched = new WeakSet<Container>();
  const wrapped: Main = function (container, ...rest) {
    if (!patched.has(container)) {
      patched.add(container);
      const strict = container.strict.bind(container);
      container.strict = (obj, name, loc) => {
        if (obj !== null && obj !== undefined && typeof obj !== "object" && typeof obj !== "function") {
          throw new TemplateError("template.error", "template.text-field", { name }, locPos(loc));
        }
        // Handlebars' own message would print the group it looked in (which refuses to be text).
        if (obj !== null && typeof obj === "object" && !(name in obj)) {
          throw new TemplateError("template.error", "template.not-defined", { name, where: "" }, locPos(loc));
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

/** The template position a helper was called from, for its errors. */
function where(args: unknown[]): Finding["pos"] {
  const loc = (args[args.length - 1] as { loc?: Loc } | undefined)?.loc;
  return loc ? locPos(loc) : undefined;
}

function helperError(args: unknown[], key: MessageKey, params: Params = {}): TemplateError {
  return new TemplateError("template.helper", key, params, where(args));
}

export function registerHelpers(hb: typeof Handlebars, model: () => Model): void {
  const figure = (helper: string, args: unknown[]): Figure => {
    const id = args[0];
    if (typeof id !== "string") throw helperError(args, "template.figure-id", { helper });
    const f = model().figures.get(id);
    if (!f) {
      const guess = nearest(id, model().figures.ids());
      throw guess ? helperError(args, "template.unknown-figure-guess", { helper, id, guess }) : helperError(args, "template.unknown-figure", { helper, id });
    }
    return f;
  };
  const fmt = (helper: string, extra: FormatOptions) =>
    function (this: unknown, ...args: unknown[]) {
      const opts = args[args.length - 1] as Handlebars.HelperOptions;
      if (args.length > 3 || (args.length === 3 && typeof args[1] !== "number")) {
        throw helperError(args, "template.decimals-argument", { helper });
      }
      const dp = typeof args[1] === "number" ? args[1] : undefined;
      if (dp !== undefined && !(Number.isInteger(dp) && dp >= 0 && dp <= 6)) throw helperError(args, "template.decimals-range", { helper, dp });
      return formatFigure(figure(helper, args), model().settings, { dp, abs: (opts.hash as { abs?: unknown }).abs === true, ...extra });
    };
  hb.registerHelper("fig", fmt("fig", {}));
  hb.registerHelper("amount", fmt("amount", {}));
  hb.registerHelper("num", fmt("num", { bare: true }));
  hb.registerHelper("pct", fmt("pct", {}));
  // A text figure (the grade) has a value when it has text: a score below every band has none.
  hb.registerHelper("has", (id: unknown) => {
    const f = typeof id === "string" ? model().figures.get(id) : undefined;
    return f !== undefined && (f.kind === "text" ? f.text !== undefined : f.value !== null);
  });
  hb.registerHelper("positive", (...args: unknown[]) => {
    const v = figure("positive", args).value;
    return v !== null && v.gt(0);
  });
  hb.registerHelper("changeWord", (...args: unknown[]) => (figure("changeWord", args).value?.isNeg() ? "减少" : "增加"));
  hb.registerHelper("growthWord", (...args: unknown[]) => (figure("growthWord", args).value?.isNeg() ? "下降" : "增长"));
  hb.registerHelper("prose", (...args: unknown[]) => {
    const text = args[0];
    if (text === null || text === undefined) return "";
    if (typeof text !== "string") throw helperError(args, "template.prose-text");
    return renderProse(text, model());
  });
  const index = (helper: string, args: unknown[]) => {
    const i = args[0];
    // An @index is a whole number from 0: {{cn -1}} would print 零.
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0) throw helperError(args, "template.index", { helper });
    return i + 1;
  };
  hb.registerHelper("inc", (...args: unknown[]) => String(index("inc", args)));
  hb.registerHelper("cn", (...args: unknown[]) => chineseNumeral(index("cn", args)));
  // Handlebars' own log helper would write to the build's output streams.
  hb.registerHelper("log", (...args: unknown[]) => {
    throw helperError(args, "template.unavailable", { name: "log" });
  });
  hb.registerHelper("join", (list: unknown, sep: unknown) => (Array.isArray(list) ? list.map(String).join(typeof sep === "string" ? sep : "、") : ""));
}

/**
 * Prose with its {{id}} placeholders filled in. An unknown id or format was already a `check`
 * error at the dataset's line; only a forced build gets here, and it leaves the placeholder as
 * the dataset wrote it, for all to see.
 */
export function renderProse(text: string, model: Model): string {
  return fillPlaceholders(text, (p) => {
    const f = model.figures.get(p.id);
    const spec = parseSpec(p.spec);
    if (!f || !spec) return p.raw;
    return formatFigure(f, model.settings, { bare: spec.bare, dp: spec.dp });
  });
}
