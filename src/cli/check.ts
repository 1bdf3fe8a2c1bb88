import { appendFile } from "node:fs/promises";
import { reconcile } from "../check/check.js";
import { RULE_IDS } from "../check/rule-ids.js";
import { formatGithub, formatJunit, formatStepSummary } from "../findings/format-ci.js";
import { formatFinding } from "../findings/format-text.js";
import { byPosition, type Finding } from "../findings/finding.js";
import type { Lang } from "../i18n/lang.js";
import { loadDataset } from "../load/load.js";
import { EXIT } from "./exit.js";
import type { Io } from "./main.js";

export type CheckFormat = "text" | "json" | "github" | "junit";

export interface CheckOptions {
  lang: Lang;
  format: CheckFormat;
  strict?: boolean;
  maxBytes?: number;
}

export interface FileResult {
  file: string;
  usable: boolean;
  findings: Finding[];
  checks: number;
  text?: string;
}

/** Loads and reconciles one dataset; never throws for bad input. */
export async function checkFile(file: string, options: CheckOptions): Promise<FileResult> {
  const loaded = await loadDataset(file, options);
  const text = loaded.source?.text;
  if (!loaded.located) return { file, usable: false, findings: loaded.findings, checks: 0, text };
  const result = reconcile(loaded.located, options.lang);
  const findings = options.strict ? result.findings.map((f) => ({ ...f, severity: "error" as const })) : result.findings;
  return { file, usable: true, findings, checks: result.checks, text };
}

export async function runCheck(files: string[], options: CheckOptions, io: Io): Promise<number> {
  const results: FileResult[] = [];
  for (const file of files) results.push(await checkFile(file, options));
  return report(results, options, io);
}

export async function report(results: FileResult[], options: CheckOptions, io: Io): Promise<number> {
  const findings = results.flatMap((r) => r.findings).sort(byPosition);
  const errors = findings.filter((f) => f.severity === "error").length;
  const code = results.some((r) => !r.usable) ? EXIT.usage : errors > 0 ? EXIT.findings : EXIT.ok;
  const stats = { files: results.length, checks: results.reduce((n, r) => n + r.checks, 0), errors, warnings: findings.length - errors };

  switch (options.format) {
    case "json":
      io.out(`${JSON.stringify({ valid: code === EXIT.ok, stats, findings }, null, 2)}\n`);
      break;
    case "junit":
      io.out(formatJunit(results.map((r) => ({ file: r.file, rules: r.usable ? RULE_IDS : [], findings: r.findings }))));
      break;
    case "github": {
      if (findings.length > 0) io.out(`${formatGithub(findings)}\n`);
      const summaryFile = process.env.GITHUB_STEP_SUMMARY;
      if (summaryFile) await appendFile(summaryFile, formatStepSummary(findings, results.length));
      io.err(`${summaryLine(stats, options.lang)}\n`);
      break;
    }
    case "text": {
      const lines = new Map(results.filter((r) => r.text !== undefined).map((r) => [r.file, r.text!.split(/\r?\n/)]));
      for (const finding of findings) io.err(`${formatFinding(finding, (f) => lines.get(f), options.lang)}\n\n`);
      io.err(`${summaryLine(stats, options.lang)}\n`);
    }
  }
  return code;
}

function summaryLine(s: { files: number; checks: number; errors: number; warnings: number }, lang: Lang): string {
  return lang === "zh"
    ? `检查了 ${s.files} 个文件：${s.errors} 个错误，${s.warnings} 个警告`
    : `checked ${s.files} file${s.files === 1 ? "" : "s"}: ${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"}`;
}
