import { interval, ratioRoundsTo, ROUNDING_MODES, type RoundingMode } from "../../compute/rounding.js";
import { Dec } from "../../load/numbers.js";
import { baseValue } from "../figures.js";
import { HUNDRED, MODE, percentOf, printed, show } from "../precision.js";
import type { Located, ReadBlock } from "../sentences.js";
import type { Verdict } from "../verdict.js";
import { PLANNED, SHARE } from "./share.js";

const COMPLETED = /^(完成|达到|为)(了)?(.*?)(计划|目标|任务)(任务|数)?的?$/;
const WHOLE_COUNTS = new Set(["人", "名", "个", "家", "户", "项", "件", "次", "条", "所", "座", "辆", "台", "套", "篇", "场", "批", "份", "人次"]);
const MAX_CANDIDATES = 10_000;

interface Statement {
  actual: Located;
  rate: Located;
  /** What the plan is named (年度计划, 全年目标任务) and whose it is (the actual's label). */
  plan: string;
  subject: string;
}

/**
 * Completion rates against a plan the report does not state. Two ways a rate can still be
 * proved wrong: (1) the actual is a whole count (8077家) and so is the target, and no whole
 * number gives the printed rate; (2) two rates of the same subject against the same plan
 * (1-11月 3.97亿元 = 149.8%, 1-12月 4.53亿元 = 170%) imply plans that cannot both be true.
 */
export function completions(rb: ReadBlock): Verdict[] {
  const statements = statementsOf(rb);
  const out: Verdict[] = [];
  for (const st of statements) {
    if (WHOLE_COUNTS.has(st.actual.unit) && st.actual.dp === 0) out.push(wholeTarget(st));
  }
  statements.forEach((later, j) => {
    const earlier = statements.slice(0, j).find((e) => e.plan === later.plan && e.actual.dim === later.actual.dim && e.actual.unit === later.actual.unit && sameSubject(e.subject, later.subject));
    if (earlier) {
      const v = samePlan(earlier, later);
      if (v) out.push(v);
    }
  });
  return out;
}

function statementsOf(rb: ReadBlock): Statement[] {
  const out: Statement[] = [];
  rb.figures.forEach((rate, i) => {
    if (rate.role !== "rate" || rate.approx || rate.value.lte(0)) return;
    const share = SHARE.exec(rate.label);
    const done = COMPLETED.exec(rate.label);
    const plan = share && PLANNED.test(share[1]!) ? share[1]! : done ? `${done[3]}${done[4]}` : undefined;
    if (plan === undefined) return;
    const actual = rb.figures[i - 1];
    if (!actual || actual.sentence !== rate.sentence || actual.role !== "amount" || actual.approx || actual.dim === "percent") return;
    // At most a short noun between the actual and the rate's words (8077家中小企业“上云”，完成…): the rate is of this figure.
    const between = rb.text.slice(actual.end, rate.start - rate.label.length);
    if (!/^[^\d。；;：:]{0,20}$/.test(between)) return;
    out.push({ actual, rate, plan: plan.replace(/^(全年|年度|本年)/, ""), subject: `${actual.label}…${between.replace(/[\s，,]+$/, "")}` });
  });
  return out;
}

/** 全市5个…完成投资 and 1-12月预计全市5个…完成投资 are the same subject: the words before one end with the other's, the words after are the same. */
function sameSubject(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const [shortBefore, shortAfter] = short.split("…") as [string, string];
  const [longBefore, longAfter] = long.split("…") as [string, string];
  return shortAfter === longAfter && shortBefore.length >= 4 && longBefore.endsWith(shortBefore);
}

