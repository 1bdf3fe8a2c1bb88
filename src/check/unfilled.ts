import { isScalar } from "yaml";
import type { Finding } from "../findings/finding.js";
import { message, type MessageKey } from "../i18n/messages.js";
import { nodePos } from "../load/parse.js";
import { at, type Rule } from "./at.js";

/** The example text `perf-report init` writes, to be replaced (src/cli/init.ts). */
export const STARTER_TEXTS: readonly string[] = ["负责……", "存在的问题", "改进措施", "具体说明。"];

/** Groups of numbers a starter writes as 0: all of a group still 0 means it was never filled in. */
const ZERO_GROUPS: readonly { prefix: string; what: MessageKey }[] = [
  { prefix: "/finance/", what: "unfilled.money" },
  { prefix: "/profile/staffing/", what: "unfilled.staffing" },
  { prefix: "/evaluation/score", what: "unfilled.score" },
];

/**
 * The starter's placeholders never replaced: its example sentences, and money, staff counts
 * and score left at 0 (a report would print 0万元 and grade itself 不合格).
 */
export const unfilled: Rule = (model, ran) => {
  const out: Finding[] = [];
  const { located } = model.inputs;
  const numbers = new Map<string, boolean[]>();
  for (const [pointer, node] of located.nodes) {
    if (!isScalar(node) || pointer.startsWith("/stated/")) continue;
    if (typeof node.value === "string" && STARTER_TEXTS.includes(node.value)) {
      out.push({ code: "placeholder.unfilled", severity: "warning", ...message("check.unfilled-text", { text: node.value }), file: model.file, path: pointer, pos: nodePos(located.positions, node) });
    }
    if (typeof node.value !== "number") continue;
    const group = ZERO_GROUPS.find((g) => pointer.startsWith(g.prefix));
    if (group) numbers.set(group.prefix, [...(numbers.get(group.prefix) ?? []), node.value === 0]);
  }
  for (const group of ZERO_GROUPS) {
    const zeros = numbers.get(group.prefix);
    if (!zeros || !zeros.every(Boolean)) continue;
    const pointer = group.prefix.replace(/\/$/, "");
    out.push({ ...at(model, pointer, "placeholder.unfilled", message("check.unfilled-zero", { what: message(group.what) }), "warning"), pos: model.inputs.keyPos(pointer) });
  }
  // A lint for what init left behind, not a reconciliation: it counts (and has its JUnit case) only when it finds something.
  if (out.length > 0) ran("placeholder.unfilled");
  return out;
};
