import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { packagePath } from "../paths.js";
import { cancelRun, newCancelFlag } from "./cancel.js";
import type { BuildUnitOptions, UnitOptions, UnitResult } from "./unit.js";

export type Task = { kind: "check"; file: string; options: UnitOptions } | { kind: "build"; file: string; options: BuildUnitOptions };

/** Tasks handed to one worker at a time (see `inWorkers`). */
const DEPTH = 2;

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
  /**
   * A second Ctrl-C: the running units stop at their next step that writes, each taking its
   * own temporary file away, and the results settle. A unit that does not answer within
   * `grace` ms (stuck in a step) has its worker terminated.
   */
  cancel(grace?: number): void;
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
  const workers = new Set<Worker>();
  const cancelFlag = newCancelFlag();
  let settle = (): void => undefined;

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
      const count = Math.min(jobs, tasks.length);
      settle = () => resolvePool(results);
      // Each worker holds up to DEPTH tasks: while one waits for its file to reach the disk,
      // the next is already being computed, and no worker waits for this thread to answer.
      const inFlight = new Map<Worker, number>();
      const fill = (worker: Worker, depth: number) => {
        while (!stopped && next < tasks.length && inFlight.get(worker)! < depth) {
          const index = next++;
          inFlight.set(worker, inFlight.get(worker)! + 1);
          worker.postMessage({ index, task: tasks[index] });
        }
        if (inFlight.get(worker) === 0) {
          void worker.terminate();
          workers.delete(worker);
          if (workers.size === 0) settle();
        }
      };
      for (let i = 0; i < count; i++) {
        const worker = new Worker(packagePath("dist", "worker.cjs"), { workerData: { cancel: cancelFlag } });
        worker.on("error", rejectPool);
        worker.on("message", ({ index, result }: { index: number; result: UnitResult }) => {
          inFlight.set(worker, inFlight.get(worker)! - 1);
          results[index] = result;
          onResult(result, index);
          fill(worker, DEPTH);
        });
        workers.add(worker);
        inFlight.set(worker, 0);
      }
      // Round by round, so that every worker has a task before any has two.
      for (let depth = 1; depth <= DEPTH; depth++) for (const worker of [...workers]) fill(worker, depth);
    });

  return {
    results: jobs <= 1 || tasks.length <= 1 ? inThread() : inWorkers(),
    stop() {
      stopped = true;
    },
    cancel(grace = 3000) {
      stopped = true;
      cancelRun();
      if (workers.size === 0) return;
      setTimeout(() => {
        if (workers.size === 0) return;
        void Promise.all([...workers].map((w) => w.terminate())).then(() => {
          workers.clear();
          settle();
        });
      }, grace).unref();
    },
  };
}
