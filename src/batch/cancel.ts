import { Cancelled } from "../pipeline/outcome.js";

/**
 * A run's cancellation flag (a second Ctrl-C), shared by the main thread and its workers
 * through a SharedArrayBuffer. A running unit looks at it before each step that writes and
 * stops there, taking its own temporary file away: a worker is never killed mid-step.
 */
let flag = new Int32Array(new SharedArrayBuffer(4));

/** A fresh flag for a new run; the threads that run its units adopt it with `adoptCancelFlag`. */
export function newCancelFlag(): SharedArrayBuffer {
  return new SharedArrayBuffer(4);
}

/** The flag `throwIfCancelled` reads in this thread from now on. */
export function adoptCancelFlag(buffer: SharedArrayBuffer): void {
  flag = new Int32Array(buffer);
}

/** Raises a run's flag (the one `newCancelFlag` gave it): its units in every thread see it. */
export function cancelRun(buffer: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(buffer), 0, 1);
}

export { Cancelled };

export function throwIfCancelled(): void {
  if (Atomics.load(flag, 0) === 1) throw new Cancelled();
}
