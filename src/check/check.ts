import type { PriorYear } from "../compute/build.js";
import { computeModel, type Model } from "../compute/model.js";
import { byPosition, type Finding } from "../findings/finding.js";
import type { Lang } from "../i18n/lang.js";
import type { Located } from "../load/parse.js";
import { RULES } from "./rules.js";
import { checkStated } from "./stated.js";

export interface CheckResult {
  model: Model;
  findings: Finding[];
  /** Number of rules run, for the statistics line. */
  checks: number;
}

/** compute → reconcile. Every finding, not the first. Pure. */
export function reconcile(located: Located, lang: Lang, prior?: PriorYear): CheckResult {
  const model = computeModel(located, lang, prior);
  const findings = [...model.findings, ...checkStated(model, lang), ...RULES.flatMap((rule) => rule(model, lang))];
  const stated = Object.keys(model.dataset.stated ?? {}).length;
  return { model, findings: findings.sort(byPosition), checks: RULES.length + stated };
}
