import { internalResult } from "../pipeline/classify.js";
import { emptyRow, type UnitResult } from "../pipeline/result.js";
import type { Task } from "./pool.js";

/**
 * The result of a unit that did not run to the end: cancelled (no finding), or failed inside
 * perf-report itself (internal, one finding with the reason).
 */
export function unfinished(task: Task, reason: { cancelled: true } | { error: unknown }): UnitResult {
  if ("error" in reason) return internalResult(task.file, reason.error, task.options.lang);
  return { file: task.file, outcome: "cancelled", findings: [], checks: 0, texts: {}, row: emptyRow(task.file), messages: [], written: [], reads: [task.file] };
}
