import { message } from "../../i18n/messages.js";
import { Dec } from "../../load/numbers.js";
import { normalise } from "../figures.js";
import { fitsValue, printed, show } from "../precision.js";
import type { ReadBlock } from "../sentences.js";
import type { Verdict } from "../verdict.js";

/** A cell that is only a number (a unit after it allowed): its value and printed decimals. */
interface Num {
  value: Dec;
  dp: number;
  unit: string;
}

type Cell = Num | "blank" | "text";

const NUMBER = /^([-−]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(亿元|万元|千元|元|人|个|家|项)?$/;
/** A cell that says "nothing here": the value may be hidden, so a sum over it is never certain. */
const BLANK = /^(|[-—–－―/／]+|无)$/;
const TOTAL = /^(合计|总计|小计)$/;
/** A column that is not an amount to add: a rate, a share, a change, last year's figure. */
const NOT_ADDED = /率|%|％|比|占|增|减|上年|去年|序号|编号|年度|排名|得分|分值|权重/;
/** A row below another one's level: 其中, (一) under 一、, 1. under (一). */
const SUB_ROW = /^(其中|含|包括)[：:]?|^[（(][一二三四五六七八九十\d]+[）)]|^\d+[.．、]/;

function cellOf(raw: string): Cell {
  const text = normalise(raw).replace(/\s+/g, "");
  if (BLANK.test(text)) return "blank";
  const m = NUMBER.exec(text);
  if (!m) return "text";
  return { value: new Dec(`${m[1] ? "-" : ""}${m[2]!.replace(/,/g, "")}${m[3] ? `.${m[3]}` : ""}`), dp: m[3]?.length ?? 0, unit: m[4] ?? "" };
}

const isNum = (c: Cell | undefined): c is Num => typeof c === "object";

/**
 * A table's total row (合计/总计/小计, checked against the rows above it, column by column) and
 * total column (a header 合计, checked against its row's other amount columns), at the precision
 * the total is printed with. An error only when the reading is certain: every part is a number
 * (no blank that may hide one), the rows are of one level, and the difference is more than the
 * parts' own rounding can make; otherwise unresolved.
 */
export function tableSums(blocks: ReadBlock[]): Verdict[] {
  const tables = new Map<number, ReadBlock[]>();
  for (const rb of blocks) if (rb.block.kind === "row") tables.set(rb.block.table, [...(tables.get(rb.block.table) ?? []), rb]);
  return [...tables.values()].flatMap((rows) => [...totalRows(rows), ...totalColumns(rows)]);
}

function cellsOf(rb: ReadBlock): string[] {
  return rb.block.kind === "row" ? rb.block.cells : [];
}

/** The row's label: its first cell that is text (序号 columns come before it). */
function labelOf(rb: ReadBlock): string {
  return cellsOf(rb).map((c) => c.replace(/\s+/g, "")).find((c) => cellOf(c) === "text") ?? "";
}

/** Header rows: those before the first row holding a number. */
function splitHeader(rows: ReadBlock[]): { header: ReadBlock[]; body: ReadBlock[] } {
  const first = rows.findIndex((rb) => cellsOf(rb).some((c) => isNum(cellOf(c))));
  return first < 0 ? { header: rows, body: [] } : { header: rows.slice(0, first), body: rows.slice(first) };
}

function totalRows(rows: ReadBlock[]): Verdict[] {
  const { header, body } = splitHeader(rows);
  const heads = header.at(-1) ? cellsOf(header.at(-1)!) : [];
  const out: Verdict[] = [];
  // A total row whose label spans two cells (序号 and 名称 merged) is shorter: its cells line up from the right.
  const aligned = (cells: string[], width: number, col: number) => cells[cells.length - (width - col)] ?? "";
  body.forEach((rb, i) => {
    if (!TOTAL.test(labelOf(rb))) return;
    const above = body.slice(0, i);
    // The rows since the last subtotal, for a 小计; all rows that are not totals, for a 合计 (with no subtotal above).
    const lastTotal = findLastIndex(above, (r) => TOTAL.test(labelOf(r)));
    const subtotalsAbove = lastTotal >= 0;
    const parts = above.slice(lastTotal + 1);
    if (parts.length < 2) return;
    const sub = parts.filter((r) => SUB_ROW.test(labelOf(r))).length;
    const levels = (sub > 0 && sub < parts.length) || parts.some((r) => /^(其中|含|包括)/.test(labelOf(r))) || subtotalsAbove;
    const width = cellsOf(rb).length;
    cellsOf(rb).forEach((raw, col) => {
      const total = cellOf(raw);
      if (!isNum(total) || NOT_ADDED.test(aligned(heads, width, col)) || /%/.test(raw)) return;
      const cells = parts.map((r) => cellOf(aligned(cellsOf(r), width, col)));
      if (cells.some((c) => c === "text") || cells.filter(isNum).length < 2) return;
      const certain = !levels && cells.every(isNum);
      const v = judge(rb, col, total, cells.filter(isNum), certain, message("audit.table-sum.rows", { count: parts.length }));
      if (v) out.push(v);
    });
  });
  return out;
}

function totalColumns(rows: ReadBlock[]): Verdict[] {
  const { header, body } = splitHeader(rows);
  const last = header.at(-1);
  if (!last || header.length !== 1) return []; // a header over two rows (merged cells): which column is which is not certain
  const heads = cellsOf(last).map((c) => c.replace(/\s+/g, ""));
  const at = heads.findIndex((h) => TOTAL.test(h));
  if (at < 0) return [];
  const numeric = heads.map((_, col) => col !== at && body.every((rb) => cellOf(cellsOf(rb)[col] ?? "") !== "text"));
  // The parts are the amount columns on one side of the total: after it when it comes first, before it when it comes last.
  const after = heads.map((_, c) => c).filter((c) => c > at && numeric[c]);
  const before = heads.map((_, c) => c).filter((c) => c < at && numeric[c]);
  const partCols = before.length === 0 ? after : after.length === 0 ? before : [];
  if (partCols.length < 2 || partCols.some((c) => NOT_ADDED.test(heads[c]!) || heads[c] === "")) return [];
  const out: Verdict[] = [];
  for (const rb of body) {
    const total = cellOf(cellsOf(rb)[at] ?? "");
    if (!isNum(total)) continue;
    const cells = partCols.map((c) => cellOf(cellsOf(rb)[c] ?? ""));
    if (cells.filter(isNum).length < 2) continue;
    const v = judge(rb, at, total, cells.filter(isNum), cells.every(isNum), message("audit.table-sum.columns", { count: partCols.length }));
    if (v) out.push(v);
  }
  return out;
}

function judge(rb: ReadBlock, col: number, total: Num, parts: Num[], certain: boolean, partsWords: ReturnType<typeof message>): Verdict | undefined {
  if (parts.some((p) => p.unit !== total.unit)) return undefined;
  const sum = parts.reduce((s, p) => s.plus(p.value), new Dec(0));
  const cells = cellsOf(rb);
  const start = rb.block.kind === "row" ? rb.block.cellStarts[col]! : 0;
  const at = { rb, start, end: start + cells[col]!.length };
  const formula = parts.map((p) => p.value.toFixed(p.dp)).join(" + ");
  const fit = fitsValue(sum, total.value, total.dp);
  if (fit.ok) return { relation: "sum", status: "ok", at, key: "audit.table-sum", params: {}, formula };
  // Each part may itself be rounded: half a unit of its last printed place, and half of the total's.
  const slack = parts.reduce((s, p) => s.plus(half(p.dp)), half(total.dp));
  const error = certain && sum.minus(total.value).abs().gt(slack);
  const shown = `${total.value.toFixed(total.dp)}${total.unit}`;
  return {
    relation: "sum",
    status: error ? "error" : "unresolved",
    at,
    key: error ? "audit.table-sum" : "audit.unresolved.table-sum",
    params: { total: shown, parts: partsWords, sum: `${printed(sum, total.dp)}${total.unit}` },
    stated: shown,
    computed: `${show(sum)}${total.unit}`,
    diff: `${show(total.value.minus(sum))}${total.unit}`,
    precision: { value: total.value, dp: total.dp, unit: total.unit },
    formula,
    otherModes: fit.otherModes,
  };
}

function half(dp: number): Dec {
  return new Dec(5).times(new Dec(10).pow(-dp - 1));
}

function findLastIndex<T>(list: T[], test: (t: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}
