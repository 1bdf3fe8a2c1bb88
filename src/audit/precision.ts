import { ratioRoundsTo, round, roundsTo, ROUNDING_MODES, type RoundingMode } from "../compute/rounding.js";
import { show } from "../check/describe.js";
import { Dec } from "../load/numbers.js";
import type { Params } from "../i18n/messages.js";
import type { Mark, Verdict } from "./verdict.js";

/** 四舍五入, as the sample and the finance bureaus' templates round; the others only hint. */
export const MODE: RoundingMode = "half-up";
export const HUNDRED = new Dec(100);

/** Does the exact `value` give `stated` at the precision it was printed with? If not, which other modes would. */
export function fitsValue(value: Dec, stated: Dec, dp: number): { ok: boolean; otherModes: RoundingMode[] } {
  if (roundsTo(value, stated, dp, MODE)) return { ok: true, otherModes: [] };
  return { ok: false, otherModes: ROUNDING_MODES.filter((m) => m !== MODE && roundsTo(value, stated, dp, m)) };
}

/** Does num ÷ den × 100 give the stated percentage at its printed precision? */
export function fitsRatio(num: Dec, den: Dec, stated: Dec, dp: number): { ok: boolean; otherModes: RoundingMode[] } {
  if (ratioRoundsTo(num, den, HUNDRED, stated, dp, MODE)) return { ok: true, otherModes: [] };
  return { ok: false, otherModes: ROUNDING_MODES.filter((m) => m !== MODE && ratioRoundsTo(num, den, HUNDRED, stated, dp, m)) };
}

export function percentOf(num: Dec, den: Dec): Dec {
  return num.times(HUNDRED).div(den);
}

/** A computed value as the report would print it at `dp` places, and exactly. */
export function printed(value: Dec, dp: number): string {
  return round(value, dp, MODE).toFixed(dp);
}

export { show };

/**
 * A stated percentage checked against num ÷ den × 100 at its printed precision: ok, or an
 * error with the stated and computed values, the difference, the tolerance and the other
 * rounding modes that would give it. `params` and `related` add what the relation's message names.
 */
export function rateVerdict(
  relation: "growth" | "share",
  at: Mark,
  rate: { value: Dec; dp: number; text: string },
  num: Dec,
  den: Dec,
  formula: string,
  params: Params = {},
  related?: Verdict["related"],
): Verdict {
  const key = `audit.${relation}` as const;
  const fit = fitsRatio(num, den, rate.value, rate.dp);
  if (fit.ok) return { relation, status: "ok", at, key, params: {}, formula };
  const exact = percentOf(num, den);
  return {
    relation,
    status: "error",
    at,
    key,
    params: { stated: rate.text, computed: `${printed(exact, rate.dp)}%`, ...params },
    stated: `${rate.value.toFixed(rate.dp)}%`,
    computed: `${show(exact)}%`,
    diff: `${show(rate.value.minus(exact))}%`,
    precision: { value: rate.value, dp: rate.dp, unit: "%" },
    formula,
    otherModes: fit.otherModes,
    ...(related ? { related } : {}),
  };
}
