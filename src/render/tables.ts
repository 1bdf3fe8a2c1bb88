import type { Figure } from "../compute/figure.js";
import { ids, sourceId, UNIT_EXPENDITURE_COLUMNS, UNIT_INCOME_COLUMNS } from "../compute/ids.js";
import type { Model } from "../compute/model.js";
import { fundList } from "../model/funds.js";
import type { Cell, Column, Table } from "./blocks.js";
import { formatFigure } from "./format.js";
import { renderProse } from "./helpers.js";
import { tableLabels, type Labels, type TableLabel } from "./labels.js";

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

/**
 * With an opening balance: 年初 and 年末结转结余. Without one, the year's own difference only when
 * it is not negative: spending above income is a `check` warning, not a line to print as normal.
 */
function carryOverRows(model: Model, L: Labels, row: (name: string, id: string) => Cell[]): Cell[][] {
  const value = (id: string) => model.figures.get(id)?.value ?? null;
  if (value(ids.carryOver.opening) !== null) return [row(L.openingCarryOver, ids.carryOver.opening), row(L.closingCarryOver, ids.carryOver.closing)];
  return value(ids.carryOver.total)?.isNeg() === true ? [] : [row(L.carryOver, ids.carryOver.total)];
}

/** 收入支出情况表: this year against the prior year, with change and growth. */
function financeTable(model: Model): Table | null {
  const L = tableLabels(model);
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
  const all = [
    row(L.incomeTotal, I.total, I),
    ...sources,
    row(L.expenditureTotal, E.total, E),
    row(L.basicExpenditure, E.basic.amount, E.basic, true),
    row(L.personnelOfBasic, E.basic.personnel, none, true),
    // Under 其中：, aligned with the word after it.
    row(`　　　${L.publicOfBasic}`, E.basic.public, none, true),
    row(L.projectExpenditure, E.project.amount, E.project, true),
    ...carryOverRows(model, L, (name, id) => row(name, id, none)),
  ];
  // A line the data says nothing of this year is left out, not printed as a row of dashes.
  const rows = all.filter((r) => r[1]!.text !== "—");
  if (rows.length === 0) return null;
  return {
    id: "finance",
    caption: `${model.dataset.year}${L.financeCaption}`,
    unit: `${L.unitLabel}${model.settings.displayUnit}`,
    columns: columns([[L.item, 3, "left"], [L.currentYear, 2, "right"], [L.priorYear, 2, "right"], [L.change, 2, "right"], [L.growthPercent, 2, "right"]]),
    rows,
  };
}

/** 专项资金使用情况表: allocation, spending, balance and execution rate per fund. */
function fundsTable(model: Model): Table | null {
  const funds = fundList(model.dataset).items;
  if (funds.length === 0) return null;
  const L = tableLabels(model);
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
    { text: L.total, colSpan: 2, align: "center", bold: true },
    cellOf(model, f(ids.income.project)),
    cellOf(model, f(ids.expenditure.project.amount)),
    cellOf(model, f(ids.carryOver.project)),
    cellOf(model, f(ids.expenditure.project.execution)),
  ]);
  return {
    id: "funds",
    caption: `${model.dataset.year}${L.fundsCaption}`,
    unit: `${L.unitLabel}${model.settings.displayUnit}`,
    columns: columns([[L.serial, 1, "center"], [L.fundName, 5, "left"], [L.allocated, 2, "right"], [L.spent, 2, "right"], [L.balance, 2, "right"], [L.executionPercent, 2, "right"]]),
    rows,
  };
}

/** 部门整体支出绩效自评表: 一级/二级/三级 with merged cells for groups, total score and grade. */
function scorecardTable(model: Model): Table | null {
  const card = model.dataset.evaluation?.scorecard ?? [];
  if (card.length === 0) return null;
  const L = tableLabels(model);
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
  rows.push([{ text: L.total, colSpan: 5, align: "center", bold: true }, cellOf(model, f(ids.score.weights)), cellOf(model, f(ids.score.total))]);
  rows.push([{ text: L.grade, colSpan: 5, align: "center", bold: true }, { text: f(ids.score.grade)?.text ?? "", colSpan: 2, align: "center", bold: true }]);
  return {
    id: "scorecard",
    caption: `${model.dataset.year}${L.scorecardCaption}`,
    unit: `${L.unitLabel}${L.scoreUnit}`,
    columns: columns([[L.level1, 2, "center"], [L.level2, 2, "center"], [L.level3, 3, "left"], [L.target, 2, "center"], [L.actual, 2, "center"], [L.weight, 1, "right"], [L.score, 1, "right"]]),
    rows,
  };
}

