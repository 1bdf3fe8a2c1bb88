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
    /** An income source: `income.<id>`, its prior year, change and growth, and its share of income. */
    source: (id: string) => ({ amount: `income.${id}`, ...yearOnYear(`income.${id}`), share: `income.${id}.share` }),
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
  carryOver: {
    /** income − expenditure: the year's own surplus (本年收支结余). */
    total: "carryOver.total",
    basic: "carryOver.basic",
    project: "carryOver.project",
    /** 年初结转结余, as the dataset gives it. */
    opening: "carryOver.opening",
    /** 年末结转结余 = income + opening − expenditure. */
    closing: "carryOver.closing",
  },
  /** The per-sub-unit income table: the k-th (1-based) row's total and columns, and each column's total. */
  unitIncome: {
    row: (k: number) => ({ total: `unitIncome.${k}.total`, column: (c: string) => `unitIncome.${k}.${c}` }),
    total: "unitIncome.total",
    column: (c: string) => `unitIncome.${c}`,
  },
  /** The per-sub-unit expenditure table, likewise. */
  unitExpenditure: {
    row: (k: number) => ({ total: `unitExpenditure.${k}.total`, column: (c: string) => `unitExpenditure.${k}.${c}` }),
    total: "unitExpenditure.total",
    column: (c: string) => `unitExpenditure.${c}`,
  },
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
    /** 离休人员. */
    retiredVeterans: "staff.retiredVeterans",
    /** 离退休人员 = 离休 + 退休 (or as stated). */
    retiredTotal: "staff.retiredTotal",
    /** 现有人员: everyone counted by unit. */
    headcount: "staff.headcount",
    /** The k-th (1-based) row of the per-unit headcount, and its m-th part. */
    unit: (k: number) => ({ count: `staff.units.${k}`, part: (m: number) => `staff.units.${k}.parts.${m}` }),
  },
  org: {
    internalOffices: "org.internalOffices.count",
    affiliatedUnits: "org.affiliatedUnits.count",
    /** An organisation list of `profile.organisation.lists`, by its id. */
    list: (id: string) => `org.${id}.count`,
  },
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
export const RESERVED_ROOTS = ["income", "expenditure", "carryOver", "budget", "fund", "funds", "staff", "org", "score", "unitIncome", "unitExpenditure"] as const;

/** An organisation list's id is not one of these: the two lists of their own already have them. */
export const ORG_FIXED = ["internalOffices", "affiliatedUnits"] as const;

/** The columns of the per-sub-unit tables (parts of a row's total), in the order the forms print them. */
export const UNIT_INCOME_COLUMNS = ["carriedForward", "appropriation", "governmentFund", "nonTax", "other"] as const;
export const UNIT_EXPENDITURE_COLUMNS = ["basic", "project"] as const;

/** The id of the i-th income source (0-based): its own, or `source<i+1>` when it has none. */
export function sourceId(source: { id?: string }, i: number): string {
  return source.id ?? `source${i + 1}`;
}

/** Every figure id that does not depend on the dataset's own ids: one the report may state even when the data cannot compute it. */
export const STATIC_IDS: ReadonlySet<string> = new Set(
  (function walk(node: unknown): string[] {
    if (typeof node === "string") return [node];
    if (node && typeof node === "object") return Object.values(node).flatMap(walk);
    return [];
  })(ids),
);
