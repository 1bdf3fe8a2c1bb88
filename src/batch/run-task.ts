import { Cancelled } from "./cancel.js";
import { unfinished } from "./failed.js";
import { buildUnit, checkUnit, type UnitResult } from "./unit.js";
import type { Task } from "./pool.js";

/** One task, whatever happens: an unexpected error is a result (exit 3), not a crash of the batch. */
export async function runTask(task: Task): Promise<UnitResult> {
  try {
    const result = task.kind === "check" ? await checkUnit(task.file, task.options) : await buildUnit(task.file, task.options);
    // Source texts are only for excerpts under findings; a clean unit need not send them back.
    return result.findings.length === 0 ? { ...result, texts: {} } : result;
  } catch (error) {
    return unfinished(task.file, error instanceof Cancelled ? { cancelled: true } : { error });
  }
}
