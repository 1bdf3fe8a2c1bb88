import type { Lang } from "../i18n/lang.js";
import { msg } from "../i18n/messages.js";
import { capFindings, FINDINGS_PER_UNIT } from "./cap.js";
import { byPosition, type Finding } from "./finding.js";
import { visible } from "../text/visible.js";

/** The lines of each source file, so excerpts can quote them. */
export type SourceLines = (file: string) => readonly string[] | undefined;

/**
 * A unit's findings as text blocks, in order of position: at most FINDINGS_PER_UNIT, then a
 * line saying how many more there are. Each source file is split into lines once. A finding
 * whose excerpt cannot be made is printed without it rather than not at all.
 */
export function formatFindings(findings: readonly Finding[], texts: Readonly<Record<string, string>>, lang: Lang): string[] {
  const split = new Map<string, readonly string[]>();
  const lines: SourceLines = (file) => {
    if (!Object.hasOwn(texts, file)) return undefined;
    let found = split.get(file);
    if (!found) split.set(file, (found = texts[file]!.split(/\r?\n/)));
    return found;
  };
  const { shown, omitted } = capFindings([...findings].sort(byPosition));
  const out = shown.map((f) => {
    try {
      return formatFinding(f, lines, lang);
    } catch {
      return formatFinding(f, () => undefined, lang);
    }
  });
  if (omitted > 0) out.push(msg(lang, "findings.more", { count: omitted, limit: FINDINGS_PER_UNIT }));
  return out;
}

/** Display columns of source text quoted under a finding; a longer line is clipped around the column. */
export const EXCERPT_COLUMNS = 120;
/** Columns kept before the caret when a line is clipped. */
const CONTEXT_BEFORE = 40;
const ELLIPSIS = "…";

/**
 * hledger/rustc-style text: `file:line:col: error[code] message`, then the offending line
 * (clipped to EXCERPT_COLUMNS around the column, so that a 600 KB line quoted under 500
 * findings stays 500 short lines) with a caret under the span, then the figures and the hint.
 */
export function formatFinding(raw: Finding, lines: SourceLines, lang: Lang): string {
  const finding = visibleFinding(raw);
  const where = finding.pos ? `${finding.file}:${finding.pos.line}:${finding.pos.col}` : finding.file;
  const out = [`${where}: ${finding.severity}[${finding.code}] ${finding.message}`];
  const source = finding.pos ? lines(raw.file)?.[finding.pos.line - 1] : undefined;
  if (finding.pos && source !== undefined) {
    const gutter = String(finding.pos.line);
    const pad = " ".repeat(gutter.length);
    const cut = excerpt(source, finding.pos.col, finding.pos.endCol);
    out.push(`${pad} |`);
    out.push(`${gutter} | ${visible(cut.text)}`);
    out.push(`${pad} | ${blank(visible(cut.before))}${"^".repeat(Math.max(1, width(cut.span)))}`);
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

function visibleFinding(f: Finding): Finding {
  const fix = (s: string | undefined) => (s === undefined ? undefined : visible(s));
  return { ...f, file: visible(f.file), message: visible(f.message), hint: fix(f.hint), actual: fix(f.actual), expected: fix(f.expected), formula: fix(f.formula) };
}

const LABELS: Record<Lang, Record<"stated" | "computed" | "diff" | "tolerance" | "formula" | "hint", string>> = {
  zh: { stated: "所载", computed: "计算", diff: "差额", tolerance: "容差", formula: "算式", hint: "提示" },
  en: { stated: "stated", computed: "computed", diff: "difference", tolerance: "tolerance", formula: "formula", hint: "hint" },
};

/**
 * The part of `line` to quote: all of it when it fits in EXCERPT_COLUMNS, else a window with
 * CONTEXT_BEFORE columns before column `col` and … where the line goes on. `before` is the
 * quoted text left of the column (for the caret's indent), `span` the quoted text it marks.
 * Work is proportional to `col` and the window, never to the rest of the line.
 */
export function excerpt(line: string, col: number, endCol = col): { text: string; before: string; span: string } {
  const start = indexOfColumn(line, 0, col - 1);
  const end = indexOfColumn(line, start, Math.max(1, endCol - col + 1));
  if (advance(line, 0, EXCERPT_COLUMNS) === line.length) {
    return { text: line, before: line.slice(0, start), span: line.slice(start, end) };
  }
  // Room for the text between the marks: one column for each mark that may be needed.
  const room = EXCERPT_COLUMNS - 2;
  let left = retreat(line, start, CONTEXT_BEFORE);
  let right = advance(line, left, room);
  // Near the end of the line (no … after it), the columns not needed after the caret go before it.
  if (right === line.length) left = retreat(line, start, EXCERPT_COLUMNS - 1 - width(line.slice(start, right)));
  const head = left > 0 ? ELLIPSIS : "";
  const tail = right < line.length ? ELLIPSIS : "";
  return { text: `${head}${line.slice(left, right)}${tail}`, before: `${head}${line.slice(left, start)}`, span: line.slice(start, Math.min(end, right)) };
}

/** The UTF-16 index `count` code points after `from` (or the end of the line). */
function indexOfColumn(line: string, from: number, count: number): number {
  let i = from;
  for (let n = 0; n < count && i < line.length; n++) {
    const c = line.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

/** The UTF-16 index after as many code points from `from` as fit in `columns` display columns. */
function advance(line: string, from: number, columns: number): number {
  let i = from;
  let w = 0;
  while (i < line.length) {
    const step = isHighSurrogate(line, i) ? 2 : 1;
    w += charWidth(line.slice(i, i + step));
    if (w > columns) break;
    i += step;
  }
  return i;
}

/** The UTF-16 index before `from` that leaves at most `columns` display columns up to `from`. */
function retreat(line: string, from: number, columns: number): number {
  let i = from;
  let w = 0;
  while (i > 0) {
    const step = i >= 2 && isHighSurrogate(line, i - 2) ? 2 : 1;
    w += charWidth(line.slice(i - step, i));
    if (w > columns) break;
    i -= step;
  }
  return i;
}

function isHighSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
}

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
