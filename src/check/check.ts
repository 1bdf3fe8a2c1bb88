import type { PriorYear } from "../compute/build.js";
import { computeModel, type Model } from "../compute/model.js";
import { byPosition, type Finding } from "../findings/finding.js";
import type { Located } from "../load/parse.js";
import { RULES } from "./rules.js";
import { checkChangeGrowth } from "./change-growth.js";
import { checkStated } from "./stated.js";

export interface CheckResult {
  model: Model;
  findings: Finding[];
  /** Number of checks made (a rule applied to figures the dataset has), for the statistics line. */
  checks: number;
  /** The rules that made at least one check, sorted: JUnit's test cases. */
  rules: string[];
}

/** compute → reconcile. Every finding, not the first. Pure. */
export function reconcile(located: Located, prior?: PriorYear): CheckResult {
  const model = computeModel(located, prior);
  const ran = [...model.checks];
  const record = (rule: string) => void ran.push(rule);
  const changeGrowth = checkChangeGrowth(model, record);
  const findings = [...model.findings, ...changeGrowth.findings, ...checkStated(model, record, changeGrowth.handled), ...RULES.flatMap((rule) => rule(model, record))];
  return { model, findings: findings.sort(byPosition), checks: ran.length, rules: [...new Set(ran)].sort() };
}
