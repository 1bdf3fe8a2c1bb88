import { message } from "../i18n/messages.js";
import type { Dataset } from "../model/dataset.js";
import { MISSING, type Builder } from "./build.js";
import type { Figure, Label } from "./figure.js";
import { ids, sourceId } from "./ids.js";
import type { Settings } from "./settings.js";

/** Income, expenditure, carry-over, budget adjustments and special funds. */
export function computeFinance(b: Builder, dataset: Dataset, settings: Settings): void {
  const f = dataset.finance;
  const pct = settings.percentDecimals;
  const { income: I, expenditure: E, carryOver: C, budget: B } = ids;

  const sources = (f?.income?.sources ?? []).map((source, i) => {
    const id = I.source(sourceId(source, i));
    const base = `/finance/income/sources/${i}`;
    const prior = b.input(id.prior, "amount", message("figure.income.source.prior", { name: source.name }), `${base}/prior`);
    return { id, name: source.name, prior, amount: b.input(id.amount, "amount", message("figure.name", { name: source.name }), `${base}/amount`) };
  });
  const income = b.sum(I.total, "amount", message("figure.income.total"), sources.map((s) => s.amount));
  const incomePrior =
    b.priorInput(I.prior, message("figure.income.prior"), "/finance/income/prior", I.total, "/finance/income") ??
    b.sum(I.prior, "amount", message("figure.income.prior"), sources.map((s) => s.prior));
  yearOnYear(b, I, message("figure.income"), income, incomePrior, pct);

  const personnel = b.input(E.basic.personnel, "amount", message("figure.expenditure.basic.personnel"), "/finance/expenditure/basic/personnel");
  const publicFunds = b.input(E.basic.public, "amount", message("figure.expenditure.basic.public"), "/finance/expenditure/basic/public");
  const basic = b.sum(E.basic.amount, "amount", message("figure.expenditure.basic"), [personnel, publicFunds]);
  const project = b.input(E.project.amount, "amount", message("figure.expenditure.project"), "/finance/expenditure/project");
  const expenditure = b.sum(E.total, "amount", message("figure.expenditure.total"), [basic, project]);
  const expenditurePrior = b.priorInput(E.prior, message("figure.expenditure.prior"), "/finance/expenditure/prior", E.total, "/finance/expenditure");
  yearOnYear(b, E, message("figure.expenditure"), expenditure, expenditurePrior, pct);
  const basicPrior = b.priorInput(E.basic.prior, message("figure.expenditure.basic.prior"), "/finance/expenditure/basic/prior", E.basic.amount, "/finance/expenditure/basic");
  yearOnYear(b, E.basic, message("figure.expenditure.basic"), basic, basicPrior, pct);
  const projectPrior = b.priorInput(E.project.prior, message("figure.expenditure.project.prior"), "/finance/expenditure/projectPrior", E.project.amount, "/finance/expenditure/project");
  yearOnYear(b, E.project, message("figure.expenditure.project"), project, projectPrior, pct);
  b.percent(E.basic.share, message("figure.expenditure.basic.share"), basic, expenditure, pct, "share");
  b.percent(E.project.share, message("figure.expenditure.project.share"), project, expenditure, pct, "share");
  for (const source of sources) {
    if (source.amount) b.percent(source.id.share, message("figure.income.source.share", { name: source.name }), source.amount, income, pct, "share");
  }

  b.difference(C.total, "amount", message("figure.carryOver.total"), income, expenditure, "carry-over");

  const funds = (f?.specialFunds ?? []).map((fund, i) => {
    const base = `/finance/specialFunds/${i}`;
    const id = ids.fund(fund.id);
    const name = { name: fund.name };
    const allocated = b.input(id.allocated, "amount", message("figure.fund.allocated", name), `${base}/allocated`);
    const spent = b.input(id.spent, "amount", message("figure.fund.spent", name), `${base}/spent`);
    b.difference(id.balance, "amount", message("figure.fund.balance", name), allocated, spent, "fund-balance");
    b.percent(id.execution, message("figure.fund.execution", name), spent, allocated, pct, "execution-rate");
    return { allocated, spent };
  });
  if (funds.length > 0) {
    const projectIncome = b.sum(I.project, "amount", message("figure.income.project"), funds.map((x) => x.allocated));
    const basicIncome = b.difference(I.basic, "amount", message("figure.income.basic"), income, projectIncome);
    b.difference(C.basic, "amount", message("figure.carryOver.basic"), basicIncome, basic, "carry-over");
    b.difference(C.project, "amount", message("figure.carryOver.project"), projectIncome, project, "carry-over");
    b.percent(E.project.execution, message("figure.expenditure.project.execution"), project, projectIncome, pct, "execution-rate");
    const initial = b.input(B.projectInitial, "amount", message("figure.budget.projectInitial"), "/finance/budget/projectInitial");
    b.difference(B.projectAdjustment, "amount", message("figure.budget.projectAdjustment"), projectIncome, initial);
    const spentKnown = funds.map((x) => x.spent).filter((x): x is Figure => x !== undefined);
    if (spentKnown.length > 0) b.sum(ids.funds.spent, "amount", message("figure.funds.spent"), spentKnown);
  }
  b.input(B.basicAdjustment, "amount", message("figure.budget.basicAdjustment"), "/finance/budget/basicAdjustment/amount");
}

/** change = current − prior; growth = change ÷ prior. Absent without a prior year. */
function yearOnYear(b: Builder, group: { prior: string; change: string; growth: string }, what: Label, current: Figure | undefined, prior: Figure | undefined, pct: number): void {
  if (!current || !prior) return;
  if (prior.id !== group.prior) return;
  const change = b.difference(group.change, "amount", message("figure.change", { what }), current, prior, "change");
  const growth = b.percent(group.growth, message("figure.growth", { what }), change, prior, pct, "growth-rate");
  if (growth && growth.missing === MISSING.zero) growth.missing = MISSING.priorZero;
}
