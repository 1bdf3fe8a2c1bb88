import { Dec } from "../load/numbers.js";

/** What a figure measures; only figures of the same dimension are added, subtracted or compared. */
export type Dimension = "money" | "percent" | "count";

/** The part a figure plays in its clause, read from the words just before it. */
export type Role = "amount" | "prior" | "increase" | "decrease" | "rate";

export interface Figure {
  /** Exact value in the unit it was printed in, and its printed decimals. */
  value: Dec;
  dp: number;
  unit: string;
  dim: Dimension;
  /** value × scale is the value in the dimension's base unit (元 for money). */
  scale: Dec;
  /** Offsets in the block's text: the number, and the number with its unit. */
  start: number;
  numberEnd: number;
  end: number;
  /** The number as printed, with its unit ("5,296万元"). */
  text: string;
  /** 约, 余, 多, 以上, 左右: not a figure to do arithmetic with. */
  approx: boolean;
  /** Inside (…) or （…）. */
  inParens: boolean;
  role: Role;
  /** The words naming it: the clause text before it ("本年总支出"). */
  label: string;
  /** The verb or phrase that made it a change or a rate ("增长", "占…的"). */
  cue: string;
}

const MONEY: Record<string, Dec> = { 元: new Dec(1), 千元: new Dec(1000), 万元: new Dec(10000), 亿元: new Dec(100000000) };
const COUNTS = ["人次", "人", "名", "个", "家", "户", "项", "件", "次", "条", "所", "座", "辆", "台", "套", "篇", "场", "批", "份"];
const NUMBER = /(?<![\d.,A-Za-z_\-/第])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d.])\s?(亿元|万元|千元|元|%|人次|人|名|个|家|户|项|件|次|条|所|座|辆|台|套|篇|场|批|份)?/g;
const APPROX_AFTER = /^(余|多|以上|以下|左右|上下)/;
const APPROX_BEFORE = /(约|近|超|逾|超过|不足|不到|大约|接近)$/;

/** Full-width digits, %, point and comma become ASCII, one character for one, so every offset stays. */
export function normalise(text: string): string {
  return text.replace(/[\uff10-\uff19\uff05\uff0e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Clause boundaries: what a label never reaches across. */
const BOUNDARY = /[，,。；;：:、（(）)“”"！？!?\s|]/;

export function findFigures(raw: string, opts: { bare?: boolean } = {}): Figure[] {
  const text = normalise(raw);
  const depth = parenDepths(text);
  const figures: Figure[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const intPart = m[1]!;
    const unit = m[3] ?? "";
    if (!unit && !opts.bare) continue;
    if (!unit && /^[年月日号期批次届]/.test(text.slice(start + m[0].length))) continue;
    // "2020年…": a year, a date or a document number is not a quantity even with a unit after it.
    const after = text.slice(start + m[0].length);
    const before = text.slice(0, start);
    const numberEnd = start + intPart.length + (m[2] !== undefined ? m[2].length + 1 : 0);
    const dim: Dimension = unit === "%" ? "percent" : unit in MONEY ? "money" : "count";
    const value = new Dec(`${intPart.replace(/,/g, "")}${m[2] !== undefined ? `.${m[2]}` : ""}`);
    const label = labelBefore(text, start);
    figures.push({
      value,
      dp: m[2]?.length ?? 0,
      unit,
      dim,
      scale: MONEY[unit] ?? new Dec(1),
      start,
      numberEnd,
      end: start + m[0].length,
      text: raw.slice(start, start + m[0].length),
      approx: APPROX_AFTER.test(after) || APPROX_BEFORE.test(before.replace(/\s+$/, "")) || (!!unit && COUNTS.includes(unit) && /^[余多]/.test(after)),
      inParens: (depth[start] ?? 0) > 0,
      ...roleOf(label, dim),
      label: cleanLabel(label),
    });
  }
  return figures;
}

/** The text from the last clause boundary up to `at`. */
function labelBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && !BOUNDARY.test(text[i - 1]!)) i--;
  return text.slice(i, at);
}

const PRIOR = /(比上年度?|较上年度?|同比上年度?|比去年|较去年|上年度?|去年)(同期)?(的|为|是)?$/;
const UP = /(增加了?|增长了?|上升了?|提高了?|增幅为?|增长率为?|增加额为?|多)$/;
const DOWN = /(减少了?|下降了?|降低了?|减幅为?|降幅为?|少)$/;

function roleOf(label: string, dim: Dimension): { role: Role; cue: string } {
  const up = UP.exec(label);
  const down = DOWN.exec(label);
  if (dim === "percent") return { role: "rate", cue: up?.[0] ?? down?.[0] ?? "" };
  if (up) return { role: "increase", cue: up[0] };
  if (down) return { role: "decrease", cue: down[0] };
  if (PRIOR.test(label)) return { role: "prior", cue: "" };
  return { role: "amount", cue: "" };
}

function cleanLabel(label: string): string {
  return label.replace(/(为|是|达到?|了|共计?|合计|总计|计|约|有|实现|完成)$/, "").trim();
}

/** How deep in parentheses each offset is. */
export function parenDepths(text: string): number[] {
  const out: number[] = [];
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "(" || c === "（") d++;
    out.push(d);
    if ((c === ")" || c === "）") && d > 0) d--;
  }
  return out;
}

/** The label with the time words that do not change what it names taken off ("2020年度支出" → "支出"). */
export function subjectOf(label: string): string {
  return label
    .replace(/^(其中|另外|此外|全年|本年度?|当年|年度|年末|\d{4}年度?|\d{4}年末|截至\S*?日|截止\S*?日)+/, "")
    .replace(/^(的)/, "")
    .trim();
}

/** The value in the dimension's base unit (元 for money). */
export function baseValue(f: Figure): Dec {
  return f.value.times(f.scale);
}
