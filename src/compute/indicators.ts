import type { Finding } from "../findings/finding.js";
import { message, type Message } from "../i18n/messages.js";
import { checkNumberText, Dec } from "../load/numbers.js";
import type { Dataset, Indicator } from "../model/dataset.js";
import { MISSING, type Builder } from "./build.js";
import type { Figure } from "./figure.js";
import { FormulaError, literals, parseFormula, refs, type Expr } from "./formula.js";
import { evaluateFormula } from "./formula-eval.js";
import { ids } from "./ids.js";

const OPERATION = { "+": "operation.sum", "-": "operation.difference", "*": "operation.product", "/": "operation.quotient" } as const;

interface Entry {
  indicator: Indicator;
  pointer: string;
}

/** Indicator figures: actual (input or formula), target, completion rate. */
export function computeIndicators(b: Builder, dataset: Dataset): void {
  // Ids are unique and clear of the computed ones (src/validate/ids.ts).
  const entries: Entry[] = (dataset.achievements ?? []).flatMap((achievement, i) =>
    (achievement.indicators ?? []).map((indicator, k) => ({ indicator, pointer: `/achievements/${i}/indicators/${k}` })),
  );

  for (const { indicator, pointer } of entries) {
    const id = ids.indicator(indicator.id);
    const name = { name: indicator.name };
    // Two sources for one figure: the one not used is where the dataset contradicts itself.
    if (indicator.formula !== undefined && indicator.actual !== undefined) {
      b.findings.push(problem(b, `${pointer}/actual`, "indicator.actual-and-formula", message("indicator.actual-and-formula", name)));
    }
    if (indicator.targetOf !== undefined && indicator.target !== undefined) {
      b.findings.push(problem(b, `${pointer}/target`, "indicator.target-and-target-of", message("indicator.target-and-target-of", name)));
    }
    if (indicator.formula === undefined) {
      b.input(id.actual, "measure", message("figure.name", name), `${pointer}/actual`, indicator.unit);
    }
    // A shared target (targetOf) is the other indicator's; a target written too is not read.
    if (indicator.targetOf === undefined) b.input(id.target, "measure", message("figure.indicator.target", name), `${pointer}/target`, indicator.unit);
  }

  // Formulas may use each other; evaluate on demand, refusing cycles.
  const formulas = new Map(entries.filter((e) => e.indicator.formula !== undefined).map((e) => [e.indicator.id, e]));
  // Each formula parsed once: the evaluation and the cycle walk both read it.
  const parsed = new Map<string, Expr | FormulaError>();
  const parse = (entry: Entry): Expr | FormulaError => {
    let result = parsed.get(entry.indicator.id);
    if (!result) {
      try {
        result = parseFormula(entry.indicator.formula!);
      } catch (error) {
        result = error as FormulaError;
      }
      parsed.set(entry.indicator.id, result);
    }
    return result;
  };
  // "failed": the formula could not be evaluated (its finding is already reported).
  const state = new Map<string, "busy" | "done" | "failed">();
  const evaluate = (entry: Entry): void => {
    const { indicator, pointer } = entry;
    if (state.get(indicator.id) === "done" || state.get(indicator.id) === "failed") return;
    state.set(indicator.id, "busy");
    const expr = parse(entry);
    const fail = (what: Message): void => {
      b.findings.push(problem(b, `${pointer}/formula`, "indicator.formula", what));
      state.set(indicator.id, "failed");
    };
    if (expr instanceof FormulaError) return fail(message("indicator.formula-syntax", { detail: expr.detail, at: expr.offset + 1 }));
    // Numbers written in a formula are held to the dataset's range (src/load/numbers.ts).
    for (const literal of literals(expr)) {
      const why = checkNumberText(literal.text);
      if (why === "number-range") return fail(message("indicator.formula-range", { text: literal.text, at: literal.offset + 1 }));
      if (why === "number-leading-zero") return fail(message("indicator.formula-leading-zero", { text: literal.text, at: literal.offset + 1 }));
    }
    const inputs: Figure[] = [];
    for (const ref of refs(expr)) {
      const dependency = formulas.get(ref.id);
      if (dependency && state.get(ref.id) === "busy") {
        b.findings.push(problem(b, `${pointer}/formula`, "indicator.formula", message("indicator.formula-cycle", { id: ref.id })));
        state.set(indicator.id, "failed");
        return;
      }
      if (dependency) evaluate(dependency);
      if (dependency && state.get(ref.id) === "failed") {
        // The dependency's own finding says why; this one says who is affected. A cycle
        // through this indicator is reported as a cycle on both ends.
        const key = cycleThrough(ref.id, indicator.id) ? "indicator.formula-cycle" : "indicator.formula-failed";
        b.findings.push(problem(b, `${pointer}/formula`, "indicator.formula", message(key, { id: ref.id })));
        state.set(indicator.id, "failed");
        return;
      }
      const figure = b.figures.get(ref.id);
      if (!figure) return fail(message("indicator.formula-unknown", { id: ref.id }));
      if (figure.value === null) return fail(message("indicator.formula-not-computable", { id: ref.id, reason: figure.missing ?? MISSING.input }));
      inputs.push(figure);
    }
    const result = evaluateFormula(expr, (id) => {
      const f = b.figures.get(id)!;
      return { value: f.value!, dp: f.dp };
    });
    if (result.zeroAt !== undefined) {
      b.findings.push(problem(b, `${pointer}/formula`, "indicator.formula", message("indicator.formula-zero", { at: result.zeroAt + 1 })));
    }
    if (result.rounded) {
      const { op, offset } = result.rounded;
      const what = message("indicator.precision", { formula: indicator.formula!, operation: message(OPERATION[op]), at: offset + 1, digits: Dec.precision });
      b.findings.push({ ...problem(b, `${pointer}/formula`, "indicator.precision", what), severity: "warning" });
    }
    b.figures.add({
      id: indicator.id,
      kind: "measure",
      label: message("figure.name", { name: indicator.name }),
      value: result.value,
      dp: result.dp,
      unit: indicator.unit,
      formula: indicator.formula,
      rule: "formula",
      inputs: [...new Set(inputs.map((f) => f.id))],
      missing: result.zeroAt !== undefined ? MISSING.zero : undefined,
    });
    state.set(indicator.id, "done");
  };
  /** Does `from`'s formula lead back to `to` through other formulas? */
  const cycleThrough = (from: string, to: string, seen = new Set<string>()): boolean => {
    if (from === to) return true;
    if (seen.has(from)) return false;
    seen.add(from);
    const entry = formulas.get(from);
    if (!entry) return false;
    const expr = parse(entry);
    return !(expr instanceof FormulaError) && refs(expr).some((r) => cycleThrough(r.id, to, seen));
  };
  for (const entry of formulas.values()) evaluate(entry);

  for (const { indicator, pointer } of entries) {
    const id = ids.indicator(indicator.id);
    const name = { name: indicator.name };
    if (indicator.targetOf !== undefined) {
      const other = b.figures.get(ids.indicator(indicator.targetOf).target);
      if (!other) {
        b.findings.push(problem(b, `${pointer}/targetOf`, "indicator.target-of", message("indicator.target-of-unknown", { id: indicator.targetOf })));
      } else {
        b.figures.add({ ...other, id: id.target, label: message("figure.indicator.target", name), formula: other.id, inputs: [other.id], source: undefined });
      }
    }
    const actual = b.figures.get(id.actual);
    const target = b.figures.get(id.target);
    if (!actual || !target) continue;
    const label = message("figure.indicator.completion", name);
    const dp = b.settings.percentDecimals;
    // For a "smaller is better" indicator, beating the target means staying under it.
    const completion =
      indicator.direction === "≤" ? b.percent(id.completion, label, target, actual, dp, "completion-rate") : b.percent(id.completion, label, actual, target, dp, "completion-rate");
    // Against a negative target the ratio's sign says the opposite (−10 against −5 is "200%").
    if (completion && target.value?.isNeg()) {
      Object.assign(completion, { value: null, ratio: undefined, missing: message("missing.negative-target") });
      const at = indicator.targetOf !== undefined ? `${pointer}/targetOf` : `${pointer}/target`;
      const what = message("indicator.negative-target", { name: indicator.name, target: target.value.toString() });
      b.findings.push({ ...problem(b, at, "completion-rate", what), severity: "warning" });
    }
  }
}

function problem(b: Builder, pointer: string, code: string, what: Message): Finding {
  return { code, severity: "error", ...what, file: b.file, path: pointer, pos: b.inputs.pos(pointer) };
}
