import { byPosition, hasErrors, type Finding } from "../findings/finding.js";
import { formatFinding } from "../findings/format-text.js";
import type { Lang } from "../i18n/lang.js";
import { loadDataset, type Loaded } from "../load/load.js";
import { EXIT } from "./exit.js";
import type { Io } from "./main.js";

export interface CheckOptions {
  lang: Lang;
  format: "text" | "json";
  maxBytes?: number;
}

export async function runCheck(files: string[], options: CheckOptions, io: Io): Promise<number> {
  const results: Loaded[] = [];
  for (const file of files) results.push(await loadDataset(file, options));
  const findings = results.flatMap((r) => r.findings).sort(byPosition);
  const unusable = results.some((r) => !r.located);
  const code = unusable ? EXIT.usage : hasErrors(findings) ? EXIT.findings : EXIT.ok;

  if (options.format === "json") {
    io.out(`${JSON.stringify({ valid: code === EXIT.ok, findings }, null, 2)}\n`);
    return code;
  }
  const lines = new Map(results.filter((r) => r.source).map((r) => [r.file, r.source!.text.split(/\r?\n/)]));
  for (const finding of findings) io.err(`${formatFinding(finding, (f) => lines.get(f), options.lang)}\n\n`);
  io.err(`${summary(results.length, findings, options.lang)}\n`);
  return code;
}

function summary(files: number, findings: Finding[], lang: Lang): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  return lang === "zh"
    ? `检查了 ${files} 个文件：${errors} 个错误，${warnings} 个警告`
    : `checked ${files} file${files === 1 ? "" : "s"}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}
