import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { BuildUnitOptions, UnitOptions, UnitResult } from "./unit.js";

export type Task = { kind: "check"; file: string; options: UnitOptions } | { kind: "build"; file: string; options: BuildUnitOptions };

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export interface Pool {
  results: Promise<UnitResult[]>;
  /** Stops handing out work and terminates the workers (SIGINT). */
  stop(): Promise<void>;
}

/**
 * Runs tasks on `jobs` worker threads, each worker reused for many tasks (its template and
 * style compiled once). One task or one job runs in this thread: no worker start-up to pay.
 * A task that fails becomes a result with exit code 3; it never stops the others.
 */
export function runTasks(tasks: readonly Task[], jobs: number, onResult: (result: UnitResult, index: number) => void): Pool {
  const results: UnitResult[] = new Array(tasks.length);
  let next = 0;
  let stopped = false;
  const workers: Worker[] = [];

  const inThread = async (): Promise<UnitResult[]> => {
    const { runTask } = await import("./run-task.js");
    for (; next < tasks.length && !stopped; next++) {
      results[next] = await runTask(tasks[next]!);
      onResult(results[next]!, next);
    }
    return results;
  };

  const inWorkers = (): Promise<UnitResult[]> =>
    new Promise((resolvePool, rejectPool) => {
      let active = 0;
      const count = Math.min(jobs, tasks.length);
      const feed = (worker: Worker) => {
        if (stopped || next >= tasks.length) {
          void worker.terminate();
          if (--active === 0) resolvePool(results);
          return;
        }
        const index = next++;
        worker.once("message", (result: UnitResult) => {
          results[index] = result;
          onResult(result, index);
          feed(worker);
        });
        worker.postMessage(tasks[index]);
      };
      for (let i = 0; i < count; i++) {
        const worker = new Worker(new URL("./worker.js", import.meta.url));
        worker.on("error", rejectPool);
        workers.push(worker);
        active++;
        feed(worker);
      }
    });

  return {
    results: jobs <= 1 || tasks.length <= 1 ? inThread() : inWorkers(),
    async stop() {
      stopped = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
