import { buildDataset } from "../pipeline/build.js";
import { checkDataset } from "../pipeline/check.js";
import { Cancelled } from "../pipeline/outcome.js";
import type { UnitResult } from "../pipeline/result.js";
import { renderStopped, throwIfCancelled } from "./cancel.js";
import { unfinished } from "./failed.js";
import type { Task } from "./pool.js";

/** One task, whatever happens: an unexpected error is a result (internal), not a crash of the batch. */
export async function runTask(task: Task): Promise<UnitResult> {
  try {
    const result = task.kind === "check" ? (await checkDataset(task.file, task.options)).result : await buildDataset(task.file, task.options, throwIfCancelled, renderStopped);
    // Source texts are only for excerpts under findings; a clean unit need not send them back.
    return result.findings.length === 0 ? { ...result, texts: {} } : result;
  } catch (error) {
    return unfinished(task, error instanceof Cancelled ? { cancelled: true } : { error });
  }
}
