import { parentPort, workerData } from "node:worker_threads";
import { adoptRunToken } from "../pipeline/run-token.js";
import { adoptCancelFlag } from "./cancel.js";
import type { Task } from "./pool.js";
import { runTask } from "./run-task.js";

/**
 * A pool worker: runs each task the main thread sends (up to two at once, interleaved at
 * their awaits) and answers with its result and the task's index.
 */
export function startWorker(): void {
  const run = workerData as { cancel: SharedArrayBuffer; token: string };
  adoptCancelFlag(run.cancel);
  adoptRunToken(run.token);
  parentPort!.on("message", ({ index, task }: { index: number; task: Task }) => {
    void runTask(task).then((result) => parentPort!.postMessage({ index, result }));
  });
}
