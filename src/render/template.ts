import Handlebars from "handlebars";
import type { MessageKey, Params } from "../i18n/messages.js";
import { COMPILE_OPTIONS, HELPER_NAMES, instantiate, TemplateError, type CompiledTemplate } from "./helpers.js";
import { fromHandlebars, locPos, offsetPos } from "./template-error.js";

export { renderProse, TemplateError, type CompiledTemplate } from "./helpers.js";

/**
 * The first segment of the report's own figure ids, as a bare path would start. Not "funds":
 * that is also a field of the view ({{amount funds.0.allocated}} names a fund's id).
 */
const FIGURE_ROOTS = /^(income|expenditure|carryOver|budget|fund|staff|org|score)\./;

/** Helpers whose first argument names a figure (or a table): it must be a quoted id. */
const TAKES_ID = new Set(["fig", "amount", "num", "pct", "has", "positive", "changeWord", "growthWord", "table"]);

/** Block helpers of Handlebars' own that take exactly one value, with an example each. */
const ONE_VALUE: Record<string, string> = { if: "{{#if unit.selfName}}", unless: "{{#unless unit.selfName}}", with: "{{#with unit}}", each: "{{#each duties}}" };

/** Handlebars' internals that a template could call by name; none is for report templates. */
const INTERNAL_HELPERS = new Set(["helperMissing", "blockHelperMissing"]);

/** Blocks nested deeper than this are refused before Handlebars' recursive compiler sees them. */
const MAX_NESTING = 100;

/**
 * More {{…}} tags than this are refused before Handlebars parses them: its compiler spends
 * about 0.1 ms and 25 KB on each block, so 200,000 of them took minutes and 4 GB. The
 * bundled template has about 200.
 */
const MAX_TAGS = 10_000;

