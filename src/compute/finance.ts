import { message, type Message } from "../i18n/messages.js";
import type { Dataset } from "../model/dataset.js";
import { fundList } from "../model/funds.js";
import { MISSING, type Builder } from "./build.js";
import type { Figure, Label } from "./figure.js";
import { ids, sourceId, UNIT_EXPENDITURE_COLUMNS, UNIT_INCOME_COLUMNS } from "./ids.js";
import type { Settings } from "./settings.js";

/**
 * Income, expenditure, carry-over, budget adjustments, special funds and the per-sub-unit
 * tables. Every part of `finance` is optional: a figure whose inputs are absent is absent
 * (never 0), and one the report can name but the data cannot compute has no value and says
 * which field to fill.
 */
export function computeFinance(b: Builder, dataset: Dataset, settings: Settings): void {
  const f = dataset.finance ?? {};
  const pct = settings.percentDecimals;
  const { income: I, expenditure: E, carryOver: C, budget: B } = ids;

  const sources = (f.income?.sources ?? []).map((source, i) => {
    const id = I.source(sourceId(source, i));
    const base = `/finance/income/sources/${i}`;
    const prior = b.input(id.prior, "amount", message("figure.income.source.prior", { name: source.name }), `${base}/prior`);
    return { id, name: source.name, base, prior, amount: b.input(id.amount, "amount", message("figure.name", { name: source.name }), `${base}/amount`) };
  });
  const income = b.sum(I.total, "amount", message("figure.income.total"), sources.map((s) => s.amount));
  const incomePrior =
    b.priorInput(I.prior, message("figure.income.prior"), "/finance/income/prior", I.total, "/finance/income") ??
    b.sum(I.prior, "amount", message("figure.income.prior"), sources.map((s) => s.prior));
  yearOnYear(b, I, message("figure.income"), income, incomePrior, pct, "finance.income.prior");
  sources.forEach((s, i) => {
    const name = { name: s.name };
    const labels = { change: message("figure.income.source.change", name), growth: message("figure.income.source.growth", name) };
    yearOnYear(b, s.id, labels, s.amount, s.prior, pct, `finance.income.sources[${i}].prior`);
  });

  const personnel = b.input(E.basic.personnel, "amount", message("figure.expenditure.basic.personnel"), "/finance/expenditure/basic/personnel");
  const publicFunds = b.input(E.basic.public, "amount", message("figure.expenditure.basic.public"), "/finance/expenditure/basic/public");
  const basic = b.sum(E.basic.amount, "amount", message("figure.expenditure.basic"), [personnel, publicFunds]);
  const project = b.input(E.project.amount, "amount", message("figure.expenditure.project"), "/finance/expenditure/project");
  const expenditure = b.sum(E.total, "amount", message("figure.expenditure.total"), [basic, project]);
  const expenditurePrior = b.priorInput(E.prior, message("figure.expenditure.prior"), "/finance/expenditure/prior", E.total, "/finance/expenditure");
  yearOnYear(b, E, message("figure.expenditure"), expenditure, expenditurePrior, pct, "finance.expenditure.prior");
  const basicPrior = b.priorInput(E.basic.prior, message("figure.expenditure.basic.prior"), "/finance/expenditure/basic/prior", E.basic.amount, "/finance/expenditure/basic");
  yearOnYear(b, E.basic, message("figure.expenditure.basic"), basic, basicPrior, pct, "finance.expenditure.basic.prior");
  const projectPrior = b.priorInput(E.project.prior, message("figure.expenditure.project.prior"), "/finance/expenditure/projectPrior", E.project.amount, "/finance/expenditure/project");
  yearOnYear(b, E.project, message("figure.expenditure.project"), project, projectPrior, pct, "finance.expenditure.projectPrior");
  b.percent(E.basic.share, message("figure.expenditure.basic.share"), basic, expenditure, pct, "share");
  b.percent(E.project.share, message("figure.expenditure.project.share"), project, expenditure, pct, "share");
  for (const source of sources) {
    if (source.amount) b.percent(source.id.share, message("figure.income.source.share", { name: source.name }), source.amount, income, pct, "share");
  }

  b.difference(C.total, "amount", message("figure.carryOver.total"), income, expenditure, "carry-over");
  const opening = b.input(C.opening, "amount", message("figure.carryOver.opening"), "/finance/openingCarryOver");
  if (opening) b.combine(C.closing, "amount", message("figure.carryOver.closing"), [income, opening], [expenditure], "carry-over");
  else if (income && expenditure) {
    b.absent(C.closing, "amount", message("figure.carryOver.closing"), `${I.total} + ${C.opening} − ${E.total}`, "carry-over", missingField("missing.what.opening", "finance.openingCarryOver"), [I.total, E.total]);
  }

  computeFunds(b, dataset, income, basic, project, pct);
  b.input(B.basicAdjustment, "amount", message("figure.budget.basicAdjustment"), "/finance/budget/basicAdjustment/amount");
  computeByUnit(b, dataset);
}

