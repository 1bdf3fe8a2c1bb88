import { appendFile } from "node:fs/promises";
import { RULE_IDS } from "../check/rule-ids.js";
import type { UnitResult } from "../pipeline/result.js";
import { formatGithub, formatJunit, formatStepSummary } from "../findings/format-ci.js";
import { formatFinding } from "../findings/format-text.js";
import { byPosition, type Finding } from "../findings/finding.js";
import type { Lang } from "../i18n/lang.js";
import type { Io } from "./main.js";

export type CheckFormat = "text" | "json" | "github" | "junit";

export interface Stats {
  units: number;
  ok: number;
  withFindings: number;
  unusable: number;
  checks: number;
  errors: number;
  warnings: number;
  seconds: number;
}

export function statsOf(results: readonly UnitResult[], seconds: number): Stats {
  const findings = results.flatMap((r) => r.findings);
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    units: results.length,
    ok: results.filter((r) => r.outcome === "clean").length,
    withFindings: results.filter((r) => r.outcome === "findings").length,
    unusable: results.filter((r) => r.outcome !== "clean" && r.outcome !== "findings").length,
    checks: results.reduce((n, r) => n + r.checks, 0),
    errors,
    warnings: findings.length - errors,
    seconds,
  };
}

/** The text report of one unit, as soon as it is done: its findings with excerpts, then its messages. */
export function unitText(result: UnitResult, lang: Lang): string {
  const lines = (file: string) => result.texts[file]?.split(/\r?\n/);
  const findings = [...result.findings].sort(byPosition);
  return [...findings.map((f) => `${formatFinding(f, lines, lang)}\n\n`), ...result.messages.map((m) => `${m}\n`)].join("");
}

export function summaryLine(s: Stats, lang: Lang, verb: "check" | "build"): string {
  // A batch says how it went unit by unit and how long it took; one file needs neither.
  const batch = s.units > 1;
  const time = s.seconds.toFixed(2);
  if (lang === "zh") {
    const what = verb === "check" ? "检查了" : "处理了";
    const units = batch ? `（${s.ok} 个通过，${s.withFindings} 个有问题，${s.unusable} 个无法使用）` : "";
    return `${what} ${s.units} 个文件${units}：${s.errors} 个错误，${s.warnings} 个警告${batch ? `，用时 ${time} 秒` : ""}`;
  }
  const what = verb === "check" ? "checked" : "processed";
  const units = batch ? ` (${s.ok} clean, ${s.withFindings} with findings, ${s.unusable} unusable)` : "";
  return `${what} ${s.units} file${s.units === 1 ? "" : "s"}${units}: ${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"}${batch ? ` in ${time}s` : ""}`;
}

/** Machine formats, printed once every unit is done. */
export async function machineReport(results: readonly UnitResult[], format: Exclude<CheckFormat, "text">, stats: Stats, io: Io, rules: readonly string[] = RULE_IDS): Promise<void> {
  const findings: Finding[] = results.flatMap((r) => r.findings).sort(byPosition);
  switch (format) {
    case "json":
      io.out(`${JSON.stringify({ valid: stats.errors === 0 && stats.unusable === 0, stats, findings, units: results.map((r) => r.row) }, null, 2)}\n`);
      break;
    case "junit":
      io.out(formatJunit(results.map((r) => ({ file: r.file, rules: r.outcome === "clean" || r.outcome === "findings" ? rules : [], findings: r.findings }))));
      break;
    case "github": {
      if (findings.length > 0) io.out(`${formatGithub(findings)}\n`);
      const summaryFile = process.env.GITHUB_STEP_SUMMARY;
      if (summaryFile) await appendFile(summaryFile, formatStepSummary(findings, results.length));
    }
  }
}
