import type { Dec } from "../../load/numbers.js";
import { baseValue } from "../figures.js";
import { fitsValue, printed, rateVerdict, show } from "../precision.js";
import { inSentence, type Located, type ReadBlock, type Sentence } from "../sentences.js";
import type { Verdict } from "../verdict.js";

const COMPARED = /比上年|较上年|比去年|较去年|同比|上年/;
const GROWTH_WORD = /^(增长|增加|上升|提高|下降|减少|降低|增幅|降幅)/;

/**
 * `本年X，比上年P增加Z，增长W%` and its variants (减少/下降; no P: the prior year is X − Z;
 * no Z: the change is X − P). The sentence asserts both the difference and the rate.
 */
export function growth(rb: ReadBlock): Verdict[] {
  const out: Verdict[] = [];
  for (const s of rb.sentences) {
    const figs = inSentence(rb, s).filter((f) => !f.approx);
    figs.forEach((f, i) => {
      if (f.role !== "increase" && f.role !== "decrease" && f.role !== "prior") return;
      if (f.role === "prior" && figs[i + 1]?.role !== "rate") return; // a prior with a change after it is handled at the change
      const change = f.role === "prior" ? undefined : f;
      const prior = f.role === "prior" ? f : figs[i - 1]?.role === "prior" && figs[i - 1]!.dim === f.dim ? figs[i - 1] : undefined;
      const currentIndex = i - (change ? 1 : 0) - (prior ? 1 : 0);
      const current = figs[currentIndex]?.role === "amount" && figs[currentIndex]!.dim === f.dim ? figs[currentIndex] : currentIndex < 0 ? previousTotal(rb, s, f) : undefined;
      if (f.dim === "percent") return;
      if (!prior && !COMPARED.test(rb.text.slice(current?.end ?? s.start, f.start))) return;
      const rateFig = figs[i + 1];
      const rate = rateFig && rateFig.role === "rate" && GROWTH_WORD.test(rateFig.label.replace(/^(同比|比上年|较上年)/, "")) ? rateFig : undefined;
      const up = (change ?? rate)?.role === "increase" || (!change && rate !== undefined && /^(增长|增加|上升|提高|增幅)/.test(rate.label));
      if (current && prior && change) out.push(difference(current, prior, change, up));
      if (rate) {
        const v = growthRate(current, prior, change, rate, up);
        if (v) out.push(v);
      }
    });
  }
  return out;
}

function difference(current: Located, prior: Located, change: Located, up: boolean): Verdict {
  const diff = baseValue(current).minus(baseValue(prior)).div(change.scale);
  const signed = up ? diff : diff.neg();
  const fit = fitsValue(signed, change.value, change.dp);
  const at = { rb: change.readBlock, start: change.start, end: change.end };
  const formula = up ? `${current.text} − ${prior.text}` : `${prior.text} − ${current.text}`;
  if (fit.ok) return { relation: "change", status: "ok", at, key: "audit.change", params: {}, formula };
  return {
    relation: "change",
    status: "error",
    at,
    key: signed.isNeg() ? "audit.change-direction" : "audit.change",
    params: { stated: change.text, computed: `${printed(signed.abs(), change.dp)}${change.unit}`, cue: change.cue },
    stated: `${change.value.toFixed(change.dp)}${change.unit}`,
    computed: `${show(signed)}${change.unit}`,
    diff: `${show(change.value.minus(signed))}${change.unit}`,
    precision: { value: change.value, dp: change.dp, unit: change.unit },
    formula,
    otherModes: fit.otherModes,
  };
}

function growthRate(current: Located | undefined, prior: Located | undefined, change: Located | undefined, rate: Located, up: boolean): Verdict | undefined {
  let num: Dec;
  let den: Dec;
  let formula: string;
  if (change && prior) [num, den, formula] = [baseValue(change), baseValue(prior), `${change.text} ÷ ${prior.text} × 100%`];
  else if (change && current) {
    den = up ? baseValue(current).minus(baseValue(change)) : baseValue(current).plus(baseValue(change));
    [num, formula] = [baseValue(change), `${change.text} ÷ (${current.text} ${up ? "−" : "+"} ${change.text}) × 100%`];
  } else if (prior && current) {
    const d = baseValue(current).minus(baseValue(prior));
    [num, den, formula] = [up ? d : d.neg(), baseValue(prior), `(${current.text} − ${prior.text}) ÷ ${prior.text} × 100%`];
  } else return undefined;
  if (den.lte(0)) return undefined;
  return rateVerdict("growth", { rb: rate.readBlock, start: rate.start, end: rate.end }, rate, num, den, formula);
}

/** `收入：792.22万元。同比上年度增加189.25万元…`: a sentence that opens with the comparison refers to the one figure of the sentence before. */
function previousTotal(rb: ReadBlock, s: Sentence, f: Located): Located | undefined {
  if (!/^[\s，,]*(同比|比上年|较上年|比去年|较去年)/.test(rb.text.slice(s.start, f.start))) return undefined;
  const before = rb.sentences[s.index - 2];
  const figs = before ? inSentence(rb, before) : [];
  return figs.length === 1 && figs[0]!.role === "amount" && figs[0]!.dim === f.dim && !figs[0]!.approx ? figs[0] : undefined;
}
