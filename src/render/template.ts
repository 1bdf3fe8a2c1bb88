import Handlebars from "handlebars";
import { COMPILE_OPTIONS, instantiate, TemplateError, templateFinding, type CompiledTemplate } from "./helpers.js";

export { renderProse, TemplateError, type CompiledTemplate } from "./helpers.js";

/** The first segment of the report's own figure ids, as a bare path would start. */
const FIGURE_ROOTS = /^(income|expenditure|carryOver|budget|fund|funds|staff|org|score)\./;

/** Helpers whose first argument names a figure (or a table): it must be a quoted id. */
const TAKES_ID = new Set(["fig", "amount", "num", "pct", "has", "positive", "changeWord", "growthWord", "table"]);

/**
 * {{amount income.total}} (the id without quotes) would look up a field called income and
 * fail inside Handlebars without a position; refuse it here, at its line and column.
 */
function checkFigureArguments(ast: hbs.AST.Program): void {
  const visitor = new Handlebars.Visitor();
  const check = (node: { path: hbs.AST.PathExpression | hbs.AST.Expression; params: hbs.AST.Expression[] }) => {
    const name = (node.path as hbs.AST.PathExpression).original;
    const first = node.params[0];
    // A field holding an id ({{fig id}} in an #each) is fine; a figure id written bare is not.
    const bareId = first?.type === "PathExpression" && FIGURE_ROOTS.test((first as hbs.AST.PathExpression).original);
    if (typeof name === "string" && TAKES_ID.has(name) && bareId) {
      const text = (first as hbs.AST.PathExpression).original ?? "";
      throw new TemplateError({
        code: "template.helper",
        severity: "error",
        message: `${name}: the figure id must be in quotes: {{${name} "${text}"}}`,
        pos: { line: first.loc.start.line, col: first.loc.start.column + 1 },
      });
    }
  };
  const base = visitor as unknown as Record<string, (node: never) => unknown>;
  for (const kind of ["MustacheStatement", "SubExpression", "BlockStatement"]) {
    const original = base[kind]!.bind(visitor);
    base[kind] = (node: never) => {
      check(node);
      return original(node);
    };
  }
  visitor.accept(ast);
}

/**
 * Compiles a user's report template strictly: an unknown helper or a syntax error fails here,
 * an unknown field when rendering, each with the template's line and column.
 */
export function compileTemplate(source: string): CompiledTemplate {
  const hb = Handlebars.create();
  let spec: TemplateSpecification;
  try {
    checkFigureArguments(hb.parse(source));
    // Precompiled and evaluated once: the whole template is checked now, not at first use.
    spec = new Function(`return ${hb.precompile(source, COMPILE_OPTIONS)}`)() as TemplateSpecification;
  } catch (error) {
    throw new TemplateError(templateFinding(error, source));
  }
  return instantiate(hb, spec, source);
}
