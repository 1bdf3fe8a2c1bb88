import type { Lang } from "../i18n/lang.js";
import { render } from "../i18n/messages.js";
import type { Finding, SourcePos } from "./finding.js";

/** A finding in words: what the formatters print (and JSON consumers read as `message`). */
export interface RenderedFinding extends Omit<Finding, "key" | "params" | "hint" | "tolerance" | "related"> {
  message: string;
  hint?: string;
  tolerance?: string;
  related?: { file: string; pos?: SourcePos; message: string }[];
}

/** Words a finding's messages in `lang`; every other field as it is. */
export function renderFinding(finding: Finding, lang: Lang): RenderedFinding {
  const { key, params, hint, tolerance, related, ...rest } = finding;
  const out: RenderedFinding = { ...rest, message: render(lang, { key, params }) };
  if (hint) out.hint = render(lang, hint);
  if (tolerance) out.tolerance = render(lang, tolerance);
  if (related) out.related = related.map(({ file, pos, key, params }) => ({ file, ...(pos ? { pos } : {}), message: render(lang, { key, params }) }));
  return out;
}
