import type { Finding } from "../findings/finding.js";
import { message, type Message } from "../i18n/messages.js";
import { Dec } from "../load/numbers.js";
import type { Dataset } from "../model/dataset.js";
import type { Figure, FigureKind, FigureRule, Figures, Label } from "./figure.js";
import type { Inputs } from "./inputs.js";
import { roundsTo } from "./rounding.js";
import { resolveSettings, type Settings } from "./settings.js";
import { convertAmount } from "./units.js";

/** What the computation needs of the prior year: its figures and where its inputs stand. */
export interface PriorYear {
  file: string;
  figures: Figures;
  inputs: Inputs;
}

/** Figure constructors shared by the computations: inputs, sums, differences and ratios. */
export class Builder {
  readonly findings: Finding[] = [];
  /** Checks made while computing (a stated prior-year figure against the prior year's file), by rule. */
  readonly checks: string[] = [];

  constructor(
    readonly figures: Figures,
    readonly inputs: Inputs,
    readonly settings: Settings,
    readonly file: string,
    /** The prior year's computed model, when the dataset names its file (`prior:`). */
    readonly prior?: PriorYear,
  ) {}

  /**
   * A prior-year figure: from the prior year's own dataset when there is one (a figure this
   * dataset also states must then agree with it), otherwise as this dataset states it.
   */
  priorInput(id: string, label: Label, pointer: string, priorId: string, priorBlock: string): Figure | undefined {
    const other = this.prior?.figures.get(priorId);
    if (!this.prior || !other || other.value === null) return this.input(id, "amount", label, pointer);
    const { file, inputs } = this.prior;
    const pos = inputs.keyPos(priorBlock) ?? { line: 1, col: 1 };
    // The prior year may be written in another unit (its final accounts in 元): convert exactly.
    const priorUnit = resolveSettings(inputs.located.data as Dataset).amountUnit;
    const { value, dp } = priorUnit === this.settings.amountUnit ? { value: other.value, dp: other.dp } : convertAmount(other.value, priorUnit, this.settings.amountUnit);
    const figure = this.figures.add({ id, kind: "amount", label, value, dp, formula: `${priorId} @ ${file}`, rule: "figure", inputs: [], source: { pointer: priorBlock, pos, file } });
    const stated = this.inputs.at(pointer);
    if (!stated) return figure;
    this.checks.push("prior-year");
    if (!roundsTo(value, stated.value, stated.dp, this.settings.rounding)) {
      this.findings.push({
        code: "prior-year",
        severity: "error",
        ...message("prior.mismatch", { what: label, stated: stated.text, value: value.toString(), file }),
        file: this.file,
        path: pointer,
        pos: stated.pos,
        actual: stated.text,
        expected: value.toString(),
        related: [{ file, pos, ...message("prior.there", { id: priorId, value: other.value.toString() }) }],
      });
    }
    return figure;
  }

  /** A figure read from the dataset, or undefined when the dataset does not give it. */
  input(id: string, kind: FigureKind, label: Label, pointer: string, unit?: string): Figure | undefined {
    const q = this.inputs.at(pointer);
    if (!q) return undefined;
    return this.figures.add({ id, kind, label, value: q.value, dp: q.dp, unit, rule: "figure", inputs: [], source: { pointer, pos: q.pos } });
  }

  /** Σ of figures; decimals as `combinedDp` says. */
  sum(id: string, kind: FigureKind, label: Label, parts: (Figure | undefined)[], unit?: string): Figure | undefined {
    const present = parts.filter((p): p is Figure => p !== undefined);
    if (present.length === 0 || present.length !== parts.length) return undefined;
    const value = present.some((p) => p.value === null)
      ? null
      : present.reduce((acc, p) => acc.plus(p.value!), new Dec(0));
    return this.figures.add({
      id,
      kind,
      label,
      value,
      dp: combinedDp(kind, present, this.settings),
      unit,
      formula: present.map((p) => p.id).join(" + "),
      rule: "sum",
      inputs: present.map((p) => p.id),
      missing: value === null ? MISSING.input : undefined,
    });
  }

