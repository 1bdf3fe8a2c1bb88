import type { Model } from "../compute/model.js";
import { reportTitle } from "./meta.js";

/**
 * What a template sees: the dataset's text, with every optional field present (null when
 * absent) so that strict templates can test it, and figure ids to hand to the helpers.
 * No numbers: figures are printed only through helpers.
 */
export function buildView(model: Model) {
  const d = model.dataset;
  const org = d.profile.organisation;
  const staffing = d.profile.staffing;
  const n = d.narrative ?? {};
  const funds = (d.finance.specialFunds ?? []).map((fund) => ({
    id: fund.id,
    name: fund.name,
    sourceName: fund.sourceName ?? fund.name,
    budgetName: fund.budgetName ?? fund.name,
    featured: fund.featured === true,
    description: fund.description ?? null,
    allocated: `fund.${fund.id}.allocated`,
    spent: fund.spent !== undefined ? `fund.${fund.id}.spent` : null,
    balance: fund.spent !== undefined ? `fund.${fund.id}.balance` : null,
    execution: fund.spent !== undefined ? `fund.${fund.id}.execution` : null,
  }));
  return {
    unit: { name: d.unit.name, selfName: d.unit.selfName ?? "我单位", code: d.unit.code ?? null },
    year: String(d.year),
    title: reportTitle(d),
    duties: d.profile.duties,
    organisation: org
      ? {
          asOf: org.asOf ?? `${d.year}年末`,
          offices: org.internalOffices?.items ?? null,
          affiliated: org.affiliatedUnits?.items ?? null,
        }
      : null,
    staffing: staffing
      ? {
          asOf: staffing.asOf ?? `${d.year}年末`,
          posts: (staffing.authorisedPosts ?? []).map((p, i) => ({ type: p.type, id: `staff.posts.${i + 1}` })),
        }
      : null,
    sources: d.finance.income.sources.map((s, i) => ({ name: s.name, id: `income.${s.id ?? `source${i + 1}`}` })),
    /** One income source: the featured funds can be named as part of it ("财政拨款收入…（含…）"). */
    singleSource: d.finance.income.sources.length === 1,
    /** All income is appropriation: basic spending is "财政拨款基本支出". */
    appropriationOnly: d.finance.income.sources.length === 1 && d.finance.income.sources[0]!.name.startsWith("财政拨款"),
    funds,
    featuredFunds: funds.filter((f) => f.featured),
    featuredSpent: funds.filter((f) => f.featured && f.spent !== null),
    basicAdjustment: d.finance.budget?.basicAdjustment ? { purpose: d.finance.budget.basicAdjustment.purpose ?? null } : null,
    narrative: {
      spendingDirections: n.spendingDirections ?? null,
      basicSpendingPurpose: n.basicSpendingPurpose ?? null,
      projectSpendingPurpose: n.projectSpendingPurpose ?? null,
      fundManagement: n.fundManagement ?? [],
      organisation: n.organisation ?? [],
      management: n.management ?? [],
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
