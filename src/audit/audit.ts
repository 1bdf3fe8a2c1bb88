import type { Lang } from "../i18n/lang.js";
import type { UnitResult } from "../pipeline/result.js";
import { emptyRow, statusOf } from "../pipeline/result.js";
import type { AuditDocument } from "./document.js";
import { auditFinding, unreadableFinding } from "./finding.js";
import { readReport } from "./read.js";
import { balances } from "./relations/balance.js";
import { completions } from "./relations/completion.js";
import { counts } from "./relations/count.js";
import { growth } from "./relations/growth.js";
import { repeated } from "./relations/repeated.js";
import { shares, wholesOf } from "./relations/share.js";
import { sums } from "./relations/sum.js";
import { tableSums } from "./relations/table-sum.js";
import { readBlock } from "./sentences.js";
import type { Verdict } from "./verdict.js";
import { ReadFailure } from "./xml.js";


export interface AuditOptions {
  lang: Lang;
  /** Show the relations audit is not sure it read right, as warnings. */
  verbose?: boolean;
  strict?: boolean;
  maxBytes?: number;
}

/** read → sentences and tables → figures → relations → verdicts. Pure after the read. */
export function auditDocument(doc: AuditDocument): Verdict[] {
  const blocks = doc.blocks.map(readBlock);
  const wholes = wholesOf(blocks);
  return [...blocks.flatMap((rb) => [...sums(rb), ...growth(rb), ...shares(rb, wholes), ...completions(rb), ...balances(rb), ...counts(rb)]), ...tableSums(blocks), ...repeated(blocks)];
}

/** One report, as one unit of a run: the same result, outcomes and exit codes as `check`. */
export async function auditFile(file: string, options: AuditOptions): Promise<UnitResult> {
  const base = { file, checks: 0, messages: [], written: [], reads: [file] };
  let doc: AuditDocument;
  try {
    doc = await readReport(file, options.maxBytes);
  } catch (error) {
    if (!(error instanceof ReadFailure)) throw error;
    const finding = unreadableFinding(file, error.key, error.params);
    return { ...base, rules: [], texts: {}, outcome: "input", findings: [finding], row: { ...emptyRow(file), findings: 1 } };
  }
  const verdicts = auditDocument(doc);
  const shown = verdicts.filter((v) => v.status === "error" || (options.verbose && v.status === "unresolved"));
  const findings = shown.map((v) => auditFinding(file, v)).map((f) => (options.strict ? { ...f, severity: "error" as const } : f));
  const outcome = findings.some((f) => f.severity === "error") ? "findings" : "clean";
  return {
    ...base,
    checks: verdicts.filter((v) => v.status !== "unresolved").length,
    rules: [...new Set(verdicts.filter((v) => v.status !== "unresolved").map((v) => `audit.${v.relation}`))].sort(),
    texts: { [file]: doc.text },
    outcome,
    findings,
    row: { ...emptyRow(file), status: statusOf(outcome), findings: findings.length },
  };
}
