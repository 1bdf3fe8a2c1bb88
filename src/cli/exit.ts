import type { Outcome } from "../pipeline/outcome.js";

/** Exit codes, as CI reads them. */
export const EXIT = {
  ok: 0,
  /** The datasets were read and have findings (reconciliation errors). */
  findings: 1,
  /** Unusable input (unreadable, not YAML, not the schema), a usage error, or the machine refused (disk full, permissions). */
  usage: 2,
  /** A bug in perf-report itself. */
  internal: 3,
  interrupted: 130,
} as const;

const BY_OUTCOME: Record<Outcome, number> = {
  clean: EXIT.ok,
  findings: EXIT.findings,
  input: EXIT.usage,
  environment: EXIT.usage,
  internal: EXIT.internal,
  cancelled: EXIT.interrupted,
};

/** The one place an outcome becomes an exit code. */
export function exitCode(outcome: Outcome): number {
  return BY_OUTCOME[outcome];
}
