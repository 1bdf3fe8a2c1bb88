import { ids, sourceId, UNIT_EXPENDITURE_COLUMNS, UNIT_INCOME_COLUMNS } from "../compute/ids.js";
import type { Model } from "../compute/model.js";
import { fundList } from "../model/funds.js";
import { ORG_LABELS } from "./labels.js";
import { reportTitle } from "./meta.js";


/**
 * What a template sees: the dataset's text, with every optional field present (null, or an
 * empty list, when absent) so that strict templates can test it, and figure ids to hand to the
 * helpers. No numbers: figures are printed only through helpers, and a figure the data does not
 * give prints nothing and takes its sentence with it ({{#clause}}).
 */
export function buildView(model: Model) {
  const d = model.dataset;
  const org = d.profile?.organisation;
  const staffing = d.profile?.staffing;
  const n = d.narrative ?? {};
  const has = (id: string) => (model.figures.get(id)?.value ?? null) !== null;
  const labels = { ...ORG_LABELS, ...(d.report?.labels ?? {}) };
  const sourcesData = d.finance?.income?.sources ?? [];
  const fundsList = fundList(d);
  const funds = fundsList.items.map((fund) => ({
    id: fund.id,
    name: fund.name,
    code: fund.code ?? null,
    sourceName: fund.sourceName ?? fund.name,
    budgetName: fund.budgetName ?? fund.name,
    featured: fund.featured === true,
    description: fund.description ?? null,
    allocated: ids.fund(fund.id).allocated,
    spent: fund.spent !== undefined ? ids.fund(fund.id).spent : null,
    balance: fund.spent !== undefined ? ids.fund(fund.id).balance : null,
    execution: fund.spent !== undefined ? ids.fund(fund.id).execution : null,
  }));
  const orgLists = [
    { label: org?.internalOffices?.label ?? labels.internalOffices, list: org?.internalOffices, count: ids.org.internalOffices },
    { label: org?.affiliatedUnits?.label ?? labels.affiliatedUnits, list: org?.affiliatedUnits, count: ids.org.affiliatedUnits },
    ...(org?.lists ?? []).map((list) => ({ label: list.label, list, count: ids.org.list(list.id) })),
  ]
    .filter((l) => l.list !== undefined && has(l.count))
    .map((l) => ({ label: l.label, count: l.count, items: l.list?.items && l.list.items.length > 0 ? l.list.items : null, partial: l.list?.partial === true }));
  const cover = d.report?.cover;
  return {
    unit: {
      name: d.unit.name,
      selfName: d.unit.selfName ?? "我单位",
      code: d.unit.code ?? null,
      department: d.unit.department ?? null,
      contact: d.unit.contact ? { person: d.unit.contact.person ?? null, phone: d.unit.contact.phone ?? null } : null,
    },
    year: String(d.year),
    title: reportTitle(d),
    /** The report family the dataset names (report.template); --template may still choose another. */
    family: d.report?.template ?? null,
    /** The labels that vary by region and year, as the dataset gives them (report.labels). */
    labels: { personnel: d.report?.labels?.personnel ?? null, public: d.report?.labels?.public ?? null, internalOffices: labels.internalOffices, affiliatedUnits: labels.affiliatedUnits },
    cover: cover ? { region: cover.region ?? null, method: cover.method ?? null, evaluator: cover.evaluator ?? null, date: cover.date ?? null, issuer: cover.issuer ?? null } : null,
    duties: d.profile?.duties ?? [],
    /** Documents the report cites, with their numbers (文号). */
    documents: (d.documents ?? []).map((doc) => ({ title: doc.title, number: doc.number ?? null })),
    /** Every organisation list the data gives, with the report's own name for it; a partial one (…等) prints the count it states. */
    organisation: orgLists.length > 0 ? { asOf: org?.asOf ?? `${d.year}年末`, lists: orgLists } : null,
    staffing: staffing
      ? {
          asOf: staffing.asOf ?? `${d.year}年末`,
          posts: (staffing.authorisedPosts ?? []).map((p, i) => ({ type: p.type, id: ids.staff.post(i + 1) })),
          units: (staffing.byUnit ?? []).map((row, k) => ({
            unit: row.unit,
            count: ids.staff.unit(k + 1).count,
            parts: (row.parts ?? []).map((part, m) => ({ type: part.type, count: ids.staff.unit(k + 1).part(m + 1) })),
          })),
        }
      : null,
    sources: sourcesData.map((s, i) => ({ name: s.name, id: ids.income.source(sourceId(s, i)).amount })),
    /** One income source: the featured funds can be named as part of it ("财政拨款收入…（含…）"). */
    singleSource: sourcesData.length === 1,
    /** All income is appropriation: basic spending is "财政拨款基本支出". */
    appropriationOnly: sourcesData.length === 1 && sourcesData[0]!.name.startsWith("财政拨款"),
    funds,
    /** false: the fund list is only part of the project spending. */
    fundsComplete: fundsList.complete,
    /** The per-sub-unit tables: each row's unit and the figure ids of its cells (null where the row gives none). */
    incomeByUnit: (d.finance?.incomeByUnit ?? []).map((row, k) => byUnitRow(model, row.unit, ids.unitIncome.row(k + 1), UNIT_INCOME_COLUMNS)),
    expenditureByUnit: (d.finance?.expenditureByUnit ?? []).map((row, k) => byUnitRow(model, row.unit, ids.unitExpenditure.row(k + 1), UNIT_EXPENDITURE_COLUMNS)),
    featuredFunds: funds.filter((f) => f.featured),
    featuredSpent: funds.filter((f) => f.featured && f.spent !== null),
    basicAdjustment: d.finance?.budget?.basicAdjustment ? { purpose: d.finance.budget.basicAdjustment.purpose ?? null } : null,
    narrative: {
      spendingDirections: n.spendingDirections ?? null,
      basicSpendingPurpose: n.basicSpendingPurpose ?? null,
      projectSpendingPurpose: n.projectSpendingPurpose ?? null,
      fundManagement: n.fundManagement ?? [],
      organisation: n.organisation ?? [],
      management: n.management ?? [],
      goals: n.goals ?? [],
      tasks: n.tasks ?? [],
      overall: n.overall ?? [],
      problems: (n.problems ?? []).map((p) => ({ title: p.title, text: p.text ?? null })),
      measures: (n.measures ?? []).map((p) => ({ title: p.title, text: p.text ?? null })),
    },
    achievements: (d.achievements ?? []).map((a) => ({
      title: a.title,
      text: a.text ?? null,
      indicators: (a.indicators ?? []).map((x) => ({ id: x.id, name: x.name, unit: x.unit ?? null, period: x.period ?? null })),
    })),
    evaluation: d.evaluation
      ? {
          summary: d.evaluation.summary ?? null,
          closing: d.evaluation.closing ?? null,
          scorecard: (d.evaluation.scorecard ?? []).length > 0,
          /** Each scorecard row's reason for a deviation (偏差原因), for a table that prints it. */
          notes: (d.evaluation.scorecard ?? []).map((row) => row.note ?? null),
        }
      : null,
  };
}

export type View = ReturnType<typeof buildView>;

function byUnitRow(model: Model, unit: string, row: { total: string; column: (c: string) => string }, columns: readonly string[]) {
  const cell = (id: string) => (model.figures.has(id) ? id : null);
  return { unit, total: row.total, ...Object.fromEntries(columns.map((c) => [c, cell(row.column(c))])) };
}
