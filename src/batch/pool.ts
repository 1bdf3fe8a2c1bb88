import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { packagePath } from "../paths.js";
import type { BuildUnitOptions, UnitOptions, UnitResult } from "./unit.js";

export type Task = { kind: "check"; file: string; options: UnitOptions } | { kind: "build"; file: string; options: BuildUnitOptions };

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export interface Pool {
  /** Results by task index; after `stop()`, the tasks never started have none. */
  results: Promise<(UnitResult | undefined)[]>;
  /**
   * Stops handing out work (SIGINT). Units already running finish — their outputs are
   * written atomically either way — and then the workers exit.
   */
  stop(): void;
  /** Ends the workers now, whatever they are doing (a second Ctrl-C). */
  kill(): Promise<void>;
}

/**
 * Runs tasks on `jobs` worker threads, each worker reused for many tasks (its template and
 * style compiled once). One task or one job runs in this thread: no worker start-up to pay.
 * A task that fails becomes a result with exit code 3; it never stops the others.
 */
export function runTasks(tasks: readonly Task[], jobs: number, onResult: (result: UnitResult, index: number) => void): Pool {
  const results: (UnitResult | undefined)[] = new Array(tasks.length);
  let next = 0;
  let stopped = false;
  const workers: Worker[] = [];

  const inThread = async (): Promise<(UnitResult | undefined)[]> => {
    const { runTask } = await import("./run-task.js");
    for (; next < tasks.length && !stopped; next++) {
      results[next] = await runTask(tasks[next]!);
      onResult(results[next]!, next);
    }
    return results;
  };

  const inWorkers = (): Promise<(UnitResult | undefined)[]> =>
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
        const worker = new Worker(packagePath("dist", "worker.js"));
        worker.on("error", rejectPool);
        workers.push(worker);
        active++;
        feed(worker);
      }
    });

  return {
    results: jobs <= 1 || tasks.length <= 1 ? inThread() : inWorkers(),
    stop() {
      stopped = true;
    },
    async kill() {
      stopped = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
