import type { Figure } from "../audit/figures.js";
import { subjectOf } from "../audit/figures.js";
import { Draft, Exact, type Value } from "./draft.js";
import type { Item } from "./items.js";
import { exactOf, sentencesOf, type Sentence } from "./read.js";
import { fits, inferTarget, type Completion } from "./target.js";

type Field = "title" | "text";

interface Replacement {
  start: number;
  end: number;
  with: string;
}

interface Found {
  item: number;
  field: Field;
  actual: Figure;
  rate: Figure;
  name: string;
  period?: string;
  /** Offsets in the field's text. */
  actualAt: number;
  rateAt: number;
}

const COMPLETION = /(完成|占)了?(全年|年度|本年|今年)?(目标任务|目标|计划|任务)的?$/;
const PERIOD = /^(\d{1,2}[-—～~至]\d{1,2}月份?|截[至止][^，,]*?日止?)/;

/**
 * Indicators of the achievements, read from what the report asserts about them: a completion
 * rate (`8077家…，完成全年目标任务的201.92%`: actual, and the rate under `stated:`), and a
 * target in the title met in the text (`新入统规模工业企业100家以上` … `全市新入统规模工业企业170家`).
 * The figures in the prose become `{{id}}`, `{{id.target}}` and `{{id.completion}}`.
 */
export function readIndicators(items: Item[], draft: Draft, percentDecimals: number): { title: string; text?: string; indicators?: Value[] }[] {
  const fields = items.map((it) => ({ title: sentencesOf({ ...it.piece, text: it.title }), text: it.text ? sentencesOf({ ...it.piece, text: it.text }) : [] }));
  const edits = items.map(() => ({ title: [] as Replacement[], text: [] as Replacement[] }));
  const indicators = items.map(() => [] as Value[]);
  let next = 1;

  // Completion rates, grouped by what they measure: one plan behind every rate of a group.
  const found: Found[] = [];
  fields.forEach((f, item) => {
    for (const s of f.text) {
      s.figures.forEach((rate, k) => {
        if (rate.dim !== "percent" || !COMPLETION.test(rate.label)) return;
        const actual = s.figures.slice(0, k).reverse().find((x) => x.dim !== "percent" && !x.approx);
        if (!actual) return;
        found.push({ item, field: "text", actual, rate, ...nameOf(s, actual), actualAt: s.start + actual.start, rateAt: s.start + rate.start });
      });
    }
  });
  const groups = new Map<string, Found[]>();
  for (const f of found) groups.set(f.name, [...(groups.get(f.name) ?? []), f]);
  for (const group of groups.values()) {
    const first = group[0]!;
    const titleCandidates = fields[first.item]!.title.flatMap((s) => s.figures.filter((x) => x.unit === first.actual.unit && x.dim !== "percent").map((x) => ({ s, x })));
    const completions = group.map((g): Completion => ({ actual: g.actual.value, rate: g.rate.value, dp: g.rate.dp }));
    const fromTitle = titleCandidates.find(({ x }) => completions.every((c) => fits(x.value, c)));
    const inferred = fromTitle ? undefined : inferTarget(completions, first.actual.dim === "count");
    let leader: string | undefined;
    const seen = new Map<string, string>();
    for (const g of group) {
      const again = seen.get(`${g.actual.value.toString()}|${g.rate.value.toString()}`);
      const id = again ?? `ind${next++}`;
      if (!again) {
        seen.set(`${g.actual.value.toString()}|${g.rate.value.toString()}`, id);
        const indicator: { [key: string]: Value } = { id, name: g.name, unit: g.actual.unit };
        if (leader) indicator.targetOf = leader;
        else if (fromTitle) indicator.target = exactOf(fromTitle.x);
        else if (inferred) {
          indicator.target = Exact.of(inferred, Math.max(0, inferred.decimalPlaces()));
          draft.note(`achievements.${g.item}.indicators.${indicators[g.item]!.length}`, { key: "import.note.target-inferred", params: { target: inferred.toString(), actual: g.actual.text, rate: g.rate.text } });
        }
        indicator.actual = exactOf(g.actual);
        if (g.period) indicator.period = g.period;
        indicators[g.item]!.push(indicator);
        if (leader || fromTitle || inferred) draft.state(`${id}.completion`, exactOf(g.rate));
        leader ??= fromTitle || inferred ? id : undefined;
      }
      const canComplete = leader !== undefined;
      edits[g.item]![g.field].push({ start: g.actualAt, end: g.actualAt + g.actual.end - g.actual.start, with: `{{${id}}}` });
      if (canComplete) edits[g.item]![g.field].push({ start: g.rateAt, end: g.rateAt + g.rate.end - g.rate.start, with: `{{${id}.completion${g.rate.dp === percentDecimals ? "" : `:${g.rate.dp}`}}}` });
    }
    if (fromTitle && leader) edits[first.item]!.title.push({ start: fromTitle.s.start + fromTitle.x.start, end: fromTitle.s.start + fromTitle.x.end, with: `{{${leader}.target}}` });
  }

  // A target in the title (`…100家以上`) and the same thing achieved in the text (`…170家`).
  fields.forEach((f, item) => {
    for (const t of f.title) {
      for (const target of t.figures) {
        if (target.dim === "percent" || !/^(以上|及以上)/.test(t.text.slice(target.end))) continue;
        if (edits[item]!.title.some((e) => e.start === t.start + target.start)) continue;
        const what = stripWhere(subjectOf(target.label));
        const hit = f.text.flatMap((s) => s.figures.map((x) => ({ s, x }))).find(({ s, x }) => x.unit === target.unit && !x.approx && what.length >= 2 && stripWhere(subjectOf(x.label)).endsWith(what) && !edits[item]!.text.some((e) => e.start === s.start + x.start));
        if (!hit) continue;
        const id = `ind${next++}`;
        indicators[item]!.push({ id, name: what, unit: target.unit, target: exactOf(target), actual: exactOf(hit.x) });
        edits[item]!.title.push({ start: t.start + target.start, end: t.start + target.end, with: `{{${id}.target}}` });
        edits[item]!.text.push({ start: hit.s.start + hit.x.start, end: hit.s.start + hit.x.end, with: `{{${id}}}` });
      }
    }
  });

  return items.map((it, i) => {
    const text = it.text ? apply(it.text, edits[i]!.text) : undefined;
    return { title: apply(it.title, edits[i]!.title), ...(text ? { text } : {}), ...(indicators[i]!.length > 0 ? { indicators: indicators[i]! } : {}) };
  });
}

/** What an actual figure measures: its clause, and what follows it up to the next comma (`全市有8077家中小企业“上云”`). */
function nameOf(s: Sentence, actual: Figure): { name: string; period?: string } {
  const after = /^[^，,。；;：:]*/.exec(s.text.slice(actual.end))![0];
  let name = subjectOf(actual.label);
  const period = PERIOD.exec(name)?.[0] ?? /^(截[至止][^，,]*?日)[，,]/.exec(s.text.trim())?.[1];
  name = stripWhere(name.replace(PERIOD, "").replace(/^预计/, "")) + after.trim();
  return { name: name || actual.label, ...(period ? { period } : {}) };
}

function stripWhere(text: string): string {
  return text.replace(/^(全市|全县|全省|全区|我市|共|有|已)+/, "").trim();
}

function apply(text: string, edits: Replacement[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.with + out.slice(e.end);
  return out;
}
