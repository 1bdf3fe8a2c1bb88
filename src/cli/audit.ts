import { expandInputs, WALK_LIMITS } from "../batch/inputs.js";
import { auditFile, type AuditOptions } from "../audit/audit.js";
import { msg } from "../i18n/messages.js";
import type { UnitResult } from "../pipeline/result.js";
import { EXIT, exitCode } from "./exit.js";
import type { Io } from "./main.js";
import { machineReport, statsOf, summaryLine, unitText, type CheckFormat } from "./report.js";

const REPORTS = ["**/*.docx", "**/*.txt", "**/*.md", "**/*.html", "**/*.htm", "**/*.pdf"];

/** `perf-report audit FILE...`: each report is a unit, reported and exit-coded as `check` does. */
export async function runAudit(inputs: string[], options: AuditOptions & { format: CheckFormat }, io: Io): Promise<number> {
  const started = performance.now();
  const { files, empty } = await expandInputs(inputs, WALK_LIMITS, REPORTS);
  for (const pattern of empty) io.err(`${msg(options.lang, "cli.no-match", { pattern })}\n`);
  if (files.length === 0) return EXIT.usage;
  const results: UnitResult[] = [];
  for (const file of files) {
    const result = await auditFile(file, options);
    results.push(result);
    if (options.format === "text") io.err(unitText(result, options.lang));
  }
  const stats = statsOf(results, (performance.now() - started) / 1000);
  if (options.format !== "text") await machineReport(results, options.format, stats, options.lang, io);
  if (options.format === "text" || options.format === "github") io.err(`${summaryLine(stats, options.lang, "check")}\n`);
  return Math.max(...results.map((r) => exitCode(r.outcome)));
}
