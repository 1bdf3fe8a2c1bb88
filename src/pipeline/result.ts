import type { Finding } from "../findings/finding.js";
import type { Lang } from "../i18n/lang.js";
import type { Message } from "../i18n/messages.js";
import type { OutputFormat } from "../write/formats.js";
import type { DocStyle } from "../write/style.js";
import type { Outcome } from "./outcome.js";

export interface UnitOptions {
  lang: Lang;
  strict?: boolean;
  maxBytes?: number;
  /** The folder a `prior:` may lead into besides the dataset's own folder tree (absolute; default the current directory). */
  root?: string;
}

export interface BuildUnitOptions extends UnitOptions {
  formats: OutputFormat[];
  /** Where outputs go: a directory (each output named after its dataset, or `stem`) or, for one output, a file. */
  out: { dir: string; stem?: string } | { file: string };
  template?: string;
  /** A bundled family named by --template NAME (src/render/families.ts); a dataset's report.template yields to it. */
  family?: string;
  /** The --style file (its name: no output may replace it). */
  style?: string;
  /** Its page, fonts and sizes merged over GB/T 9704, as the CLI read and checked it once for the run; plain data, so it crosses to the workers. */
  docStyle?: DocStyle;
  force?: boolean;
  /** Files the whole run reads (every dataset of a batch, --style, --template) as [fileKey, name]: no output may replace one. */
  reads?: [string, string][];
}

/** One row of `check --summary`: the unit's headline figures. */
export interface SummaryRow {
  file: string;
  unit: string;
  year: string;
  status: "ok" | "findings" | "unusable";
  findings: number;
  income: string;
  expenditure: string;
  carryOver: string;
  score: string;
  grade: string;
}

/** Everything a run learns about one dataset; plain data, so it can cross a worker boundary. */
export interface UnitResult {
  file: string;
  outcome: Outcome;
  findings: Finding[];
  checks: number;
  /** The rules that made a check (JUnit's test cases). */
  rules: string[];
  /** Source texts by file name, for excerpts under findings: only datasets being checked, never another file. */
  texts: Record<string, string>;
  row: SummaryRow;
  /** Lines to print after the findings (files written, refusals), worded by the formatter in the run's language. */
  messages: Message[];
  written: string[];
  /** The files this unit read (the dataset, its prior year): no output of the run may replace them. */
  reads: string[];
  /** An internal error's stack, printed only under --debug. */
  stack?: string;
  /** PDFs asked for, as their DOCX: the run converts them all with one LibreOffice start at its end (src/pipeline/pdf-run.ts). */
  pdf?: PendingPdf[];
}

/** A PDF to write: its target and the DOCX LibreOffice is to convert. */
export interface PendingPdf {
  target: string;
  docx: Uint8Array;
}

export function emptyRow(file: string): SummaryRow {
  return { file, unit: "", year: "", status: "unusable", findings: 0, income: "", expenditure: "", carryOver: "", score: "", grade: "" };
}

/** The summary row's status for an outcome. */
export function statusOf(outcome: Outcome): SummaryRow["status"] {
  return outcome === "clean" ? "ok" : outcome === "findings" ? "findings" : "unusable";
}
