import { ids } from "../compute/ids.js";
import type { Finding } from "../findings/finding.js";
import { message } from "../i18n/messages.js";
import { at, type Rule } from "./at.js";
import { show } from "./describe.js";

const OPENING_FIELD = "finance.openingCarryOver";

/**
 * income + opening = expenditure + closing. Spending above income is legitimate only when an
 * opening balance covers it: without one, ask for it by its field; with one, a negative
 * closing balance is still wrong. A negative basic or project carry-over means the fund list
 * is not the whole of the project funds, or an opening balance was spent.
 */
export const carryOver: Rule = (model, ran) => {
  const figure = (id: string) => model.figures.get(id);
  const { income: I, expenditure: E, carryOver: C } = ids;
  const income = figure(I.total)?.value;
  const expenditure = figure(E.total)?.value;
  const opening = figure(C.opening)?.value;
  const out: Finding[] = [];
  // One check: the balance of the year, with its basic and project parts where there are any.
  const parts = [figure(C.basic), figure(C.project)].filter((f) => f?.value);
  if ((income && expenditure) || parts.length > 0) ran("carry-over");
  if (income && expenditure) {
    const closing = figure(C.closing)?.value;
    if (opening && closing) {
      if (closing.isNeg()) {
        const what = message("check.closing-negative", { opening: show(opening), income: show(income), expenditure: show(expenditure), closing: show(closing) });
        out.push({ ...at(model, "/finance/openingCarryOver", "carry-over", what, "warning"), formula: figure(C.closing)?.formula });
      }
    } else if (expenditure.gt(income)) {
      const what = message("check.overspending", { income: show(income), expenditure: show(expenditure), gap: show(expenditure.minus(income)), field: OPENING_FIELD });
      out.push({ ...at(model, "/finance/expenditure", "carry-over", what, "warning"), pos: model.inputs.keyPos("/finance/expenditure") });
    }
  }
  if (opening) return out;
  for (const f of parts) {
    if (!f?.value?.isNeg()) continue;
    const what = message("check.carry-over-negative", { what: f.label, value: show(f.value), field: OPENING_FIELD });
    out.push({ ...at(model, "/finance/specialFunds", "carry-over", what, "warning"), pos: model.inputs.keyPos("/finance/specialFunds"), formula: f.formula });
  }
  return out;
};
