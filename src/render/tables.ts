import type { Figure } from "../compute/figure.js";
import { ids, sourceId } from "../compute/ids.js";
import type { Model } from "../compute/model.js";
import { fundList } from "../model/funds.js";
import type { Cell, Column, Table } from "./blocks.js";
import { formatFigure } from "./format.js";

/** Tables use one precision throughout (two decimals for money), whatever prose does. */
const TABLE_DP = 2;

/** Columns with relative widths; each writer turns them into lengths on its own page. */
function columns(specs: [string, number, Column["align"]][]): Column[] {
  return specs.map(([header, weight, align]) => ({ header, weight, align }));
}

function cellOf(model: Model, figure: Figure | undefined, options: { abs?: boolean } = {}): Cell {
  if (!figure || figure.value === null) return { text: "—", align: "right" };
  const dp = figure.kind === "amount" ? TABLE_DP : figure.kind === "percent" ? model.settings.percentDecimals : undefined;
  return { text: formatFigure(figure, model.settings, { dp, bare: true, ...options }), align: "right" };
}

const text = (t: string, extra: Partial<Cell> = {}): Cell => ({ text: t, align: "left", ...extra });

/** 收入支出情况表: this year against the prior year, with change and growth. */
function financeTable(model: Model): Table {
  const f = (id: string) => model.figures.get(id);
  const { income: I, expenditure: E } = ids;
  // A total's row shows its prior year, change and growth; other rows show only this year.
  const none = { prior: "", change: "", growth: "" };
  const row = (name: string, id: string, yoy: { prior: string; change: string; growth: string }, indent = false): Cell[] => [
    text(indent ? `　　${name}` : name),
    cellOf(model, f(id)),
    cellOf(model, f(yoy.prior)),
    cellOf(model, f(yoy.change)),
    cellOf(model, f(yoy.growth)),
  ];
  const sources = (model.dataset.finance?.income?.sources ?? []).map((s, i) => {
    const id = I.source(sourceId(s, i));
    return row(s.name, id.amount, { ...none, prior: id.prior }, true);
  });
  const rows = [
    row("收入合计", I.total, I),
    ...sources,
    row("支出合计", E.total, E),
    row("基本支出", E.basic.amount, E.basic, true),
    row("其中：人员经费", E.basic.personnel, none, true),
    row("　　　公用经费", E.basic.public, none, true),
    row("项目支出", E.project.amount, E.project, true),
    row("结转结余", ids.carryOver.total, none),
  ];
  return {
    id: "finance",
    caption: `${model.dataset.year}年度收入支出情况表`,
    unit: `单位：${model.settings.displayUnit}`,
    columns: columns([["项目", 3, "left"], ["本年数", 2, "right"], ["上年数", 2, "right"], ["增减额", 2, "right"], ["增减率（%）", 2, "right"]]),
    rows,
  };
}

/** 专项资金使用情况表: allocation, spending, balance and execution rate per fund. */
function fundsTable(model: Model): Table | null {
  const funds = fundList(model.dataset).items;
  if (funds.length === 0) return null;
  const f = (id: string) => model.figures.get(id);
  const rows: Cell[][] = funds.map((fund, i) => [
    { text: String(i + 1), align: "center" },
    text(fund.name),
    cellOf(model, f(ids.fund(fund.id).allocated)),
    cellOf(model, f(ids.fund(fund.id).spent)),
    cellOf(model, f(ids.fund(fund.id).balance)),
    cellOf(model, f(ids.fund(fund.id).execution)),
  ]);
  rows.push([
    { text: "合计", colSpan: 2, align: "center", bold: true },
    cellOf(model, f(ids.income.project)),
    cellOf(model, f(ids.expenditure.project.amount)),
    cellOf(model, f(ids.carryOver.project)),
    cellOf(model, f(ids.expenditure.project.execution)),
  ]);
  return {
    id: "funds",
    caption: `${model.dataset.year}年度专项资金使用情况表`,
    unit: `单位：${model.settings.displayUnit}`,
    columns: columns([["序号", 1, "center"], ["专项名称", 5, "left"], ["下达金额", 2, "right"], ["实际支出", 2, "right"], ["结余", 2, "right"], ["执行率（%）", 2, "right"]]),
    rows,
  };
}

/** 部门整体支出绩效自评表: 一级/二级/三级 with merged cells for groups, total score and grade. */
function scorecardTable(model: Model): Table | null {
  const card = model.dataset.evaluation?.scorecard ?? [];
  if (card.length === 0) return null;
  const f = (id: string) => model.figures.get(id);
  // How many rows from i on share the same value (for a rowSpan), given the key of a row.
  const runLength = (i: number, key: (k: number) => string) => {
    let n = 1;
    while (i + n < card.length && key(i + n) === key(i)) n++;
    return n;
  };
  const key1 = (k: number) => card[k]!.level1;
  const key2 = (k: number) => `${card[k]!.level1}\u0000${card[k]!.level2}`;
  const rows: Cell[][] = card.map((item, i) => {
    const cells: Cell[] = [];
    if (i === 0 || key1(i) !== key1(i - 1)) cells.push({ text: item.level1, rowSpan: runLength(i, key1), align: "center" });
    if (i === 0 || key2(i) !== key2(i - 1)) cells.push({ text: item.level2, rowSpan: runLength(i, key2), align: "center" });
    cells.push(text(item.level3), { text: item.target ?? "", align: "center" }, { text: item.actual ?? "", align: "center" });
    cells.push(cellOf(model, f(ids.score.item(i + 1).weight)), cellOf(model, f(ids.score.item(i + 1).score)));
    return cells;
  });
  rows.push([{ text: "合计", colSpan: 5, align: "center", bold: true }, cellOf(model, f(ids.score.weights)), cellOf(model, f(ids.score.total))]);
  rows.push([{ text: "自评等级", colSpan: 5, align: "center", bold: true }, { text: f(ids.score.grade)?.text ?? "", colSpan: 2, align: "center", bold: true }]);
  return {
    id: "scorecard",
    caption: `${model.dataset.year}年度部门整体支出绩效自评表`,
    unit: "单位：分",
    columns: columns([["一级指标", 2, "center"], ["二级指标", 2, "center"], ["三级指标", 3, "left"], ["指标值", 2, "center"], ["实际完成值", 2, "center"], ["分值", 1, "right"], ["得分", 1, "right"]]),
    rows,
  };
}

const TABLES: Record<string, (model: Model) => Table | null> = {
  finance: financeTable,
  funds: fundsTable,
  scorecard: scorecardTable,
};

export const TABLE_NAMES = Object.keys(TABLES);

/** A named table of the model; null when it has nothing to show; undefined for an unknown name. */
export function buildTable(model: Model, name: string): Table | null | undefined {
  const build = Object.hasOwn(TABLES, name) ? TABLES[name] : undefined;
  return build ? build(model) : undefined;
}
