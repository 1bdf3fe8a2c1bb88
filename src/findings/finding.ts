/** A position in a source file, 1-based, as editors and CI annotations count. */
export interface SourcePos {
  line: number;
  col: number;
  /** Last column of the offending span on the same line (inclusive), when known. */
  endCol?: number;
}

export type Severity = "error" | "warning";

/**
 * Everything the tool has to say about an input is a Finding: plain data that the CLI
 * prints as text, JSON or CI annotations. Messages are already in the user's language.
 */
export interface Finding {
  /** Stable rule id, e.g. `yaml.duplicate-key`, `schema.type`, `sum.income-total`. */
  code: string;
  severity: Severity;
  message: string;
  file: string;
  pos?: SourcePos;
  /** JSON pointer into the dataset, e.g. `/finance/income/sources/0/amount`. */
  path?: string;
  hint?: string;
  expected?: string;
  actual?: string;
  diff?: string;
  tolerance?: string;
  formula?: string;
  /** A second place that takes part in the finding (e.g. the same figure in the prior year's file). */
  related?: { file: string; pos?: SourcePos; message: string }[];
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

export function byPosition(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.col ?? 0) - (b.pos?.col ?? 0);
}
