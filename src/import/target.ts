import { ROUNDING_MODES, ratioRoundsTo } from "../compute/rounding.js";
import { Dec } from "../load/numbers.js";

/** One completion rate the report states: actual ÷ target × 100% printed as `rate` with `dp` decimals. */
export interface Completion {
  actual: Dec;
  rate: Dec;
  dp: number;
}

const HUNDRED = new Dec(100);

/** Whether `target` gives the stated rate under some rounding (check reports the one it does not under). */
export function fits(target: Dec, c: Completion): boolean {
  return target.gt(0) && ROUNDING_MODES.some((mode) => ratioRoundsTo(c.actual, target, HUNDRED, c.rate, c.dp, mode));
}

/**
 * The plan behind completion rates that do not state it: the roundest number that gives every
 * rate of the group when rounded half-up or truncated (the two ways reports print rates), so
 * that `check` then reports a rate that only truncation gives. Whole numbers only for counts.
 */
export function inferTarget(group: Completion[], wholeOnly: boolean): Dec | undefined {
  let lo = new Dec(0);
  let hi = new Dec(Infinity);
  for (const c of group) {
    const unit = new Dec(10).pow(-c.dp);
    const low = c.rate.minus(unit.div(2));
    if (low.lte(0)) return undefined;
    // rate ∈ [r − u/2, r + u)  ⇒  target ∈ (actual × 100 ÷ (r + u), actual × 100 ÷ (r − u/2)]
    lo = Dec.max(lo, c.actual.times(HUNDRED).div(c.rate.plus(unit)));
    hi = Dec.min(hi, c.actual.times(HUNDRED).div(low));
  }
  if (lo.gte(hi)) return undefined;
  const best = group[0]!.actual.times(HUNDRED).div(group[0]!.rate);
  for (let d = 0; d <= (wholeOnly ? 0 : 4); d++) {
    const step = new Dec(10).pow(-d);
    let c = lo.div(step).ceil().times(step);
    if (c.eq(lo)) c = c.plus(step);
    let chosen: Dec | undefined;
    for (let n = 0; c.lte(hi) && n < 20; n++, c = c.plus(step)) if (!chosen || c.minus(best).abs().lt(chosen.minus(best).abs())) chosen = c;
    if (chosen) return chosen;
  }
  return undefined;
}
