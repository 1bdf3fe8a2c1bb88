import { round } from "../../compute/rounding.js";
import { baseValue } from "../figures.js";
import { MODE } from "../precision.js";
import type { Located, ReadBlock } from "../sentences.js";
import type { Verdict } from "../verdict.js";

/** Names a report gives its headline figures once: two values under one of them contradict each other. */
const HEADLINES = new Set(["收入", "总收入", "支出", "总支出", "基本支出", "项目支出", "结转结余", "财政拨款收入", "人员经费", "公用经费", "编制", "人员编制", "实有人数", "在职人员"]);
const YEARLESS = /^(本年度?|全年|当年|年度)/;

/**
 * The same figure stated twice with different values: an error for a headline name (本年总支出),
 * unresolved for any other (案件审判 in the expenditure and in the project list may be two things).
 */
export function repeated(blocks: readonly ReadBlock[]): Verdict[] {
  const byName = new Map<string, Located[]>();
  for (const rb of blocks) {
    for (const f of rb.figures) {
      if (f.role !== "amount" || f.approx || f.inParens || f.dim === "percent" || rb.block.kind === "row") continue;
      const name = f.label.replace(YEARLESS, "");
      if (name.length < 2 || /^\d/.test(name)) continue;
      byName.set(`${f.dim}:${name}`, [...(byName.get(`${f.dim}:${name}`) ?? []), f]);
    }
  }
  const out: Verdict[] = [];
  for (const [key, figs] of byName) {
    const name = key.slice(key.indexOf(":") + 1);
    for (let i = 1; i < figs.length; i++) {
      const a = figs[0]!;
      const b = figs[i]!;
      if (same(a, b)) continue;
      const headline = HEADLINES.has(name);
      out.push({
        relation: "repeated",
        status: headline ? "error" : "unresolved",
        at: { rb: b.readBlock, start: b.start, end: b.end },
        key: headline ? "audit.repeated" : "audit.unresolved.repeated",
        params: { name, stated: b.text, first: a.text },
        stated: b.text,
        computed: a.text,
        related: [{ at: { rb: a.readBlock, start: a.start, end: a.end }, key: "audit.related.first", params: { first: a.text } }],
      });
    }
  }
  return out;
}

/** Equal at the coarser of the two printed precisions (2,851万元 and 2851.00万元 are one figure). */
function same(a: Located, b: Located): boolean {
  const va = baseValue(a);
  const vb = baseValue(b);
  if (va.eq(vb)) return true;
  const [coarse, fine] = a.dp - Math.log10(a.scale.toNumber()) <= b.dp - Math.log10(b.scale.toNumber()) ? [a, b] : [b, a];
  return round(baseValue(fine).div(coarse.scale), coarse.dp, MODE).eq(coarse.value);
}
