import Handlebars from "handlebars";
import { COMPILE_OPTIONS, instantiate, TemplateError, templateFinding, type CompiledTemplate } from "./helpers.js";

export { renderProse, TemplateError, type CompiledTemplate } from "./helpers.js";

/**
 * Compiles a user's report template strictly: an unknown helper or a syntax error fails here,
 * an unknown field when rendering, each with the template's line and column.
 */
export function compileTemplate(source: string): CompiledTemplate {
  const hb = Handlebars.create();
  let spec: TemplateSpecification;
  try {
    // Precompiled and evaluated once: the whole template is checked now, not at first use.
    spec = new Function(`return ${hb.precompile(source, COMPILE_OPTIONS)}`)() as TemplateSpecification;
  } catch (error) {
    throw new TemplateError(templateFinding(error, source));
  }
  return instantiate(hb, spec, source);
}
