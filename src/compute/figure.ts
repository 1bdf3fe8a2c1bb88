import type { SourcePos } from "../findings/finding.js";
import type { Message } from "../i18n/messages.js";
import type { Dec } from "../load/numbers.js";

export type FigureKind = "amount" | "percent" | "count" | "score" | "measure" | "text";

/** A figure's name: a message of the catalogue (`figure.*`), worded where it is printed. */
export type Label = Message;

/**
 * The reconciliation rule a stated value of a figure is checked under, set where the
 * figure is built: "figure" for an input, "sum"/"difference" for plain arithmetic.
 */
export type FigureRule =
  | "figure"
  | "sum"
  | "difference"
  | "change"
  | "growth-rate"
  | "share"
  | "carry-over"
  | "fund-balance"
  | "execution-rate"
  | "completion-rate"
  | "listed-count"
  | "formula";

/**
 * One number of the report, input or computed, with everything a reviewer needs to trust
 * it: what it is, how it was computed, from which other figures, and where inputs were written.
 */
export interface Figure {
  id: string;
  kind: FigureKind;
  label: Label;
  /** Exact value; null when it cannot be computed (see `missing`). Percent figures are in percent. */
  value: Dec | null;
  /** Display precision (decimal places) for "auto" formatting. */
  dp: number;
  /** Unit of a measure or count ("家", "人"); amounts use the dataset's display unit. */
  unit?: string;
  /** Value of a text figure (a grade). */
  text?: string;
  /** Formula in figure ids, e.g. "income.change ÷ income.prior × 100". */
  formula?: string;
  /** The reconciliation rule a stated value of this figure is checked under. */
  rule: FigureRule;
  /** Ids of the figures the formula uses. */
  inputs: string[];
  /** A percentage is 100·num/den; kept so that checks can cross-multiply instead of dividing. */
  ratio?: { num: Dec; den: Dec };
  /** Where an input figure is written: in this dataset, or (`file`) in the prior year's. */
  source?: { pointer: string; pos: SourcePos; file?: string };
  /** Why `value` is null. */
  missing?: Message;
}

/** The computed model's figures, in the order they were defined. */
export class Figures {
  private readonly map = new Map<string, Figure>();

  /** Adds a figure; a second one with the same id is a bug (the dataset's ids are checked before). */
  add(figure: Figure): Figure {
    if (this.map.has(figure.id)) throw new Error(`figure ${figure.id} is defined twice`);
    this.map.set(figure.id, figure);
    return figure;
  }

  get(id: string): Figure | undefined {
    return this.map.get(id);
  }

  has(id: string): boolean {
    return this.map.has(id);
  }

  ids(): string[] {
    return [...this.map.keys()];
  }

  all(): Figure[] {
    return [...this.map.values()];
  }

  /** Every input figure that `id` depends on, directly or through other figures. */
  leaves(id: string, seen = new Set<string>()): Figure[] {
    const figure = this.map.get(id);
    if (!figure || seen.has(id)) return [];
    seen.add(id);
    if (figure.source && figure.inputs.length === 0) return [figure];
    return figure.inputs.flatMap((input) => this.leaves(input, seen));
  }
}
