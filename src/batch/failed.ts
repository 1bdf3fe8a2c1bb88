import { EXIT } from "../cli/exit.js";
import type { UnitResult } from "./unit.js";

/**
 * The result of a unit that did not run to the end: cancelled (exit 130, no finding), or
 * failed inside perf-report itself (exit 3, one "internal" finding with the reason).
 */
export function unfinished(file: string, reason: { cancelled: true } | { error: unknown }): UnitResult {
  const cancelled = "cancelled" in reason;
  const message = cancelled ? "" : `internal error: ${reason.error instanceof Error ? reason.error.message : String(reason.error)}`;
  return {
    file,
    code: cancelled ? EXIT.interrupted : EXIT.internal,
    findings: cancelled ? [] : [{ code: "internal", severity: "error", key: "verbatim", params: { text: message }, file }],
    checks: 0,
    rules: [],
    texts: {},
    row: { file, unit: "", year: "", status: "unusable", findings: cancelled ? 0 : 1, income: "", expenditure: "", carryOver: "", score: "", grade: "" },
    messages: [],
    written: [],
  };
}
