/**
 * Every figure id of the computed model, built in one place: the computations, the checks,
 * the tables and the id validation all name figures through `ids`, never by pasting strings.
 */

/** A total compared with the prior year: `income` → income.prior, income.change, income.growth. */
function yearOnYear<G extends string>(group: G) {
  return { prior: `${group}.prior`, change: `${group}.change`, growth: `${group}.growth` } as const;
}

export const ids = {
  income: {
    total: "income.total",
    ...yearOnYear("income"),
    /** Σ special funds' allocations: the project funds of the year. */
    project: "income.project",
    basic: "income.basic",
    /** An income source: `income.<id>`, its prior year and its share of income. */
    source: (id: string) => ({ amount: `income.${id}`, prior: `income.${id}.prior`, share: `income.${id}.share` }),
  },
  expenditure: {
    total: "expenditure.total",
    ...yearOnYear("expenditure"),
    basic: {
      amount: "expenditure.basic",
      ...yearOnYear("expenditure.basic"),
      share: "expenditure.basic.share",
      personnel: "expenditure.basic.personnel",
      public: "expenditure.basic.public",
    },
    project: {
      amount: "expenditure.project",
      ...yearOnYear("expenditure.project"),
      share: "expenditure.project.share",
      execution: "expenditure.project.execution",
    },
  },
  carryOver: { total: "carryOver.total", basic: "carryOver.basic", project: "carryOver.project" },
  budget: { projectInitial: "budget.projectInitial", projectAdjustment: "budget.projectAdjustment", basicAdjustment: "budget.basicAdjustment" },
  fund: (id: string) => ({ allocated: `fund.${id}.allocated`, spent: `fund.${id}.spent`, balance: `fund.${id}.balance`, execution: `fund.${id}.execution` }),
  funds: { spent: "funds.spent" },
  staff: {
    /** The n-th (1-based) type of authorised post. */
    post: (n: number) => `staff.posts.${n}`,
    authorised: "staff.authorised",
    inPost: "staff.inPost",
    temporary: "staff.temporary",
    retirees: "staff.retirees",
  },
  org: { internalOffices: "org.internalOffices.count", affiliatedUnits: "org.affiliatedUnits.count" },
  score: {
    /** The n-th (1-based) row of the scorecard. */
    item: (n: number) => ({ weight: `score.items.${n}.weight`, score: `score.items.${n}.score` }),
    weights: "score.weights",
    total: "score.total",
    stated: "score.stated",
    grade: "score.grade",
  },
  /** An indicator's figures stand at the top level, under the id the dataset gives it. */
  indicator: (id: string) => ({ actual: id, target: `${id}.target`, completion: `${id}.completion` }),
} as const;

/** An income source's id is not `income.<name>` for these: the computation defines them. */
export const INCOME_COMPUTED = ["total", "prior", "change", "growth", "project", "basic"] as const;

/** The first part of every computed id: an indicator may not take one of them as its id. */
export const RESERVED_ROOTS = ["income", "expenditure", "carryOver", "budget", "fund", "funds", "staff", "org", "score"] as const;

/** The id of the i-th income source (0-based): its own, or `source<i+1>` when it has none. */
export function sourceId(source: { id?: string }, i: number): string {
  return source.id ?? `source${i + 1}`;
}
