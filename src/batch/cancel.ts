import { Cancelled } from "../pipeline/outcome.js";

/**
 * A run's cancellation flag (a second Ctrl-C), shared by the main thread and its workers
 * through a SharedArrayBuffer. A running unit looks at it before each step that writes and
 * stops there, taking its own temporary file away: a worker is never killed mid-step.
 * Beside it, the run's stop flag (the first Ctrl-C): a unit still rendering its template gives
 * up at its next block (it has written nothing yet), so that a template that runs away does
 * not hold the run; a unit already writing finishes.
 */
let flag = new Int32Array(new SharedArrayBuffer(8));
const CANCEL = 0;
const STOP = 1;

/** A fresh flag for a new run; the threads that run its units adopt it with `adoptCancelFlag`. */
export function newCancelFlag(): SharedArrayBuffer {
  return new SharedArrayBuffer(8);
}

/** The flag `throwIfCancelled` reads in this thread from now on. */
export function adoptCancelFlag(buffer: SharedArrayBuffer): void {
  flag = new Int32Array(buffer);
}

/** Raises a run's flag (the one `newCancelFlag` gave it): its units in every thread see it. */
export function cancelRun(buffer: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(buffer), CANCEL, 1);
}

/** Raises a run's stop flag: renders under way in every thread give up (see `renderStopped`). */
export function stopRun(buffer: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(buffer), STOP, 1);
}

/** Whether a render in this thread is to give up: the run was stopped or cancelled. */
export function renderStopped(): boolean {
  return Atomics.load(flag, STOP) === 1 || Atomics.load(flag, CANCEL) === 1;
}

export { Cancelled };

export function throwIfCancelled(): void {
  if (Atomics.load(flag, CANCEL) === 1) throw new Cancelled();
}
