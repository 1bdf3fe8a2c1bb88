import { parentPort, workerData } from "node:worker_threads";
import { adoptCancelFlag } from "./cancel.js";
import type { Task } from "./pool.js";
import { runTask } from "./run-task.js";

/** A pool worker: takes one task at a time from the main thread, answers with its result. */
export function startWorker(): void {
  adoptCancelFlag((workerData as { cancel: SharedArrayBuffer }).cancel);
  parentPort!.on("message", (task: Task) => {
    void runTask(task).then((result) => parentPort!.postMessage(result));
  });
}
