import { Dec } from "../load/numbers.js";
import type { AmountUnit } from "./settings.js";

/** The units money is written in, as powers of ten of 元. */
export type MoneyUnit = AmountUnit | "亿元";

const EXPONENT: Record<MoneyUnit, number> = { 元: 0, 万元: 4, 亿元: 8 };

/**
 * An amount in another unit, exactly (a shift of the decimal point), with as many decimals
 * as the converted value needs: 800000 元 is 80 万元, 1234.56 元 is 0.123456 万元.
 */
export function convertAmount(value: Dec, from: MoneyUnit, to: MoneyUnit): { value: Dec; dp: number } {
  const converted = value.times(new Dec(10).pow(EXPONENT[from] - EXPONENT[to]));
  return { value: converted, dp: converted.decimalPlaces() };
}
