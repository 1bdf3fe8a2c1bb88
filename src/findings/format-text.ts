import type { Lang } from "../i18n/lang.js";
import type { Finding } from "./finding.js";
import { renderFinding, type RenderedFinding } from "./render.js";

/** The lines of each source file, so excerpts can quote them. */
export type SourceLines = (file: string) => readonly string[] | undefined;

/**
 * hledger/rustc-style text: `file:line:col: error[code] message`, then the offending line
 * with a caret under the span, then the figures and the hint.
 */
export function formatFinding(raw: Finding, lines: SourceLines, lang: Lang): string {
  const finding = visibleFinding(renderFinding(raw, lang));
  const where = finding.pos ? `${finding.file}:${finding.pos.line}:${finding.pos.col}` : finding.file;
  const out = [`${where}: ${finding.severity}[${finding.code}] ${finding.message}`];
  const source = finding.pos ? lines(finding.file)?.[finding.pos.line - 1] : undefined;
  const text = source === undefined ? undefined : visible(source);
  if (finding.pos && text !== undefined) {
    const gutter = String(finding.pos.line);
    const pad = " ".repeat(gutter.length);
    const before = [...text].slice(0, finding.pos.col - 1).join("");
    const spanText = [...text].slice(finding.pos.col - 1, finding.pos.endCol ?? finding.pos.col).join("");
    out.push(`${pad} |`);
    out.push(`${gutter} | ${text}`);
    out.push(`${pad} | ${blank(before)}${"^".repeat(Math.max(1, width(spanText)))}`);
  }
  const label = LABELS[lang];
  const facts: [string, string | undefined][] = [
    [label.stated, finding.actual],
    [label.computed, finding.expected],
    [label.diff, finding.diff],
    [label.tolerance, finding.tolerance],
    [label.formula, finding.formula],
  ];
  for (const [name, value] of facts) if (value !== undefined) out.push(`  = ${name}: ${value}`);
  for (const r of finding.related ?? []) {
    out.push(`  = ${r.file}${r.pos ? `:${r.pos.line}:${r.pos.col}` : ""}: ${r.message}`);
  }
  if (finding.hint) out.push(`  = ${label.hint}: ${finding.hint}`);
  return out.join("\n");
}

/**
 * Control characters from a file (an escape sequence in a comment, a lone CR) must not
 * reach the terminal: each shows as its Unicode picture (␛, ␍), one column wide like the original.
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, (c) => String.fromCharCode(c === "\u007f" ? 0x2421 : 0x2400 + c.charCodeAt(0)));
}

function visibleFinding(f: RenderedFinding): RenderedFinding {
  const fix = (s: string | undefined) => (s === undefined ? undefined : visible(s));
  return { ...f, file: visible(f.file), message: visible(f.message), hint: fix(f.hint), actual: fix(f.actual), expected: fix(f.expected), formula: fix(f.formula) };
}

const LABELS: Record<Lang, Record<"stated" | "computed" | "diff" | "tolerance" | "formula" | "hint", string>> = {
  zh: { stated: "所载", computed: "计算", diff: "差额", tolerance: "容差", formula: "算式", hint: "提示" },
  en: { stated: "stated", computed: "computed", diff: "difference", tolerance: "tolerance", formula: "formula", hint: "hint" },
};

/** Spaces as wide on a terminal as `text` (tabs kept, CJK characters count two). */
function blank(text: string): string {
  let out = "";
  for (const ch of text) out += ch === "\t" ? "\t" : " ".repeat(charWidth(ch));
  return out;
}

export function width(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  const wide =
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd);
  return wide ? 2 : 1;
}
