import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { packagePath } from "../paths.js";
import { adoptCancelFlag, cancelRun, newCancelFlag, stopRun } from "./cancel.js";
import { unfinished } from "./failed.js";
import type { BuildUnitOptions, UnitOptions, UnitResult } from "../pipeline/result.js";

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
   * Stops handing out work (SIGINT). Units already writing finish — their outputs are
   * written atomically either way — and then the workers exit; units still rendering their
   * template give up at its next block (they have written nothing), ending with 130.
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
 * Whether a task renders a user's template, which may run away: such a task runs on a worker
 * even alone, so that this thread is free to take a Ctrl-C (see `stop`) while it renders.
 */
function rendersUserTemplate(task: Task): boolean {
  return task.kind === "build" && task.options.template !== undefined;
}

/**
 * Runs tasks on `jobs` worker threads, each worker reused for many tasks (its template and
 * style compiled once). One task or one job runs in this thread: no worker start-up to pay —
 * unless it renders a user's template (`rendersUserTemplate`).
 * A task that fails becomes an internal result; it never stops the others — nor does a
 * worker that dies (out of memory, say): the task that killed it fails, the others it held run
 * again, and a new worker takes over.
 * `workerFile` is for tests, which put a worker that misbehaves on purpose in its place.
 */
export function runTasks(tasks: readonly Task[], jobs: number, onResult: (result: UnitResult, index: number) => void, workerFile = packagePath("dist", "worker.cjs")): Pool {
  const results: (UnitResult | undefined)[] = new Array(tasks.length);
  let next = 0;
  let stopped = false;
  let cancelled = false;
  const workers = new Set<Worker>();
  const cancelFlag = newCancelFlag();
  let settle = (): void => undefined;

  const inThread = async (): Promise<(UnitResult | undefined)[]> => {
    const { runTask } = await import("./run-task.js");
    for (; next < tasks.length && !stopped; next++) {
      adoptCancelFlag(cancelFlag);
      results[next] = await runTask(tasks[next]!);
      onResult(results[next]!, next);
    }
    return results;
  };

  const inWorkers = (): Promise<(UnitResult | undefined)[]> =>
    new Promise((resolvePool) => {
      const count = Math.min(jobs, tasks.length);
      settle = () => resolvePool(results);
      // Each worker holds up to DEPTH tasks: while one waits for its file to reach the disk,
      // the next is already being computed, and no worker waits for this thread to answer.
      const inHand = new Map<Worker, Set<number>>();
      // Tasks a dying worker held: each runs once more, alone on a worker, so that the task that
      // killed it is told from the one that was only beside it.
      const retries: number[] = [];
      const retried = new Set<number>();
      const alone = new Set<Worker>();
      const retire = (worker: Worker) => {
        void worker.terminate();
        workers.delete(worker);
        inHand.delete(worker);
        alone.delete(worker);
        if (workers.size > 0) return;
        // Retries left when the last worker goes (a cancelled run) are started work: they get a result.
        for (const index of retries.splice(0)) {
          results[index] = unfinished(tasks[index]!, cancelled ? { cancelled: true } : { error: new Error("no worker left to run it") });
          onResult(results[index], index);
        }
        settle();
      };
      const fill = (worker: Worker, depth: number) => {
        const held = inHand.get(worker)!;
        const post = (index: number) => {
          held.add(index);
          worker.postMessage({ index, task: tasks[index] });
        };
        // Retries are started work: they run after stop() too, not after cancel().
        if (!cancelled && held.size === 0 && retries.length > 0) {
          alone.add(worker);
          post(retries.shift()!);
          return;
        }
        while (!stopped && !alone.has(worker) && next < tasks.length && held.size < depth) post(next++);
        if (held.size === 0) retire(worker);
      };
      const start = (): Worker => {
        const worker = new Worker(workerFile, { workerData: { cancel: cancelFlag } });
        workers.add(worker);
        inHand.set(worker, new Set());
        worker.on("message", ({ index, result }: { index: number; result: UnitResult }) => {
          const held = inHand.get(worker);
          if (!held?.delete(index)) return;
          if (held.size === 0) alone.delete(worker);
          results[index] = result;
          onResult(result, index);
          fill(worker, DEPTH);
        });
        // A worker that dies (out of memory, say) takes no other task with it: the batch goes on.
        const died = (error: unknown) => {
          const held = inHand.get(worker);
          if (!held) return;
          for (const index of held) {
            const final = cancelled || alone.has(worker) || retried.has(index);
            if (!final) {
              retried.add(index);
              retries.push(index);
              continue;
            }
            results[index] = unfinished(tasks[index]!, cancelled ? { cancelled: true } : { error });
            onResult(results[index], index);
          }
          held.clear();
          const replacement = (!cancelled && retries.length > 0) || (!stopped && next < tasks.length) ? start() : undefined;
          retire(worker);
          if (replacement) fill(replacement, DEPTH);
        };
        worker.on("error", died);
        worker.on("exit", (code) => died(new Error(`a worker thread stopped (exit code ${code})`)));
        return worker;
      };
      for (let i = 0; i < count; i++) start();
      // Round by round, so that every worker has a task before any has two.
      for (let depth = 1; depth <= DEPTH; depth++) for (const worker of [...workers]) fill(worker, depth);
    });

  return {
    results: (jobs <= 1 || tasks.length <= 1) && !tasks.some(rendersUserTemplate) ? inThread() : inWorkers(),
    stop() {
      stopped = true;
      stopRun(cancelFlag);
    },
    cancel(grace = 3000) {
      stopped = true;
      cancelled = true;
      cancelRun(cancelFlag);
      // Workers still busy after the grace period are ended; their units count as cancelled.
      setTimeout(() => {
        for (const worker of workers) void worker.terminate();
      }, grace).unref();
    },
  };
}
