import type { Finding } from "../findings/finding.js";
import type { Lang } from "../i18n/lang.js";
import { validateSchema } from "../validate/validate.js";
import { DEFAULT_LIMITS, parseSource, type Located, type ParseLimits } from "./parse.js";
import { readSource, type Source } from "./source.js";

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
  findings: Finding[];
}

export async function loadDataset(file: string, options: LoadOptions): Promise<Loaded> {
  const read = await readSource(file, options);
  if (!read.ok) return { file, findings: [read.finding] };
  const parsed = parseSource(read.source, options.lang, options.limits ?? DEFAULT_LIMITS);
  if (!parsed.ok) return { file, source: read.source, findings: parsed.findings };
  // A value the loader already refused is not reported a second time by the schema.
  const refused = new Set(parsed.findings.map((f) => f.path));
  const findings = [...parsed.findings, ...validateSchema(parsed.located, options.lang).filter((f) => !refused.has(f.path))];
  if (findings.length > 0) return { file, source: read.source, findings };
  return { file, source: read.source, located: parsed.located, findings: [] };
}
