/**
 * The loading stages as a user reads their findings: src's functions, with every finding
 * worded in `lang` (src/findings/render.ts) — the text the formatters print. Tests that
 * assert wording import these instead of src's own.
 */
import { reconcile as check } from "../../src/check/check.js";
import type { PriorYear } from "../../src/compute/build.js";
import type { Lang } from "../../src/i18n/lang.js";
import { loadDataset as load, type LoadOptions } from "../../src/pipeline/load.js";
import { parseSource as parse, type Located, type ParseLimits } from "../../src/load/parse.js";
import { readSource as read, type ReadOptions, type Source } from "../../src/load/source.js";
import { renderFinding, type RenderedFinding } from "../../src/findings/render.js";
import type { Finding } from "../../src/findings/finding.js";
import { checkIds as ids } from "../../src/validate/ids.js";
import { validateSchema as validate, type SchemaUse } from "../../src/validate/validate.js";

export function worded(findings: readonly Finding[], lang: Lang): RenderedFinding[] {
  return findings.map((f) => renderFinding(f, lang));
}

export async function loadDataset(file: string, options: LoadOptions & { lang: Lang }) {
  const loaded = await load(file, options);
  return { ...loaded, findings: worded(loaded.findings, options.lang) };
}

export function parseSource(source: Source, lang: Lang, limits?: ParseLimits, what?: "dataset" | "style") {
  const parsed = parse(source, limits, what);
  return { ...parsed, findings: worded(parsed.findings, lang) };
}

export async function readSource(file: string, options: ReadOptions & { lang: Lang }) {
  const result = await read(file, options);
  return result.ok ? result : { ok: false as const, finding: renderFinding(result.finding, options.lang) };
}

export function validateSchema(located: Located, lang: Lang, schema?: SchemaUse): RenderedFinding[] {
  return worded(validate(located, schema), lang);
}

export function checkIds(located: Located, lang: Lang): RenderedFinding[] {
  return worded(ids(located), lang);
}

/** compute → reconcile, with the findings worded in `lang`. */
export function reconcile(located: Located, lang: Lang, prior?: PriorYear) {
  const result = check(located, prior);
  return { ...result, findings: worded(result.findings, lang) };
}