/** Each special fund; and, from a complete list, the project funds and what follows from them. */
function computeFunds(b: Builder, dataset: Dataset, income: Figure | undefined, basic: Figure | undefined, project: Figure | undefined, pct: number): void {
  const { income: I, expenditure: E, carryOver: C, budget: B } = ids;
  const list = fundList(dataset);
  const funds = list.items.map((fund, i) => {
    const base = list.pointer(i);
    const id = ids.fund(fund.id);
    const name = { name: fund.name };
    const allocated = b.input(id.allocated, "amount", message("figure.fund.allocated", name), `${base}/allocated`);
    const spent = b.input(id.spent, "amount", message("figure.fund.spent", name), `${base}/spent`);
    b.difference(id.balance, "amount", message("figure.fund.balance", name), allocated, spent, "fund-balance");
    b.percent(id.execution, message("figure.fund.execution", name), spent, allocated, pct, "execution-rate");
    return { allocated, spent };
  });
  if (funds.length === 0) return;
  const spentKnown = funds.map((x) => x.spent).filter((x): x is Figure => x !== undefined);
  const initial = b.input(B.projectInitial, "amount", message("figure.budget.projectInitial"), "/finance/budget/projectInitial");
  if (list.complete) {
    const projectIncome = b.sum(I.project, "amount", message("figure.income.project"), funds.map((x) => x.allocated));
    const basicIncome = b.difference(I.basic, "amount", message("figure.income.basic"), income, projectIncome);
    b.difference(C.basic, "amount", message("figure.carryOver.basic"), basicIncome, basic, "carry-over");
    b.difference(C.project, "amount", message("figure.carryOver.project"), projectIncome, project, "carry-over");
    b.percent(E.project.execution, message("figure.expenditure.project.execution"), project, projectIncome, pct, "execution-rate");
    b.difference(B.projectAdjustment, "amount", message("figure.budget.projectAdjustment"), projectIncome, initial);
  } else {
    // A partial list is not the project funds: say so instead of deriving a false total from it.
    const partial = message("missing.funds-partial");
    const allocated = funds.map((x) => x.allocated!.id);
    b.absent(I.project, "amount", message("figure.income.project"), allocated.join(" + "), "sum", partial, allocated);
    b.absent(I.basic, "amount", message("figure.income.basic"), `${I.total} − ${I.project}`, "difference", partial, [I.total, I.project]);
    b.absent(C.basic, "amount", message("figure.carryOver.basic"), `${I.basic} − ${E.basic.amount}`, "carry-over", partial, [I.basic, E.basic.amount]);
    b.absent(C.project, "amount", message("figure.carryOver.project"), `${I.project} − ${E.project.amount}`, "carry-over", partial, [I.project, E.project.amount]);
    b.absent(E.project.execution, "percent", message("figure.expenditure.project.execution"), `${E.project.amount} ÷ ${I.project} × 100%`, "execution-rate", partial, [E.project.amount, I.project]);
    b.absent(B.projectAdjustment, "amount", message("figure.budget.projectAdjustment"), `${I.project} − ${B.projectInitial}`, "difference", partial, [I.project, B.projectInitial]);
  }
  if (spentKnown.length > 0) b.sum(ids.funds.spent, "amount", message("figure.funds.spent"), spentKnown);
}

/**
 * The per-sub-unit tables: every cell a figure (so a table can print them), and each
 * column's total over the rows when every row gives that column.
 */
function computeByUnit(b: Builder, dataset: Dataset): void {
  const tables = [
    { rows: dataset.finance?.incomeByUnit, field: "incomeByUnit", T: ids.unitIncome, columns: UNIT_INCOME_COLUMNS, kind: "unitIncome" },
    { rows: dataset.finance?.expenditureByUnit, field: "expenditureByUnit", T: ids.unitExpenditure, columns: UNIT_EXPENDITURE_COLUMNS, kind: "unitExpenditure" },
  ] as const;
  for (const { rows, field, T, columns, kind } of tables) {
    if (!rows || rows.length === 0) continue;
    const totals = rows.map((row, k) => {
      const base = `/finance/${field}/${k}`;
      const id = T.row(k + 1);
      for (const c of columns) {
        b.input(id.column(c), "amount", message(`figure.${kind}.column`, { unit: row.unit, column: message(`column.${c}`) }), `${base}/${c}`);
      }
      return b.input(id.total, "amount", message(`figure.${kind}.total`, { unit: row.unit }), `${base}/total`);
    });
    b.sum(T.total, "amount", message(`figure.${kind}.sum`, { column: message("column.total") }), totals);
    for (const c of columns) {
      const cells = rows.map((_, k) => b.figures.get(T.row(k + 1).column(c)));
      if (cells.every((x) => x !== undefined)) b.sum(T.column(c), "amount", message(`figure.${kind}.sum`, { column: message(`column.${c}`) }), cells);
    }
  }
}

function missingField(what: "missing.what.prior" | "missing.what.opening", field: string): Message {
  return message("missing.field", { what: message(what), field });
}

/**
 * change = current − prior; growth = change ÷ prior. Without a prior year both still exist —
 * a report may state them — but have no value, and say which field would give one.
 */
function yearOnYear(
  b: Builder,
  group: { prior: string; change: string; growth: string },
  what: Label | { change: Label; growth: Label },
  current: Figure | undefined,
  prior: Figure | undefined,
  pct: number,
  priorField: string,
): void {
  if (!current) return;
  const labels = "key" in what ? { change: message("figure.change", { what }), growth: message("figure.growth", { what }) } : what;
  if (!prior || prior.id !== group.prior) {
    const missing = missingField("missing.what.prior", priorField);
    b.absent(group.change, "amount", labels.change, `${current.id} − ${group.prior}`, "change", missing, [current.id]);
    b.absent(group.growth, "percent", labels.growth, `${group.change} ÷ ${group.prior} × 100%`, "growth-rate", missing, [group.change]);
    return;
  }
  const change = b.difference(group.change, "amount", labels.change, current, prior, "change");
  const growth = b.percent(group.growth, labels.growth, change, prior, pct, "growth-rate");
  if (growth && growth.missing === MISSING.zero) growth.missing = MISSING.priorZero;
}
