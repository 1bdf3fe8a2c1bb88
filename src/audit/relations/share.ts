import { baseValue, subjectOf } from "../figures.js";
import { rateVerdict } from "../precision.js";
import type { Located, ReadBlock } from "../sentences.js";
import type { Verdict } from "../verdict.js";

/** 占全年总支出的30.1%: the whole is named, and the part is the figure just before. */
export const SHARE = /^占(.+?)(的比[重例]|的|比[重例])?(为|达)?$/;
/** A whole that is a plan or a target is not stated anywhere: see completion.ts. */
export const PLANNED = /计划|目标|任务|预算/;

/**
 * Shares: `A，占W的P%`, W looked up among the figures the report states under that name
 * (总支出 ← 本年总支出2,851万元). Only a whole stated once, with one value, is used; a whole that
 * cannot be found or is stated with different values leaves the share unresolved.
 */
export function shares(rb: ReadBlock, wholes: Map<string, Located[]>): Verdict[] {
  const out: Verdict[] = [];
  rb.figures.forEach((rate, i) => {
    if (rate.role !== "rate" || rate.approx) return;
    const m = SHARE.exec(rate.label);
    if (!m || PLANNED.test(m[1]!)) return;
    const part = rb.figures[i - 1];
    if (!part || part.sentence !== rate.sentence || part.role !== "amount" || part.dim === "percent" || part.approx) return;
    if (!/^[\s，,]*$/.test(rb.text.slice(part.end, rate.start - rate.label.length))) return;
    const at = { rb, start: rate.start, end: rate.end };
    const name = subjectOf(m[1]!);
    const candidates = (wholes.get(name) ?? []).filter((w) => w.dim === part.dim && w !== part);
    const values = new Set(candidates.map((w) => baseValue(w).toString()));
    if (values.size !== 1) {
      out.push({ relation: "share", status: "unresolved", at, key: candidates.length === 0 ? "audit.unresolved.whole-missing" : "audit.unresolved.whole-ambiguous", params: { whole: m[1]!, values: candidates.map((w) => w.text).join("、") } });
      return;
    }
    const whole = candidates[0]!;
    const formula = `${part.text} ÷ ${whole.text} × 100%`;
    const related = [{ at: { rb: whole.readBlock, start: whole.start, end: whole.end }, key: "audit.related.whole" as const, params: { whole: whole.text } }];
    out.push(rateVerdict("share", at, rate, baseValue(part), baseValue(whole), formula, { whole: m[1]! }, related));
  });
  return out;
}

/** Every amount the report states, by the name it is stated under, for shares to find their whole. */
export function wholesOf(blocks: readonly ReadBlock[]): Map<string, Located[]> {
  const map = new Map<string, Located[]>();
  for (const rb of blocks) {
    for (const f of rb.figures) {
      if (f.role !== "amount" || f.approx || f.inParens || f.dim === "percent") continue;
      const name = subjectOf(f.label);
      if (name.length < 2) continue;
      map.set(name, [...(map.get(name) ?? []), f]);
    }
  }
  return map;
}
