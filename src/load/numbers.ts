import { Decimal } from "decimal.js";

/** decimal.js configured for money: plenty of digits, 四舍五入 unless a dataset says otherwise. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = Decimal;

const DECIMAL_TEXT = /^[-+]?(\d+)(\.(\d+))?([eE][-+]?\d+)?$/;
const MAX_EXPONENT = 15;

/** Why a YAML number cannot be an amount or a count, or null when it can. */
export function checkNumberText(text: string): "number-notation" | "number-range" | "number-leading-zero" | null {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return "number-notation";
  // 0588 is a typo more often than 588: say so rather than guess.
  if (/^[-+]?0\d/.test(text)) return "number-leading-zero";
  const value = new Dec(text);
  if (!value.isZero() && Math.abs(value.e) > MAX_EXPONENT) return "number-range";
  return null;
}

/** Exact value and written precision of a number as it appears in the source text. */
export function parseNumberText(text: string): { value: Decimal; dp: number } {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) throw new Error(`not a decimal number: ${text}`);
  const value = new Dec(text);
  const fraction = match[3]?.length ?? 0;
  const exponent = match[4] ? Number(match[4].slice(1)) : 0;
  return { value, dp: Math.max(0, fraction - exponent) };
}
