import { Dec } from "../../load/numbers.js";
import { baseValue } from "../figures.js";
import { fitsValue, printed, show } from "../precision.js";
import { inSentence, type Located, type ReadBlock } from "../sentences.js";
import type { Verdict } from "../verdict.js";

const NOT_A_PART = /结余|结转|合计|总计|总额|累计/;

/**
 * A total and its parts: `X万元，其中：A万元，B万元…` (也 `X人(其中a人、b人)`, and a sentence
 * that starts with 其中 after the one stating the total); `X人(a人、b人)` without 其中.
 * A mismatch is an error only when the parts clearly are all the parts: they run to the end of
 * the sentence, none is a balance or a total of its own, and together they exceed the total.
 * Parts that fall short may leave one out (其中 does not promise every part): unresolved.
 */
export function sums(rb: ReadBlock): Verdict[] {
  const out: Verdict[] = [];
  for (const at of occurrences(rb.text, "其中")) {
    const depth = rb.depth[at] ?? 0;
    const sentence = rb.sentences.find((s) => at >= s.start && at < s.end);
    if (!sentence) continue;
    const total = totalBefore(rb, at, depth, sentence.start);
    if (!total) continue;
    const closeAt = depth > 0 ? closingParen(rb, at) : sentence.end;
    const candidates = inSentence(rb, sentence).filter((f) => f.start > at && f.start < closeAt && (rb.depth[f.start] ?? 0) === depth && sameKind(f, total) && !f.approx);
    const parts = candidates.filter((f) => f.role === "amount" && !NOT_A_PART.test(f.label));
    if (parts.length < 2) continue;
    const strong = parts.length === candidates.filter((f) => f.role === "amount").length && lastAmountOfSentence(rb, sentence.end, depth, closeAt) === parts[parts.length - 1];
    const v = judge(total, parts, strong);
    if (v) out.push(v);
  }
  // X(a、b、c) with no 其中: a breakdown in parentheses.
  for (const total of rb.figures) {
    if (total.role !== "amount" || total.approx || total.inParens) continue;
    const open = rb.text[total.end];
    if (open !== "(" && open !== "（") continue;
    if (/^[(（]\s*(其中|含|包括|包含|不含)/.test(rb.text.slice(total.end))) continue;
    const close = closingParen(rb, total.end + 1);
    const parts = rb.figures.filter((f) => f.start > total.end && f.start < close && (rb.depth[f.start] ?? 0) === 1 && sameKind(f, total) && f.role === "amount" && !f.approx);
    if (parts.length < 2) continue;
    const v = judge(total, parts, false);
    if (v) out.push(v);
  }
  return out;
}

function judge(total: Located, parts: Located[], strong: boolean): Verdict | undefined {
  const inTotalUnit = (k: number) => parts.slice(0, k).reduce((s, f) => s.plus(baseValue(f)), new Dec(0)).div(total.scale);
  // A figure after the parts that is not one of them (本年结转结余 after 基本支出 and 项目支出) leaves the first k reconciling.
  for (let k = parts.length; k >= 2; k--) if (fitsValue(inTotalUnit(k), total.value, total.dp).ok) return ok(total, parts.slice(0, k));
  const sum = inTotalUnit(parts.length);
  const fit = fitsValue(sum, total.value, total.dp);
  const error = strong && sum.gt(total.value);
  return {
    relation: "sum",
    status: error ? "error" : "unresolved",
    at: { rb: total.readBlock, start: total.start, end: total.end },
    key: error ? "audit.sum" : "audit.unresolved.sum",
    params: { total: total.text, sum: `${printed(sum, total.dp)}${total.unit}`, count: parts.length },
    stated: `${total.value.toFixed(total.dp)}${total.unit}`,
    computed: `${show(sum)}${total.unit}`,
    diff: `${show(total.value.minus(sum))}${total.unit}`,
    precision: { value: total.value, dp: total.dp, unit: total.unit },
    formula: parts.map((p) => p.text).join(" + "),
    otherModes: fit.otherModes,
  };
}

function ok(total: Located, parts: Located[]): Verdict {
  return { relation: "sum", status: "ok", at: { rb: total.readBlock, start: total.start, end: total.end }, key: "audit.sum", params: {}, formula: parts.map((p) => p.text).join(" + ") };
}

/**
 * The total a 其中 refers to: the last figure before it in its sentence, which must be an
 * amount (not a change or a rate); if 其中 opens the sentence, the last amount of the two before.
 */
function totalBefore(rb: ReadBlock, at: number, depth: number, sentenceStart: number): Located | undefined {
  const totalDepth = /[(（]\s*$/.test(rb.text.slice(0, at)) ? depth - 1 : depth;
  const before = (from: number) => rb.figures.filter((f) => f.start >= from && f.end <= at && (rb.depth[f.start] ?? 0) === totalDepth);
  const usable = (f: Located | undefined) => (f && f.role === "amount" && !f.approx && f.dim !== "percent" ? f : undefined);
  const opensSentence = rb.text.slice(sentenceStart, at).replace(/[\s，,：:]/g, "") === "";
  if (!opensSentence) return usable(before(sentenceStart).at(-1));
  const index = rb.sentences.findIndex((s) => s.start === sentenceStart);
  const from = rb.sentences[Math.max(0, index - 2)]?.start ?? 0;
  return before(from).filter((f) => usable(f)).at(-1);
}

function lastAmountOfSentence(rb: ReadBlock, end: number, depth: number, closeAt: number): Located | undefined {
  const own = rb.figures.filter((f) => f.start < Math.min(end, closeAt) && (rb.depth[f.start] ?? 0) === depth && f.role === "amount");
  return own[own.length - 1];
}

function closingParen(rb: ReadBlock, from: number): number {
  const d = rb.depth[from] ?? 0;
  for (let i = from; i < rb.text.length; i++) if ((rb.depth[i] ?? 0) < d || ((rb.text[i] === ")" || rb.text[i] === "）") && (rb.depth[i] ?? 0) === d)) return i;
  return rb.text.length;
}

function occurrences(text: string, word: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) out.push(i);
  return out;
}

const PEOPLE = new Set(["人", "名"]);

/** Money adds up in any of its units; counts only in the same unit (人 and 名 are one; 3个公司 is not people). */
function sameKind(part: Located, total: Located): boolean {
  if (part.dim !== total.dim) return false;
  return part.dim === "money" || part.unit === total.unit || (PEOPLE.has(part.unit) && PEOPLE.has(total.unit));
}
