import { EXIT } from "../cli/exit.js";
import { buildUnit, checkUnit, type UnitResult } from "./unit.js";
import type { Task } from "./pool.js";

/** One task, whatever happens: an unexpected error is a result (exit 3), not a crash of the batch. */
export async function runTask(task: Task): Promise<UnitResult> {
  try {
    const result = task.kind === "check" ? await checkUnit(task.file, task.options) : await buildUnit(task.file, task.options);
    // Source texts are only for excerpts under findings; a clean unit need not send them back.
    return result.findings.length === 0 ? { ...result, texts: {} } : result;
  } catch (error) {
    return {
      file: task.file,
      code: EXIT.internal,
      findings: [{ code: "internal", severity: "error", message: `internal error: ${error instanceof Error ? error.message : String(error)}`, file: task.file }],
      checks: 0,
      texts: {},
      row: { file: task.file, unit: "", year: "", status: "unusable", findings: 1, income: "", expenditure: "", carryOver: "", score: "", grade: "" },
      messages: [],
      written: [],
    };
  }
}