  /** a − b, checked under `rule` (a fund's balance, a change on the prior year, a carry-over…). */
  difference(id: string, kind: FigureKind, label: Label, a: Figure | undefined, b: Figure | undefined, rule: FigureRule = "difference"): Figure | undefined {
    if (!a || !b) return undefined;
    const value = a.value && b.value ? a.value.minus(b.value) : null;
    return this.figures.add({
      id,
      kind,
      label,
      value,
      dp: combinedDp(kind, [a, b], this.settings),
      formula: `${a.id} − ${b.id}`,
      rule,
      inputs: [a.id, b.id],
      missing: value === null ? MISSING.input : undefined,
    });
  }

  /**
   * A figure the report can name but the data cannot compute (a change without the prior
   * year, a carry-over without the opening balance): no value, and `missing` says what to fill.
   */
  absent(id: string, kind: FigureKind, label: Label, formula: string, rule: FigureRule, missing: Message, inputs: string[] = []): Figure {
    return this.figures.add({ id, kind, label, value: null, dp: 0, formula, rule, inputs, missing });
  }

  /** Σ plus − Σ minus (income + opening − expenditure), checked under `rule`. */
  combine(id: string, kind: FigureKind, label: Label, plus: (Figure | undefined)[], minus: (Figure | undefined)[], rule: FigureRule): Figure | undefined {
    const parts = [...plus, ...minus];
    if (parts.some((p) => p === undefined)) return undefined;
    const present = parts as Figure[];
    const value = present.some((p) => p.value === null)
      ? null
      : (plus as Figure[]).reduce((acc, p) => acc.plus(p.value!), new Dec(0)).minus((minus as Figure[]).reduce((acc, p) => acc.plus(p.value!), new Dec(0)));
    const formula = [(plus as Figure[]).map((p) => p.id).join(" + "), ...(minus as Figure[]).map((p) => p.id)].join(" − ");
    return this.figures.add({ id, kind, label, value, dp: combinedDp(kind, present, this.settings), formula, rule, inputs: present.map((p) => p.id), missing: value === null ? MISSING.input : undefined });
  }

  /** num ÷ den × 100, kept as a ratio for exact checks; null (with a reason) when den is zero. */
  percent(id: string, label: Label, num: Figure | undefined, den: Figure | undefined, dp: number, rule: FigureRule): Figure | undefined {
    if (!num || !den) return undefined;
    const formula = `${num.id} ÷ ${den.id} × 100%`;
    const base = { id, kind: "percent" as const, label, dp, formula, rule, inputs: [num.id, den.id] };
    if (!num.value || !den.value) return this.figures.add({ ...base, value: null, missing: MISSING.input });
    if (den.value.isZero()) return this.figures.add({ ...base, value: null, missing: MISSING.zero });
    return this.figures.add({
      ...base,
      value: num.value.div(den.value).times(100),
      ratio: { num: num.value, den: den.value },
    });
  }

  /** A figure that counts listed items (e.g. the internal offices named in the dataset). */
  count(id: string, label: Label, items: readonly unknown[] | undefined, pointer: string, unit: string): Figure | undefined {
    if (!items) return undefined;
    const pos = this.inputs.pos(pointer) ?? { line: 1, col: 1 };
    return this.figures.add({
      id,
      kind: "count",
      label,
      value: new Dec(items.length),
      dp: 0,
      unit,
      formula: `count(${pointer})`,
      rule: "listed-count",
      inputs: [],
      source: { pointer, pos },
    });
  }
}

/**
 * Decimals of a sum or difference: every decimal of its parts, so nothing is hidden; or,
 * with `amountDecimals: significant`, money only as precise as its least precise term
 * (5296 − 4426.12 is "870" when 5296 is known only to the 万元). Scores and counts are exact.
 */
function combinedDp(kind: FigureKind, parts: Figure[], settings: Settings): number {
  const dps = parts.map((p) => p.dp);
  return kind === "amount" && settings.amountDecimals === "significant" ? Math.min(...dps) : Math.max(...dps);
}

/** Why a figure has no value. */
export const MISSING = {
  input: message("missing.input"),
  zero: message("missing.zero"),
  prior: message("missing.prior"),
  priorZero: message("missing.prior-zero"),
} satisfies Record<string, Message>;
