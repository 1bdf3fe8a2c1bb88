import type { Finding } from "../findings/finding.js";
import type { Lang } from "../i18n/lang.js";
import { validateSchema } from "../validate/validate.js";
import { DEFAULT_LIMITS, parseSource, type Located, type ParseLimits } from "../load/parse.js";
import { readSource, type Source } from "../load/source.js";

export interface LoadOptions {
  lang: Lang;
  maxBytes?: number;
  limits?: ParseLimits;
}

/** read → parse → schema. A dataset is usable only when `located` is set. */
export interface Loaded {
  file: string;
  source?: Source;
  located?: Located;
  /** The parsed data even when the schema refused it (for a summary row's unit and year). */
  data?: unknown;
  findings: Finding[];
}

export async function loadDataset(file: string, options: LoadOptions): Promise<Loaded> {
  const read = await readSource(file, options);
  if (!read.ok) return { file, findings: [read.finding] };
  const parsed = parseSource(read.source, options.lang, options.limits ?? DEFAULT_LIMITS);
  if (!parsed.ok) return { file, source: read.source, findings: parsed.findings };
  // One finding per value: the loader's where it refused the number's notation; the
  // schema's where it says more (00123 where a code belongs: "quote it").
  const schema = validateSchema(parsed.located, options.lang);
  const schemaPaths = new Set(schema.map((f) => f.path));
  const loader = parsed.findings.filter((f) => f.code !== "load.number-leading-zero" || !schemaPaths.has(f.path));
  const refused = new Set(loader.map((f) => f.path));
  const findings = [...loader, ...schema.filter((f) => !refused.has(f.path))];
  if (findings.length > 0) return { file, source: read.source, data: parsed.located.data, findings };
  return { file, source: read.source, located: parsed.located, findings: [] };
}
