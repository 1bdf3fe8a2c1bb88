import { EXIT } from "../cli/exit.js";
import { Cancelled } from "./cancel.js";
import { buildUnit, checkUnit, type UnitResult } from "./unit.js";
import type { Task } from "./pool.js";

/** One task, whatever happens: an unexpected error is a result (exit 3), not a crash of the batch. */
export async function runTask(task: Task): Promise<UnitResult> {
  try {
    const result = task.kind === "check" ? await checkUnit(task.file, task.options) : await buildUnit(task.file, task.options);
    // Source texts are only for excerpts under findings; a clean unit need not send them back.
    return result.findings.length === 0 ? { ...result, texts: {} } : result;
  } catch (error) {
    const cancelled = error instanceof Cancelled;
    return {
      file: task.file,
      code: cancelled ? EXIT.interrupted : EXIT.internal,
      findings: cancelled ? [] : [{ code: "internal", severity: "error", message: `internal error: ${error instanceof Error ? error.message : String(error)}`, file: task.file }],
      checks: 0,
      texts: {},
      row: { file: task.file, unit: "", year: "", status: "unusable", findings: cancelled ? 0 : 1, income: "", expenditure: "", carryOver: "", score: "", grade: "" },
      messages: [],
      written: [],
    };
  }
}
