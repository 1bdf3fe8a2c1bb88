import type { Figure } from "../compute/figure.js";
import { ids, UNIT_EXPENDITURE_COLUMNS, UNIT_INCOME_COLUMNS } from "../compute/ids.js";
import type { Model } from "../compute/model.js";
import { roundsTo } from "../compute/rounding.js";
import type { Finding } from "../findings/finding.js";
import { message, type Message } from "../i18n/messages.js";
import { Dec } from "../load/numbers.js";
import { at, type Rule } from "./at.js";
import { show } from "./describe.js";

/**
 * The per-sub-unit tables, by rows and by columns: each row's parts add up to its total; the
 * rows add up to the unit's own totals (income less what was carried forward; the carried
 * forward to the opening balance; a column to the income source of the same id; expenditure
 * to total, basic and project).
 */
export const byUnit: Rule = (model, ran) => {
  const d = model.dataset.finance;
  const figure = (id: string) => model.figures.get(id);
  const out: Finding[] = [];
  const income = d?.incomeByUnit ?? [];
  const expenditure = d?.expenditureByUnit ?? [];
  const U = ids.unitIncome;
  const X = ids.unitExpenditure;
  income.forEach((row, k) => out.push(...rowCheck(model, ran, `/finance/incomeByUnit/${k}`, row.unit, U.row(k + 1), UNIT_INCOME_COLUMNS)));
  expenditure.forEach((row, k) => out.push(...rowCheck(model, ran, `/finance/expenditureByUnit/${k}`, row.unit, X.row(k + 1), UNIT_EXPENDITURE_COLUMNS)));

  const column = (pointer: string, sum: Figure | undefined, whole: Figure | undefined, label: Message, less?: Dec) => {
    if (!sum?.value || !whole?.value) return;
    ran("by-unit");
    const value = less ? sum.value.minus(less) : sum.value;
    if (roundsTo(value, whole.value, whole.dp, model.settings.rounding)) return;
    const what = message("check.by-unit-column", { column: label, sum: show(value), what: whole.label, total: show(whole.value) });
    out.push({ ...at(model, pointer, "by-unit", what), pos: model.inputs.keyPos(pointer), expected: show(whole.value), actual: show(value), formula: less ? `${sum.formula} − ${U.column("carriedForward")}` : sum.formula });
  };
  if (income.length > 0) {
    // A row's total counts what it carried forward; the unit's income does not.
    const carried = income.reduce((acc, _, k) => acc.plus(figure(U.row(k + 1).column("carriedForward"))?.value ?? 0), new Dec(0));
    column("/finance/incomeByUnit", figure(U.total), figure(ids.income.total), message("column.total"), carried.isZero() ? undefined : carried);
    column("/finance/incomeByUnit", figure(U.column("carriedForward")), figure(ids.carryOver.opening), message("column.carriedForward"));
    for (const c of UNIT_INCOME_COLUMNS.filter((c) => c !== "carriedForward")) {
      column("/finance/incomeByUnit", figure(U.column(c)), figure(ids.income.source(c).amount), message(`column.${c}`));
    }
  }
  if (expenditure.length > 0) {
    column("/finance/expenditureByUnit", figure(X.total), figure(ids.expenditure.total), message("column.total"));
    column("/finance/expenditureByUnit", figure(X.column("basic")), figure(ids.expenditure.basic.amount), message("column.basic"));
    column("/finance/expenditureByUnit", figure(X.column("project")), figure(ids.expenditure.project.amount), message("column.project"));
  }
  return out;
};

/** One row: Σ of the parts it gives against its total. */
function rowCheck(model: Model, ran: (rule: string) => void, pointer: string, unit: string, row: { total: string; column: (c: string) => string }, columns: readonly string[]): Finding[] {
  const total = model.figures.get(row.total);
  const parts = columns.map((c) => model.figures.get(row.column(c))).filter((f): f is Figure => f?.value != null);
  if (!total?.value || parts.length === 0) return [];
  ran("by-unit");
  const sum = parts.reduce((acc, p) => acc.plus(p.value!), new Dec(0));
  if (roundsTo(sum, total.value, total.dp, model.settings.rounding)) return [];
  const what = message("check.by-unit-row", { unit, sum: show(sum), total: show(total.value) });
  return [{ ...at(model, `${pointer}/total`, "by-unit", what), expected: show(sum), actual: show(total.value), formula: parts.map((p) => p.id).join(" + ") }];
}
