import { intervalText } from "../compute/rounding.js";
import type { Finding, SourcePos } from "../findings/finding.js";
import { message, type Message, type MessageKey, type Params } from "../i18n/messages.js";
import { MODE } from "./precision.js";
import type { Mark, Verdict } from "./verdict.js";

/** The one place audit makes a Finding: the verdict's catalogue key, with where and what it quotes. */
export function auditFinding(file: string, v: Verdict): Finding {
  const text = (key: MessageKey, params: Params, at: Mark): Message => ({ key, params: { ...params, where: where(at), quote: quote(at) } });
  return {
    code: `audit.${v.relation}`,
    severity: v.status === "error" ? "error" : "warning",
    ...text(v.key, v.params, v.at),
    file,
    pos: pos(v.at),
    actual: v.stated,
    expected: v.computed,
    diff: v.diff,
    tolerance: v.precision
      ? message(v.precision.dp === 1 ? "check.tolerance-one" : "check.tolerance", { dp: v.precision.dp, mode: { key: `rounding.${MODE}` }, range: `${intervalText(v.precision.value, v.precision.dp, MODE)}${v.precision.unit}` })
      : undefined,
    formula: v.formula,
    hint: v.otherModes && v.otherModes.length > 0 ? message("check.other-modes", { modes: message("list.or", { items: v.otherModes.map((m): Message => ({ key: `rounding.${m}` })) }) }) : undefined,
    related: v.related?.map((r) => ({ file, pos: pos(r.at), ...text(r.key, r.params, r.at) })),
  };
}

/** A report that could not be read: exit 2, with why. */
export function unreadableFinding(file: string, key: MessageKey, params: Params): Finding {
  return { code: key.startsWith("io.") ? key : "audit.unreadable", severity: "error", key, params, file };
}

/** Line and columns in the text that was read (columns count characters, as the text formatter does). */
function pos(at: Mark): SourcePos {
  const line = at.rb.block.text;
  const col = [...line.slice(0, at.start)].length + 1;
  return { line: at.rb.block.line, col, endCol: col + [...line.slice(at.start, at.end)].length - 1 };
}

/** 第5段第1句, or 表2第3行第4列. */
function where(at: Mark): Message {
  const b = at.rb.block;
  if (b.kind === "paragraph") {
    const s = at.rb.sentences.find((x) => at.start >= x.start && at.start < x.end);
    return message("audit.where.paragraph", { paragraph: b.number, sentence: s?.index ?? 1 });
  }
  let column = 1;
  b.cellStarts.forEach((start, i) => {
    if (at.start >= start) column = i + 1;
  });
  return message("audit.where.table", { table: b.table, row: b.row, column });
}

const QUOTE_SPAN = 40;

/** The sentence, with the figure marked 【like this】, cut to about 40 characters either side. */
function quote(at: Mark): string {
  const text = at.rb.block.text;
  const s = at.rb.sentences.find((x) => at.start >= x.start && at.start < x.end) ?? { start: 0, end: text.length };
  const from = Math.max(s.start, at.start - QUOTE_SPAN);
  const to = Math.min(s.end, at.end + QUOTE_SPAN);
  const before = `${from > s.start ? "…" : ""}${text.slice(from, at.start).trimStart()}`;
  const after = `${text.slice(at.end, to).trimEnd()}${to < s.end ? "…" : ""}`;
  return `${before}【${text.slice(at.start, at.end)}】${after}`;
}
