import { readFileSync } from "node:fs";
import { loadGenerated, packagePath } from "../paths.js";
import { instantiate, type CompiledTemplate } from "./helpers.js";

export const DEFAULT_TEMPLATE = packagePath("templates", "report.hbs");

/**
 * The bundled template: compiled at build time (dist/report-template.cjs), so that a build
 * needs only the small Handlebars runtime. Running from the sources, it is compiled here.
 */
export async function defaultTemplate(): Promise<CompiledTemplate> {
  const source = readFileSync(DEFAULT_TEMPLATE, "utf8");
  const spec = loadGenerated<TemplateSpecification>("report-template.cjs");
  if (!spec) return (await import("./template.js")).compileTemplate(source);
  const runtime = (await import("handlebars/runtime")) as unknown as { default?: typeof import("handlebars") } & typeof import("handlebars");
  return instantiate((runtime.default ?? runtime).create(), spec, source);
}
