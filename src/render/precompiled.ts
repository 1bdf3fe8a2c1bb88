import { readFileSync } from "node:fs";
import { loadGenerated } from "../paths.js";
import { DEFAULT_FAMILY, familyFile, type FamilyName } from "../families.js";
import { instantiate, type CompiledTemplate } from "./helpers.js";



/**
 * A bundled template: compiled at build time (dist/report-template.cjs holds every family), so
 * that a build needs only the small Handlebars runtime. Running from the sources, it is compiled here.
 */
export async function bundledTemplate(name: FamilyName): Promise<CompiledTemplate> {
  const source = readFileSync(familyFile(name), "utf8");
  const spec = loadGenerated<Record<string, TemplateSpecification>>("report-template.cjs")?.[name];
  if (!spec) return (await import("./template.js")).compileTemplate(source);
  const runtime = (await import("handlebars/runtime")) as unknown as { default?: typeof import("handlebars") } & typeof import("handlebars");
  return instantiate((runtime.default ?? runtime).create(), spec, source);
}

/** The default family's template (six-part). */
export function defaultTemplate(): Promise<CompiledTemplate> {
  return bundledTemplate(DEFAULT_FAMILY);
}
