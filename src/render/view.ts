import type { Model } from "../compute/model.js";
import { ids, sourceId } from "../compute/ids.js";
import { fundList } from "./fund-list.js";
import { reportTitle } from "./meta.js";

/** What the two standard organisation lists are called when neither the list nor report.labels says. */
const LABELS = { internalOffices: "内设科室", affiliatedUnits: "所属事业单位" };

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
  const labels = { ...LABELS, ...(d.report?.labels ?? {}) };
  const sourcesData = d.finance?.income?.sources ?? [];
  const funds = fundList(d).map((fund) => ({
    id: fund.id,
    name: fund.name,
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
    ...(org?.lists ?? []).map((list) => ({ label: list.label, list, count: `org.${list.id}.count` })),
  ]
    .filter((l) => l.list !== undefined && has(l.count))
    .map((l) => ({ label: l.label, count: l.count, items: l.list?.items && l.list.items.length > 0 ? l.list.items : null, partial: l.list?.partial === true }));
  const cover = d.report?.cover;
  return {
    unit: { name: d.unit.name, selfName: d.unit.selfName ?? "我单位", code: d.unit.code ?? null, contact: d.unit.contact ? { person: d.unit.contact.person ?? null, phone: d.unit.contact.phone ?? null } : null },
    year: String(d.year),
    title: reportTitle(d),
    cover: cover ? { region: cover.region ?? null, method: cover.method ?? null, evaluator: cover.evaluator ?? null, date: cover.date ?? null, issuer: cover.issuer ?? null } : null,
    duties: d.profile?.duties ?? [],
    documents: (d.documents ?? []).map((doc) => ({ title: doc.title, number: doc.number ?? null })),
    organisation: orgLists.length > 0 ? { asOf: org?.asOf ?? `${d.year}年末`, lists: orgLists } : null,
    staffing: staffing
      ? {
          asOf: staffing.asOf ?? `${d.year}年末`,
          posts: (staffing.authorisedPosts ?? []).map((p, i) => ({ type: p.type, id: ids.staff.post(i + 1) })),
        }
      : null,
    sources: sourcesData.map((s, i) => ({ name: s.name, id: ids.income.source(sourceId(s, i)).amount })),
    /** One income source: the featured funds can be named as part of it ("财政拨款收入…（含…）"). */
    singleSource: sourcesData.length === 1,
    /** All income is appropriation: basic spending is "财政拨款基本支出". */
    appropriationOnly: sourcesData.length === 1 && sourcesData[0]!.name.startsWith("财政拨款"),
    funds,
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
    achievements: (d.achievements ?? []).map((a) => ({ title: a.title, text: a.text ?? null })),
    evaluation: d.evaluation
      ? { summary: d.evaluation.summary ?? null, closing: d.evaluation.closing ?? null, scorecard: (d.evaluation.scorecard ?? []).length > 0 }
      : null,
  };
}

export type View = ReturnType<typeof buildView>;
