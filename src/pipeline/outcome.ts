/**
 * How one unit's run ended. The CLI maps an outcome to an exit code in one place
 * (src/cli/exit.ts); everything else speaks of outcomes.
 * - input: the dataset, a template, a style or an output path the user gave is unusable;
 * - environment: the machine refused (disk full, permissions, too many open files…);
 * - internal: a bug in perf-report.
 */
export type Outcome = "clean" | "findings" | "input" | "environment" | "internal" | "cancelled";

const RANK: Record<Outcome, number> = { clean: 0, findings: 1, input: 2, environment: 3, internal: 4, cancelled: 5 };

/** The worse of two outcomes: a later failure never hides an earlier, worse one, nor the other way. */
export function worse(a: Outcome, b: Outcome): Outcome {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Cancellation of a unit (a second Ctrl-C), thrown by the checkpoint a scheduler hands to the pipeline. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}
