import type { Dataset } from "../model/dataset.js";
import { MISSING, label as l, type Builder } from "./build.js";
import type { Figure } from "./figure.js";
import type { Settings } from "./settings.js";

/** Income, expenditure, carry-over, budget adjustments and special funds. */
export function computeFinance(b: Builder, dataset: Dataset, settings: Settings): void {
  const f = dataset.finance;
  const pct = settings.percentDecimals;

  const sources = f.income.sources.map((source, i) => {
    const id = `income.${source.id ?? `source${i + 1}`}`;
    const base = `/finance/income/sources/${i}`;
    b.input(`${id}.prior`, "amount", l(`上年${source.name}`, `prior ${source.name}`), `${base}/prior`);
    return b.input(id, "amount", l(source.name, source.name), `${base}/amount`);
  });
  const income = b.sum("income.total", "amount", l("收入合计", "total income"), sources);
  const sourcePriors = f.income.sources.map((source, i) => b.figures.get(`income.${source.id ?? `source${i + 1}`}.prior`));
  const incomePrior =
    b.priorInput("income.prior", l("上年收入合计", "prior-year income"), "/finance/income/prior", "income.total", "/finance/income") ??
    b.sum("income.prior", "amount", l("上年收入合计", "prior-year income"), sourcePriors);
  yearOnYear(b, "income", l("收入", "income"), income, incomePrior, pct);

  const personnel = b.input("expenditure.basic.personnel", "amount", l("人员经费", "personnel expenditure"), "/finance/expenditure/basic/personnel");
  const publicFunds = b.input("expenditure.basic.public", "amount", l("公用经费", "public (operating) expenditure"), "/finance/expenditure/basic/public");
  const basic = b.sum("expenditure.basic", "amount", l("基本支出", "basic expenditure"), [personnel, publicFunds]);
  const project = b.input("expenditure.project", "amount", l("项目支出", "project expenditure"), "/finance/expenditure/project");
  const expenditure = b.sum("expenditure.total", "amount", l("支出合计", "total expenditure"), [basic, project]);
  const expenditurePrior = b.priorInput("expenditure.prior", l("上年支出合计", "prior-year expenditure"), "/finance/expenditure/prior", "expenditure.total", "/finance/expenditure");
  yearOnYear(b, "expenditure", l("支出", "expenditure"), expenditure, expenditurePrior, pct);
  const basicPrior = b.priorInput("expenditure.basic.prior", l("上年基本支出", "prior-year basic expenditure"), "/finance/expenditure/basic/prior", "expenditure.basic", "/finance/expenditure/basic");
  yearOnYear(b, "expenditure.basic", l("基本支出", "basic expenditure"), basic, basicPrior, pct);
  const projectPrior = b.priorInput("expenditure.project.prior", l("上年项目支出", "prior-year project expenditure"), "/finance/expenditure/projectPrior", "expenditure.project", "/finance/expenditure/project");
  yearOnYear(b, "expenditure.project", l("项目支出", "project expenditure"), project, projectPrior, pct);
  b.percent("expenditure.basic.share", l("基本支出占总支出比例", "basic share of expenditure"), basic, expenditure, pct);
  b.percent("expenditure.project.share", l("项目支出占总支出比例", "project share of expenditure"), project, expenditure, pct);
  for (const [i, source] of sources.entries()) {
    if (source) b.percent(`${source.id}.share`, l(`${f.income.sources[i]!.name}占收入比例`, `${f.income.sources[i]!.name} share of income`), source, income, pct);
  }

  b.difference("carryOver.total", "amount", l("结转结余", "carry-over"), income, expenditure);

  const funds = (f.specialFunds ?? []).map((fund, i) => {
    const base = `/finance/specialFunds/${i}`;
    const id = `fund.${fund.id}`;
    const allocated = b.input(`${id}.allocated`, "amount", l(`${fund.name}下达金额`, `${fund.name}: allocated`), `${base}/allocated`);
    const spent = b.input(`${id}.spent`, "amount", l(`${fund.name}支出`, `${fund.name}: spent`), `${base}/spent`);
    b.difference(`${id}.balance`, "amount", l(`${fund.name}结余`, `${fund.name}: balance`), allocated, spent);
    b.percent(`${id}.execution`, l(`${fund.name}执行率`, `${fund.name}: execution rate`), spent, allocated, pct);
    return { allocated, spent };
  });
  if (funds.length > 0) {
    const projectIncome = b.sum("income.project", "amount", l("项目资金总投入", "project funds (Σ special funds)"), funds.map((x) => x.allocated));
    const basicIncome = b.difference("income.basic", "amount", l("基本支出资金", "basic funds"), income, projectIncome);
    b.difference("carryOver.basic", "amount", l("基本支出结转结余", "basic carry-over"), basicIncome, basic);
    b.difference("carryOver.project", "amount", l("项目资金结转结余", "project carry-over"), projectIncome, project);
    b.percent("expenditure.project.execution", l("项目资金执行率", "project execution rate"), project, projectIncome, pct);
    const initial = b.input("budget.projectInitial", "amount", l("年初项目预算", "initial project budget"), "/finance/budget/projectInitial");
    b.difference("budget.projectAdjustment", "amount", l("年中调整预算（项目）", "in-year project budget adjustment"), projectIncome, initial);
    const spentKnown = funds.map((x) => x.spent).filter((x): x is Figure => x !== undefined);
    if (spentKnown.length > 0) b.sum("funds.spent", "amount", l("专项资金列示支出合计", "Σ listed special-fund spending"), spentKnown);
  }
  b.input("budget.basicAdjustment", "amount", l("基本支出调整预算", "basic budget adjustment"), "/finance/budget/basicAdjustment/amount");
}

/** change = current − prior; growth = change ÷ prior. Absent without a prior year. */
function yearOnYear(b: Builder, id: string, what: { zh: string; en: string }, current: Figure | undefined, prior: Figure | undefined, pct: number): void {
  if (!current || !prior) return;
  if (prior.id !== `${id}.prior`) return;
  const change = b.difference(`${id}.change`, "amount", l(`${what.zh}增减额`, `${what.en}: change on prior year`), current, prior);
  const growth = b.percent(`${id}.growth`, l(`${what.zh}增长率`, `${what.en}: growth rate`), change, prior, pct);
  if (growth && growth.missing === MISSING.zero) growth.missing = { zh: "上年为零，增长率无意义", en: "the prior year is zero; growth is undefined" };
}
