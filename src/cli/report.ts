import { appendFile } from "node:fs/promises";
import type { UnitResult } from "../pipeline/result.js";
import { capFindings } from "../findings/cap.js";
import { formatGithub, formatJunit, formatStepSummary } from "../findings/format-ci.js";
import { formatFindings } from "../findings/format-text.js";
import { byPosition, type Finding } from "../findings/finding.js";
import { renderFinding } from "../findings/render.js";
import type { Lang } from "../i18n/lang.js";
import { message, msg, render, type Message } from "../i18n/messages.js";
import { visible } from "../text/visible.js";
import { reasonOf } from "../pipeline/classify.js";
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

/**
 * The text report of one unit, as soon as it is done: its findings with excerpts, then its
 * messages. Printing one unit never stops a batch: if it fails, the unit says so in one line.
 */
export function unitText(result: UnitResult, lang: Lang): string {
  try {
    return [...formatFindings(result.findings, result.texts, lang).map((text) => `${text}\n\n`), ...result.messages.map((m) => `${render(lang, m)}\n`)].join("");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `${visible(result.file)}: error[internal] ${visible(msg(lang, "findings.unprintable", { reason }))}\n`;
  }
}

export function summaryLine(s: Stats, lang: Lang, verb: "check" | "build"): string {
  // A batch says how it went unit by unit and how long it took; one file needs neither.
  const batch = s.units > 1;
  const counted = (key: "summary.files" | "summary.errors" | "summary.warnings", count: number): Message => ({ key: count === 1 ? `${key}.one` : key, params: { count } });
  return render(
    lang,
    message("summary.line", {
      verb: message(verb === "check" ? "summary.checked" : "summary.processed"),
      files: counted("summary.files", s.units),
      units: batch ? message("summary.units", { ok: s.ok, withFindings: s.withFindings, unusable: s.unusable }) : "",
      errors: counted("summary.errors", s.errors),
      warnings: counted("summary.warnings", s.warnings),
      time: batch ? message("summary.time", { seconds: s.seconds.toFixed(2) }) : "",
    }),
  );
}

/** Machine formats, printed once every unit is done. */
export async function machineReport(results: readonly UnitResult[], format: Exclude<CheckFormat, "text">, stats: Stats, lang: Lang, io: Io): Promise<void> {
  const findings: Finding[] = results.flatMap((r) => r.findings).sort(byPosition);
  switch (format) {
    case "json": {
      // As in the text report, at most FINDINGS_PER_UNIT findings of each unit; the rest are counted.
      const capped = results.map((r) => capFindings([...r.findings].sort(byPosition)));
      const listed = capped.flatMap((c) => c.shown).sort(byPosition);
      const omitted = capped.reduce((n, c) => n + c.omitted, 0);
      // Worded in the run's language (`message`), with the message's key and params for programs.
      const worded = listed.map((f) => ({ ...renderFinding(f, lang), key: f.key, ...(f.params ? { params: f.params } : {}) }));
      const report = { valid: stats.errors === 0 && stats.unusable === 0, stats, findings: worded, ...(omitted > 0 ? { omittedFindings: omitted } : {}), units: results.map((r) => r.row) };
      io.out(`${JSON.stringify(report, null, 2)}\n`);
      break;
    }
    case "junit":
      io.out(formatJunit(results.map((r) => ({ file: r.file, rules: r.outcome === "clean" || r.outcome === "findings" ? r.rules : [], findings: r.findings })), lang));
      break;
    case "github": {
      if (findings.length > 0) io.out(`${formatGithub(findings, lang)}\n`);
      const summaryFile = process.env.GITHUB_STEP_SUMMARY;
      // A summary that cannot be written (a full disk) is said in words; the findings' exit code stands.
      if (summaryFile) {
        await appendFile(summaryFile, formatStepSummary(findings, results.length, lang)).catch((error: unknown) => {
          io.err(`${msg(lang, "cli.step-summary-failed", { file: summaryFile, reason: reasonOf(error, lang) })}\n`);
        });
      }
    }
  }
}
