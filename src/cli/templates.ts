import type { Lang } from "../i18n/lang.js";
import { msg } from "../i18n/messages.js";
import { DEFAULT_FAMILY, FAMILIES } from "../families.js";

/** `perf-report templates`: each bundled family, its name and what its outline is. */
export function listFamilies(lang: Lang): string {
  const width = Math.max(...FAMILIES.map((f) => f.name.length));
  const lines = FAMILIES.map((f) => `  ${f.name.padEnd(width)}  ${msg(lang, f.description)}${f.name === DEFAULT_FAMILY ? msg(lang, "templates.default") : ""}`);
  return `${msg(lang, "templates.heading")}\n${lines.join("\n")}\n`;
}