/**
 * 各单位收入（支出）情况表: a row per sub-unit and a 合计 row, with a column only for what the
 * rows give (a column no row gives is left out; a cell one row leaves out prints —).
 */
function byUnitTable(kind: "income" | "expenditure") {
  const spec: { rows: (m: Model) => readonly { unit: string }[] | undefined; T: typeof ids.unitIncome | typeof ids.unitExpenditure; columns: readonly TableLabel[]; total: TableLabel; caption: TableLabel } =
    kind === "income"
      ? { rows: (m: Model) => m.dataset.finance?.incomeByUnit, T: ids.unitIncome, columns: UNIT_INCOME_COLUMNS, total: "unitIncomeTotal", caption: "incomeByUnitCaption" }
      : { rows: (m: Model) => m.dataset.finance?.expenditureByUnit, T: ids.unitExpenditure, columns: UNIT_EXPENDITURE_COLUMNS, total: "unitExpenditureTotal", caption: "expenditureByUnitCaption" };
  return (model: Model): Table | null => {
    const units = spec.rows(model) ?? [];
    if (units.length === 0) return null;
    const L = tableLabels(model);
    const f = (id: string) => model.figures.get(id);
    const given = spec.columns.filter((c) => units.some((_, k) => model.figures.has(spec.T.row(k + 1).column(c))));
    const rows: Cell[][] = units.map((row, k) => [text(row.unit), cellOf(model, f(spec.T.row(k + 1).total)), ...given.map((c) => cellOf(model, f(spec.T.row(k + 1).column(c))))]);
    rows.push([{ text: L.total, align: "center", bold: true }, cellOf(model, f(spec.T.total)), ...given.map((c) => cellOf(model, f(spec.T.column(c))))]);
    return {
      id: `${kind}ByUnit`,
      caption: `${model.dataset.year}${L[spec.caption]}`,
      unit: `${L.unitLabel}${model.settings.displayUnit}`,
      columns: columns([[L.unitName, 3, "left"], [L[spec.total], 2, "right"], ...given.map((c): [string, number, Column["align"]] => [L[c], 2, "right"])]),
      rows,
    };
  };
}

/** Numbered lines in one cell, as the printed form has them: "1.…" "2.…" (one item: no number). */
const numbered = (items: readonly string[], model: Model) => items.map((t, i) => `${items.length > 1 ? `${i + 1}.` : ""}${renderProse(t, model)}`).join("\n");

/**
 * 一、部门（单位）基本概况 of the table-form report: label and value cells, bordered, the long
 * texts in cells spanning the row. A row whose values the data does not give is left out.
 */
function profileForm(model: Model): Table | null {
  const d = model.dataset;
  const shown = (id: string): string | undefined => {
    const f = model.figures.get(id);
    return f && f.value !== null ? formatFigure(f, model.settings, { bare: true }) : undefined;
  };
  const pair = (a: [string, string | undefined], b: [string, string | undefined]): Cell[] | undefined =>
    a[1] === undefined && b[1] === undefined ? undefined : [text(a[0], { align: "center" }), text(a[1] ?? ""), text(b[0], { align: "center" }), text(b[1] ?? "")];
  const wide = (label: string, items: readonly string[] | undefined): Cell[] | undefined =>
    items && items.length > 0 ? [text(label, { align: "center" }), text(numbered(items, model), { colSpan: 3 })] : undefined;
  const n = d.narrative ?? {};
  const L = tableLabels(model);
  const rows = [
    pair([L.contactPerson, d.unit.contact?.person], [L.contactPhone, d.unit.contact?.phone]),
    pair([L.authorisedPosts, shown(ids.staff.authorised)], [L.staffInPost, shown(ids.staff.inPost)]),
    wide(L.duties, d.profile?.duties),
    wide(L.tasks, n.tasks),
    wide(L.overall, n.overall),
  ].filter((r): r is Cell[] => r !== undefined);
  if (rows.length === 0) return null;
  return { id: "profile", caption: "", form: true, columns: columns([["", 2, "center"], ["", 3, "left"], ["", 2, "center"], ["", 3, "left"]]), rows };
}

const TABLES: Record<string, (model: Model) => Table | null> = {
  profile: profileForm,
  finance: financeTable,
  funds: fundsTable,
  scorecard: scorecardTable,
  incomeByUnit: byUnitTable("income"),
  expenditureByUnit: byUnitTable("expenditure"),
};

export const TABLE_NAMES = Object.keys(TABLES);

/** A named table of the model; null when it has nothing to show; undefined for an unknown name. */
export function buildTable(model: Model, name: string): Table | null | undefined {
  const build = Object.hasOwn(TABLES, name) ? TABLES[name] : undefined;
  return build ? build(model) : undefined;
}
