import type { Dataset } from "../model/dataset.js";
import { Dec } from "../load/numbers.js";
import type { RoundingMode } from "./rounding.js";

export type AmountUnit = "元" | "万元";

export interface Settings {
  amountUnit: AmountUnit;
  displayUnit: AmountUnit;
  rounding: RoundingMode;
  amountDecimals: "exact" | "significant" | number;
  percentDecimals: number;
  thousandsSeparator: boolean;
  gradeBands: { grade: string; min: Dec }[];
}

export const DEFAULT_GRADE_BANDS = [
  { grade: "优秀", min: 90 },
  { grade: "良好", min: 80 },
  { grade: "合格", min: 60 },
  { grade: "不合格", min: 0 },
];

/** The dataset's settings with every default filled in. */
export function resolveSettings(dataset: Dataset): Settings {
  const s = dataset.settings ?? {};
  const amountUnit = s.amountUnit ?? "万元";
  return {
    amountUnit,
    displayUnit: s.displayUnit ?? amountUnit,
    rounding: s.rounding ?? "half-up",
    amountDecimals: s.amountDecimals ?? "exact",
    percentDecimals: s.percentDecimals ?? 2,
    thousandsSeparator: s.thousandsSeparator ?? true,
    // Band minimums are small integers or 1-decimal scores; reading them from the JS number is exact.
    gradeBands: (s.gradeBands ?? DEFAULT_GRADE_BANDS).map((b) => ({ grade: b.grade, min: new Dec(String(b.min)) })),
  };
}
