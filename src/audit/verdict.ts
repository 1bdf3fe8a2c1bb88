import type { RoundingMode } from "../compute/rounding.js";
import type { Dec } from "../load/numbers.js";
import type { MessageKey, Params } from "../i18n/messages.js";
import type { ReadBlock } from "./sentences.js";

export type Relation = "sum" | "change" | "growth" | "share" | "completion" | "count" | "repeated" | "balance";

/** A place in the report: a span of one block's text (the figure a finding marks). */
export interface Mark {
  rb: ReadBlock;
  start: number;
  end: number;
}

/**
 * What audit concluded about one relation a sentence asserts: it holds (ok), it does not
 * (error), or the reader is not sure it read the relation right (unresolved, shown only
 * with --verbose). Plain data; the wording comes from the catalogue when it becomes a finding.
 */
export interface Verdict {
  relation: Relation;
  status: "ok" | "error" | "unresolved";
  at: Mark;
  key: MessageKey;
  params: Params;
  stated?: string;
  computed?: string;
  diff?: string;
  /** The stated figure's precision: the tolerance is the interval that rounds to it. */
  precision?: { value: Dec; dp: number; unit: string };
  formula?: string;
  /** Rounding modes other than 四舍五入 that give the stated figure. */
  otherModes?: RoundingMode[];
  related?: { at: Mark; key: MessageKey; params: Params }[];
}
