/** Exit codes, as CI reads them. */
export const EXIT = {
  ok: 0,
  /** The datasets were read and have findings (reconciliation errors). */
  findings: 1,
  /** Unusable input (unreadable, not YAML, not the schema) or a usage error. */
  usage: 2,
  /** A bug in perf-report itself. */
  internal: 3,
  interrupted: 130,
} as const;
