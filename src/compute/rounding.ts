import { Decimal } from "decimal.js";
import { Dec } from "../load/numbers.js";

export type RoundingMode = "half-up" | "half-even" | "down";

export const ROUNDING_MODES: readonly RoundingMode[] = ["half-up", "half-even", "down"];

const DECIMAL_MODE: Record<RoundingMode, Decimal.Rounding> = {
  "half-up": Decimal.ROUND_HALF_UP,
  "half-even": Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
};

/** 四舍五入 and friends, applied to magnitudes (−2.5 → −3 half-up), as finance does. */
export function round(value: Dec, dp: number, mode: RoundingMode): Dec {
  return value.toDecimalPlaces(dp, DECIMAL_MODE[mode]);
}

/**
 * Does num/den × scale round to `stated` at `dp` places under `mode`? Decided exactly by
 * comparing `num × scale` with the interval's bounds times `den`, so nothing is divided and
 * nothing is rounded twice.
 */
export function ratioRoundsTo(num: Dec, den: Dec, scale: Dec, stated: Dec, dp: number, mode: RoundingMode): boolean {
  if (den.isZero()) return false;
  // Work with a positive denominator; the interval test below assumes it.
  const n = (den.isNeg() ? num.neg() : num).times(scale);
  const d = den.abs();
  const [lo, hi, loIn, hiIn] = interval(stated, dp, mode);
  const low = lo.times(d);
  const high = hi.times(d);
  const aboveLow = loIn ? n.gte(low) : n.gt(low);
  const belowHigh = hiIn ? n.lte(high) : n.lt(high);
  return aboveLow && belowHigh;
}

/** Does the exact `value` round to `stated` at `dp` places under `mode`? */
export function roundsTo(value: Dec, stated: Dec, dp: number, mode: RoundingMode): boolean {
  return round(value, dp, mode).eq(stated);
}

/** The exact values that round to `stated`, as text: "[201.915, 201.925)". */
export function intervalText(stated: Dec, dp: number, mode: RoundingMode): string {
  const [lo, hi, loIn, hiIn] = interval(stated, dp, mode);
  return `${loIn ? "[" : "("}${lo.toFixed(dp + 1)}, ${hi.toFixed(dp + 1)}${hiIn ? "]" : ")"}`;
}

/**
 * The set of exact values that round to `stated`: [lo, hi] with open/closed ends.
 * Returned as [lo, hi, lo included, hi included].
 */
export function interval(stated: Dec, dp: number, mode: RoundingMode): [Dec, Dec, boolean, boolean] {
  const unit = new Dec(10).pow(-dp);
  const half = unit.div(2);
  const positive = stated.gt(0);
  const negative = stated.lt(0);
  if (mode === "down") {
    if (positive) return [stated, stated.plus(unit), true, false];
    if (negative) return [stated.minus(unit), stated, false, true];
    return [unit.neg(), unit, false, false];
  }
  if (mode === "half-up") {
    if (positive) return [stated.minus(half), stated.plus(half), true, false];
    if (negative) return [stated.minus(half), stated.plus(half), false, true];
    return [half.neg(), half, false, false];
  }
  // half-even: a tie goes to the stated value only when its last digit is even.
  const even = stated.times(new Dec(10).pow(dp)).mod(2).isZero();
  return [stated.minus(half), stated.plus(half), even, even];
}
