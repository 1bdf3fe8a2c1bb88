import { reconcile } from "../check/check.js";
import type { Model } from "../compute/model.js";
import { hasErrors } from "../findings/finding.js";
import type { Dataset } from "../model/dataset.js";
import { loadDataset } from "./load.js";
import { loadPrior } from "./prior.js";
import { emptyRow, statusOf, type UnitOptions, type UnitResult } from "./result.js";

export interface Checked {
  result: UnitResult;
  /** The computed model, when the dataset (and its prior year) could be used. */
  model?: Model;
}

/** load → prior year → validate → compute → check, for `check`, `build` and `explain` alike. */
export async function checkDataset(file: string, options: UnitOptions): Promise<Checked> {
  const row = emptyRow(file);
  const loaded = await loadDataset(file, options);
  const texts: Record<string, string> = loaded.source ? { [file]: loaded.source.text } : {};
  const base = { file, checks: 0, texts, messages: [], written: [], reads: [file] };
  if (!loaded.located) {
    const partial = loaded.data as { unit?: { name?: unknown }; year?: unknown } | undefined;
    const named = { unit: typeof partial?.unit?.name === "string" ? partial.unit.name : "", year: typeof partial?.year === "number" ? String(partial.year) : "" };
    return { result: { ...base, outcome: "input", findings: loaded.findings, row: { ...row, ...named, findings: loaded.findings.length } } };
  }
  const prior = await loadPrior(loaded.located, file, options);
  const reads = prior.read !== undefined ? [file, prior.read] : [file];
  const d0 = loaded.located.data as Dataset;
  if ("unusable" in prior) {
    return { result: { ...base, reads, outcome: "input", findings: prior.findings, row: { ...row, unit: d0.unit.name, year: String(d0.year), findings: prior.findings.length } } };
  }
  const checked = reconcile(loaded.located, options.lang, prior.year);
  const all = [...prior.findings, ...checked.findings];
  const findings = options.strict ? all.map((f) => ({ ...f, severity: "error" as const })) : all;
  const outcome = hasErrors(findings) ? "findings" : "clean";
  const f = (id: string) => checked.model.figures.get(id)?.value?.toString() ?? "";
  const d = checked.model.dataset;
  return {
    model: checked.model,
    result: {
      ...base,
      reads,
      outcome,
      findings,
      checks: checked.checks,
      row: {
        file,
        unit: d.unit.name,
        year: String(d.year),
        status: statusOf(outcome),
        findings: findings.length,
        income: f("income.total"),
        expenditure: f("expenditure.total"),
        carryOver: f("carryOver.total"),
        score: f("score.total"),
        grade: checked.model.figures.get("score.grade")?.text ?? "",
      },
    },
  };
}