function wholeTarget(st: Statement): Verdict {
  const { actual, rate } = st;
  const at = { rb: rate.readBlock, start: rate.start, end: rate.end };
  const fits = (mode: RoundingMode) => wholeTargets(actual.value, rate.value, rate.dp, mode).length > 0;
  const nearest = actual.value.times(HUNDRED).div(rate.value).toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  const formula = `${actual.text} ÷ ${nearest.toString()}${actual.unit} × 100%`;
  if (fits(MODE)) return { relation: "completion", status: "ok", at, key: "audit.completion-whole", params: {}, formula };
  const exact = percentOf(actual.value, nearest);
  return {
    relation: "completion",
    status: "error",
    at,
    key: "audit.completion-whole",
    params: { stated: rate.text, actual: actual.text, target: `${nearest.toString()}${actual.unit}`, computed: `${printed(exact, rate.dp)}%` },
    stated: `${rate.value.toFixed(rate.dp)}%`,
    computed: `${show(exact)}%`,
    diff: `${show(rate.value.minus(exact))}%`,
    precision: { value: rate.value, dp: rate.dp, unit: "%" },
    formula,
    otherModes: ROUNDING_MODES.filter((m) => m !== MODE && fits(m)),
  };
}

/** The whole-number targets T with actual ÷ T × 100 rounding to the stated rate. */
function wholeTargets(actual: Dec, stated: Dec, dp: number, mode: RoundingMode): Dec[] {
  const [lo, hi] = interval(stated, dp, mode);
  if (lo.lte(0)) return [];
  const from = actual.times(HUNDRED).div(hi).floor();
  const to = actual.times(HUNDRED).div(lo).ceil();
  if (to.minus(from).gt(MAX_CANDIDATES)) return [from];
  const out: Dec[] = [];
  for (let t = from.lt(1) ? new Dec(1) : from; t.lte(to); t = t.plus(1)) if (ratioRoundsTo(actual, t, HUNDRED, stated, dp, mode)) out.push(t);
  return out;
}

/** The plans each statement allows, (actual×100/hi, actual×100/lo]; disjoint plans are a contradiction. */
function samePlan(earlier: Statement, later: Statement): Verdict | undefined {
  const at = { rb: later.rate.readBlock, start: later.rate.start, end: later.rate.end };
  const disjoint = (mode: RoundingMode) => {
    const [eLo, eHi] = interval(earlier.rate.value, earlier.rate.dp, mode);
    const [lLo, lHi] = interval(later.rate.value, later.rate.dp, mode);
    if (eLo.lte(0) || lLo.lte(0)) return false;
    const a = baseValue(earlier.actual);
    const b = baseValue(later.actual);
    // later's plans all below earlier's, or all above: b/lLo < a/eHi, or a/eLo < b/lHi (strictly, so touching ends never count).
    return b.times(eHi).lt(a.times(lLo)) || a.times(lHi).lt(b.times(eLo));
  };
  const formula = `${later.actual.text} ÷ (${earlier.actual.text} ÷ ${earlier.rate.text})`;
  if (!disjoint(MODE)) return { relation: "completion", status: "ok", at, key: "audit.completion-plan", params: {}, formula };
  const [eLo, eHi] = interval(earlier.rate.value, earlier.rate.dp, MODE);
  const low = percentOf(baseValue(later.actual).times(eLo), baseValue(earlier.actual).times(HUNDRED));
  const high = percentOf(baseValue(later.actual).times(eHi), baseValue(earlier.actual).times(HUNDRED));
  const range = `${printed(low, later.rate.dp + 2)}%～${printed(high, later.rate.dp + 2)}%`;
  return {
    relation: "completion",
    status: "error",
    at,
    key: "audit.completion-plan",
    params: { stated: later.rate.text, plan: later.plan, earlier: `${earlier.actual.text}、${earlier.rate.text}`, range },
    stated: `${later.rate.value.toFixed(later.rate.dp)}%`,
    computed: range,
    precision: { value: later.rate.value, dp: later.rate.dp, unit: "%" },
    formula,
    otherModes: ROUNDING_MODES.filter((m) => m !== MODE && !disjoint(m)),
    related: [{ at: { rb: earlier.rate.readBlock, start: earlier.rate.start, end: earlier.rate.end }, key: "audit.related.earlier", params: { earlier: `${earlier.actual.text}、${earlier.rate.text}` } }],
  };
}
