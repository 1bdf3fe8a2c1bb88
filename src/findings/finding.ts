import type { Message } from "../i18n/messages.js";
/** A position in a source file, 1-based, as editors and CI annotations count. */
export interface SourcePos {
  line: number;
  col: number;
  /** Last column of the offending span on the same line (inclusive), when known. */
  endCol?: number;
}

export type Severity = "error" | "warning";

/**
 * Everything the tool has to say about an input is a Finding: plain data (ajv's model) that
 * the CLI prints as text, JSON or CI annotations. What it says is a message of the catalogue
 * (`key` and `params`), worded by the formatters in the user's language.
 */
export interface Finding extends Message {
  /** Stable rule id, e.g. `yaml.duplicate-key`, `schema.type`, `growth-rate`. */
  code: string;
  severity: Severity;
  file: string;
  pos?: SourcePos;
  /** JSON pointer into the dataset, e.g. `/finance/income/sources/0/amount`. */
  path?: string;
  hint?: Message;
  expected?: string;
  actual?: string;
  diff?: string;
  tolerance?: Message;
  formula?: string;
  /** A second place that takes part in the finding (e.g. the same figure in the prior year's file). */
  related?: Related[];
}

export interface Related extends Message {
  file: string;
  pos?: SourcePos;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

export function byPosition(a: Pick<Finding, "file" | "pos">, b: Pick<Finding, "file" | "pos">): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.col ?? 0) - (b.pos?.col ?? 0);
}
