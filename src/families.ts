import { packagePath } from "./paths.js";
import type { MessageKey } from "./i18n/messages.js";

/**
 * The bundled report families: each a real outline found in published reports, a template in
 * templates/. A dataset names one (`report.template`), or `--template NAME` does.
 */
export const FAMILIES = [
  { name: "six-part", file: "report.hbs", description: "family.six-part" },
  { name: "yiyang", file: "yiyang.hbs", description: "family.yiyang" },
  { name: "score-first", file: "score-first.hbs", description: "family.score-first" },
  { name: "table-form", file: "table-form.hbs", description: "family.table-form" },
] as const satisfies readonly { name: string; file: string; description: MessageKey }[];

export type FamilyName = (typeof FAMILIES)[number]["name"];

export const DEFAULT_FAMILY: FamilyName = "six-part";

export const FAMILY_NAMES: readonly string[] = FAMILIES.map((f) => f.name);

export function isFamily(name: string): name is FamilyName {
  return FAMILY_NAMES.includes(name);
}

/** The template file of a bundled family. */
export function familyFile(name: FamilyName): string {
  return packagePath("templates", FAMILIES.find((f) => f.name === name)!.file);
}

/** A path is one of the bundled templates: its errors are ours, not the user's. */
export function isBundledTemplate(file: string): boolean {
  return FAMILIES.some((f) => familyFile(f.name) === file);
}
