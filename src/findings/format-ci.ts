import { escapeXml as xml } from "../text/escape-xml.js";
import { capFindings } from "./cap.js";
import type { Finding } from "./finding.js";

/** GitHub Actions workflow commands; GitHub shows at most 10 per step, so the rest go to the summary. */
export function formatGithub(findings: readonly Finding[], limit = 10): string {
  const more = findings.length - limit;
  const notice = more > 0 ? [`::notice title=perf-report::${more} more finding(s) not annotated (GitHub shows ${limit} per step); the step summary lists them all`] : [];
  return [...findings.slice(0, limit).map(annotation), ...notice].join("\n");
}

function annotation(f: Finding): string {
  const props = [`file=${prop(f.file)}`];
  if (f.pos) {
    props.push(`line=${f.pos.line}`, `col=${f.pos.col}`);
    if (f.pos.endCol !== undefined) props.push(`endColumn=${f.pos.endCol}`);
  }
  props.push(`title=${prop(`perf-report ${f.code}`)}`);
  const level = f.severity === "error" ? "error" : "warning";
  const detail = [f.message, f.formula, f.hint].filter(Boolean).join("\n");
  return `::${level} ${props.join(",")}::${data(detail)}`;
}

/**
 * The Markdown table appended to $GITHUB_STEP_SUMMARY: every finding, not just the first ten
 * (up to FINDINGS_PER_UNIT rows, then a count: GitHub takes at most 1 MiB of summary).
 */
export function formatStepSummary(findings: readonly Finding[], files: number): string {
  const { shown, omitted } = capFindings(findings);
  const rows = shown.map((f) => `| ${markdownCell(f.file)}${f.pos ? `:${f.pos.line}:${f.pos.col}` : ""} | ${f.severity} | \`${f.code}\` | ${markdownCell(f.message)} |`);
  const more = omitted > 0 ? `\n… ${omitted} more finding(s) not listed here\n` : "";
  const head = `### perf-report check: ${files} file(s), ${findings.filter((f) => f.severity === "error").length} error(s), ${findings.filter((f) => f.severity === "warning").length} warning(s)\n`;
  return rows.length === 0 ? `${head}\nAll figures reconcile.\n` : `${head}\n| where | severity | rule | message |\n|---|---|---|---|\n${rows.join("\n")}\n${more}`;
}

/** JUnit XML: one test case per rule and file; a failure per finding. */
export function formatJunit(results: readonly { file: string; rules: readonly string[]; findings: readonly Finding[] }[]): string {
  const suites = results.map(({ file, rules, findings }) => {
    const codes = [...new Set([...rules, ...findings.map((f) => f.code)])].sort();
    const cases = codes.map((code) => {
      const failures = findings.filter((f) => f.code === code && f.severity === "error");
      const body = failures
        .map((f) => `      <failure message="${xml(f.message)}" type="${xml(code)}">${xml(`${f.file}${f.pos ? `:${f.pos.line}:${f.pos.col}` : ""}: ${f.message}${f.formula ? `\n${f.formula}` : ""}`)}</failure>`)
        .join("\n");
      return body ? `    <testcase classname="${xml(file)}" name="${xml(code)}">\n${body}\n    </testcase>` : `    <testcase classname="${xml(file)}" name="${xml(code)}"/>`;
    });
    const failures = codes.filter((c) => findings.some((f) => f.code === c && f.severity === "error")).length;
    return `  <testsuite name="${xml(file)}" tests="${codes.length}" failures="${failures}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="perf-report check">\n${suites.join("\n")}\n</testsuites>\n`;
}

function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function prop(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * Text from a dataset in a Markdown table cell, shown as written: never HTML (<img …>), a
 * link or image ([点此](https://…)), emphasis or code, and never a new cell or row.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_~[\]()!|]/g, "\\$&");
}
