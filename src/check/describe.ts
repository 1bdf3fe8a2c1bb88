import { Dec } from "../load/numbers.js";
import type { Figure } from "../compute/figure.js";
import type { Figures } from "../compute/figure.js";

/** A value for a message: exact but readable (at most 6 decimals, trailing zeros dropped). */
export function show(value: Dec | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const rounded = value.toDecimalPlaces(6, Dec.ROUND_HALF_UP);
  return rounded.eq(value) ? value.toString() : `${rounded.toString()}…`;
}

/** A figure id in a formula (as src/compute/formula.ts reads one): the longest run, so "a" is not found inside "ab". */
const FIGURE_ID = /[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*/g;

/**
 * "income.change ÷ income.prior × 100% = 4125 ÷ 1171 × 100%". One pass over the formula: a
 * sum of 39,000 funds is as quick as one of two (replacing input by input was quadratic).
 */
export function formulaWithValues(figure: Figure, figures: Figures): string | undefined {
  if (!figure.formula) return undefined;
  const inputs = new Set(figure.inputs);
  const withValues = figure.formula.replace(FIGURE_ID, (id) => {
    const input = inputs.has(id) ? figures.get(id) : undefined;
    return input ? show(input.value) : id;
  });
  return withValues === figure.formula ? figure.formula : `${figure.formula} = ${withValues}`;
}

/** The rule a stated figure is checked under, from what kind of figure it is. */
export function ruleOf(figure: Figure): string {
  const id = figure.id;
  if (id.endsWith(".growth")) return "growth-rate";
  if (id.endsWith(".share")) return "share";
  if (id.endsWith(".completion")) return "completion-rate";
  if (id.endsWith(".execution")) return "execution-rate";
  if (id.endsWith(".balance")) return "fund-balance";
  if (id.endsWith(".change")) return "change";
  if (id.startsWith("carryOver.")) return "carry-over";
  return figure.rule ?? "figure";
}
