import { Dec } from "../load/numbers.js";
import type { Figure } from "../compute/figure.js";
import type { Figures } from "../compute/figure.js";

/** A value for a message: exact but readable (at most 6 decimals, trailing zeros dropped). */
export function show(value: Dec | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const rounded = value.toDecimalPlaces(6, Dec.ROUND_HALF_UP);
  return rounded.eq(value) ? value.toString() : `${rounded.toString()}…`;
}

/** "income.change ÷ income.prior × 100% = 4125 ÷ 1171 × 100%" */
export function formulaWithValues(figure: Figure, figures: Figures): string | undefined {
  if (!figure.formula) return undefined;
  let withValues = figure.formula;
  for (const id of [...figure.inputs].sort((a, b) => b.length - a.length)) {
    const input = figures.get(id);
    if (input) withValues = withValues.split(id).join(show(input.value));
  }
  return withValues === figure.formula ? figure.formula : `${figure.formula} = ${withValues}`;
}
