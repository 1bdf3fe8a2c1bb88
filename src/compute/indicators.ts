import type { Finding } from "../findings/finding.js";
import { message, type Message } from "../i18n/messages.js";
import { Dec } from "../load/numbers.js";
import type { Dataset, Indicator } from "../model/dataset.js";
import { MISSING, type Builder } from "./build.js";
import type { Figure } from "./figure.js";
import { FormulaError, parseFormula, refs, type Expr } from "./formula.js";
import { ids } from "./ids.js";

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
    if (expr instanceof FormulaError) {
      const e = expr;
      b.findings.push(problem(b, `${pointer}/formula`, "indicator.formula", message("indicator.formula-syntax", { detail: e.detail, at: e.offset + 1 })));
      state.set(indicator.id, "failed");
      return;
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
      if (!figure) {
        b.findings.push(problem(b, `${pointer}/formula`, "indicator.formula", message("indicator.formula-unknown", { id: ref.id })));
        state.set(indicator.id, "failed");
        return;
      }
      inputs.push(figure);
    }
    const result = evalExpr(expr, (id) => b.figures.get(id)!);
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
      missing: result.value === null ? MISSING.input : undefined,
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
    if (indicator.direction === "≤") b.percent(id.completion, label, target, actual, dp, "completion-rate");
    else b.percent(id.completion, label, actual, target, dp, "completion-rate");
  }
}

function problem(b: Builder, pointer: string, code: string, what: Message): Finding {
  return { code, severity: "error", ...what, file: b.file, path: pointer, pos: b.inputs.pos(pointer) };
}

function evalExpr(expr: Expr, get: (id: string) => Figure): { value: Dec | null; dp: number } {
  switch (expr.type) {
    case "num":
      return { value: new Dec(expr.text), dp: expr.text.split(".")[1]?.length ?? 0 };
    case "ref": {
      const f = get(expr.id);
      return { value: f.value, dp: f.dp };
    }
    case "neg": {
      const r = evalExpr(expr.operand, get);
      return { value: r.value?.neg() ?? null, dp: r.dp };
    }
    case "bin": {
      const a = evalExpr(expr.left, get);
      const c = evalExpr(expr.right, get);
      if (a.value === null || c.value === null) return { value: null, dp: 0 };
      switch (expr.op) {
        case "+":
          return { value: a.value.plus(c.value), dp: Math.max(a.dp, c.dp) };
        case "-":
          return { value: a.value.minus(c.value), dp: Math.max(a.dp, c.dp) };
        case "*":
          return { value: a.value.times(c.value), dp: a.dp + c.dp };
        case "/":
          return c.value.isZero() ? { value: null, dp: 0 } : { value: a.value.div(c.value), dp: Math.max(a.dp, c.dp, 2) };
      }
    }
  }
}