/** Where the first tag past MAX_TAGS opens, if there is one. */
function tagPastLimit(source: string): number {
  const tags = /\{\{/g;
  for (let n = 0; tags.exec(source); n++) if (n === MAX_TAGS) return tags.lastIndex - 2;
  return -1;
}

type Call = { path: hbs.AST.PathExpression | hbs.AST.Expression; params: hbs.AST.Expression[]; loc: hbs.AST.SourceLocation };

function refuse(node: { loc: hbs.AST.SourceLocation }, key: MessageKey, params: Params = {}, code = "template.helper"): never {
  throw new TemplateError(code, key, params, locPos(node.loc));
}

/** Runs `around` in place of a visitor's method for `kind`; `visit()` does what the method did. */
function intercept<T>(visitor: InstanceType<typeof Handlebars.Visitor>, kind: string, around: (node: T, visit: () => unknown) => unknown): void {
  const methods = visitor as unknown as Record<string, (node: unknown) => unknown>;
  const original = methods[kind]!.bind(visitor);
  methods[kind] = (node) => around(node as T, () => original(node));
}

/**
 * What Handlebars would only find while rendering, if at all, and then without a position:
 * refused here, at the template's line and column.
 *   - {{amount income.total}}: a figure id written without quotes looks up a field called income;
 *   - {{#if a b}}, {{#each}}, {{lookup}}: Handlebars' own helpers with the wrong number of values;
 *   - {{helperMissing}}, decorators other than {{#*inline}}: Handlebars' internals;
 *   - blocks nested deeper than MAX_NESTING, which would overflow the compiler's stack.
 */
function checkCalls(ast: hbs.AST.Program): void {
  const visitor = new Handlebars.Visitor();
  // Block parameters in scope ({{#each funds as |fund|}}): a path through one is a field, not a bare id.
  const blockParams: string[][] = [];
  const check = (node: Call, block: boolean) => {
    const name = (node.path as hbs.AST.PathExpression).original;
    if (typeof name !== "string") return;
    const first = node.params[0];
    // A field holding an id ({{fig id}} in an #each) is fine; a figure id written bare is not.
    if (TAKES_ID.has(name) && first?.type === "PathExpression") {
      const path = first as hbs.AST.PathExpression;
      const head = path.original.split(".")[0]!;
      if (FIGURE_ROOTS.test(path.original) && !blockParams.some((scope) => scope.includes(head))) {
        refuse(first, "template.bare-id", { helper: name, id: path.original });
      }
    }
    if (block && Object.hasOwn(ONE_VALUE, name) && node.params.length !== 1) {
      refuse(node, "template.one-value", { name, example: ONE_VALUE[name]!, count: node.params.length });
    }
    if (name === "lookup" && node.params.length !== 2) {
      refuse(node, "template.lookup-arguments", { count: node.params.length });
    }
    if (INTERNAL_HELPERS.has(name)) refuse(node, "template.unavailable", { name });
  };
  let depth = 0;
  // {{else if}} chains: each link is a block inside the one before, but not a deeper nesting.
  const links = new WeakSet<object>();
  const wrap = (kind: string, before: (node: never) => void, nests = false) =>
    intercept<Call & hbs.AST.BlockStatement>(visitor, kind, (node, visit) => {
      before(node as never);
      const deeper = nests && !links.has(node);
      const inverse = node.inverse as (hbs.AST.Program & { chained?: boolean }) | undefined;
      if (nests && inverse?.chained && inverse.body[0]) links.add(inverse.body[0]);
      if (deeper && ++depth > MAX_NESTING) refuse(node, "template.too-deep", { limit: MAX_NESTING }, "template.error");
      blockParams.push(node.program?.blockParams ?? []);
      try {
        return visit();
      } finally {
        blockParams.pop();
        if (deeper) depth--;
      }
    });
  wrap("MustacheStatement", (node: Call) => check(node, false));
  wrap("SubExpression", (node: Call) => check(node, false));
  wrap("BlockStatement", (node: Call) => check(node, true), true);
  wrap("Decorator", (node: Call) => refuse(node, "template.decorator", {}, "template.error"));
  wrap(
    "DecoratorBlock",
    (node: Call) => {
      if ((node.path as hbs.AST.PathExpression).original !== "inline") refuse(node, "template.decorator-block", {}, "template.error");
    },
    true,
  );
  visitor.accept(ast);
}

/**
 * Where a template recursed without end, when that is an inline partial that calls itself,
 * directly or through others: the first {{> name}} on such a cycle. Found only after the
 * render ran out of stack — a recursive partial whose data ends it is a fine template.
 */
export function recursionSite(ast: hbs.AST.Program): { line: number; col: number; cycle: string[] } | undefined {
  const calls = new Map<string, hbs.AST.PartialStatement[]>();
  const collect = (program: hbs.AST.Program | undefined, into: hbs.AST.PartialStatement[]) => {
    const visitor = new Handlebars.Visitor();
    intercept<hbs.AST.PartialStatement>(visitor, "PartialStatement", (node, visit) => {
      into.push(node);
      return visit();
    });
    if (program) visitor.accept(program);
  };
  const finder = new Handlebars.Visitor();
  intercept<hbs.AST.BlockStatement>(finder, "DecoratorBlock", (block, visit) => {
    const name = (block.params[0] as hbs.AST.StringLiteral | undefined)?.value;
    if ((block.path as hbs.AST.PathExpression).original === "inline" && typeof name === "string") {
      const list: hbs.AST.PartialStatement[] = [];
      collect(block.program, list);
      calls.set(name, list);
    }
    return visit();
  });
  finder.accept(ast);
  const partialName = (p: hbs.AST.PartialStatement) => (p.name as hbs.AST.PathExpression).original ?? (p.name as unknown as hbs.AST.StringLiteral).value;
  for (const start of calls.keys()) {
    // Depth-first from each inline partial, looking for a way back to it.
    const path: string[] = [start];
    const search = (name: string): hbs.AST.PartialStatement | undefined => {
      for (const call of calls.get(name) ?? []) {
        const next = partialName(call);
        if (next === start) return call;
        if (path.includes(next) || !calls.has(next)) continue;
        path.push(next);
        const found = search(next);
        if (found) return found;
        path.pop();
      }
      return undefined;
    };
    const call = search(start);
    if (call) return { ...locPos(call.loc), cycle: [...path, start] };
  }
  return undefined;
}

/** The helpers whose content is text; anything printed outside them is stray. */
const TEXT_BLOCKS = new Set(["doctitle", "heading", "para", "signature"]);

/**
 * Where a template prints text outside every text block: the first such text or {{field}}
 * outside inline partials (whose context is their caller's). Looked for only once a render
 * found stray text, which has no position of its own.
 */
export function strayTextSite(ast: hbs.AST.Program): { line: number; col: number } | undefined {
  const visitor = new Handlebars.Visitor();
  let depth = 0;
  let found: { line: number; col: number } | undefined;
  const name = (node: { path: unknown }) => (node.path as hbs.AST.PathExpression).original;
  intercept<hbs.AST.BlockStatement>(visitor, "BlockStatement", (node, visit) => {
    const text = TEXT_BLOCKS.has(name(node));
    if (text) depth++;
    try {
      return visit();
    } finally {
      if (text) depth--;
    }
  });
  intercept<hbs.AST.BlockStatement>(visitor, "DecoratorBlock", () => undefined);
  intercept<hbs.AST.ContentStatement>(visitor, "ContentStatement", (node, visit) => {
    const offset = node.value.search(/\S/);
    if (!found && depth === 0 && offset >= 0) {
      const before = node.value.slice(0, offset).split("\n");
      const line = node.loc.start.line + before.length - 1;
      found = { line, col: before.length === 1 ? node.loc.start.column + offset + 1 : before[before.length - 1]!.length + 1 };
    }
    return visit();
  });
  intercept<hbs.AST.MustacheStatement>(visitor, "MustacheStatement", (node, visit) => {
    if (!found && depth === 0 && !["table", "pagebreak"].includes(name(node))) found = locPos(node.loc);
    return visit();
  });
  visitor.accept(ast);
  return found;
}

/**
 * Compiles a user's report template strictly: an unknown helper or a syntax error fails here,
 * an unknown field when rendering, each with the template's line and column.
 */
export function compileTemplate(source: string): CompiledTemplate {
  const hb = Handlebars.create();
  let spec: TemplateSpecification;
  let ast: hbs.AST.Program;
  const past = tagPastLimit(source);
  if (past >= 0) throw new TemplateError("template.error", "template.too-many-tags", { limit: MAX_TAGS.toLocaleString("en-US") }, offsetPos(source, past));
  try {
    // Without whitespace control, which walks the tree recursively before checkCalls can
    // refuse a nesting too deep for it.
    ast = hb.parseWithoutProcessing(source);
    checkCalls(ast);
    // Precompiled and evaluated once: the whole template is checked now, not at first use.
    spec = new Function(`return ${hb.precompile(source, COMPILE_OPTIONS)}`)() as TemplateSpecification;
  } catch (error) {
    throw fromHandlebars(error, source, HELPER_NAMES);
  }
  const template = instantiate(hb, spec, source);
  return {
    render(model, view, options) {
      try {
        return template.render(model, view, options);
      } catch (error) {
        if (error instanceof TemplateError && error.key === "template.text-outside" && !error.finding.pos) {
          const site = strayTextSite(ast);
          throw site ? error.at(site) : error;
        }
        // Out of stack: name the inline partials that call each other, where one calls the next.
        if (!(error instanceof TemplateError) || error.finding.code !== "template.recursion" || error.finding.pos) throw error;
        const site = recursionSite(ast);
        if (!site) throw error;
        throw site.cycle.length === 2
          ? error.at({ line: site.line, col: site.col }, "template.recursion-self", { name: site.cycle[0]! })
          : error.at({ line: site.line, col: site.col }, "template.recursion-cycle", { cycle: site.cycle.map((n) => `“${n}”`).join(" → ") });
      }
    },
  };
}
