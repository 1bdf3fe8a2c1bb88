/**
 * The finance identities, one rule at a time: sum, difference, change, growth-rate, share,
 * carry-over, fund-balance, execution-rate, fund-spending. The passing fixture
 * (fixtures/check/finance-pass.yaml) states one figure of every kind; each failing case is
 * that fixture with a single stated figure moved by one unit of its last digit.
 */
import { describe, expect, it } from "vitest";
import { render } from "../../src/i18n/messages.js";
import { eq, percent, q, roundQ, show, sub, sum, writtenDecimals, type Q } from "../helpers/exact.js";
import { brief, checkFixture, checkText, fixtureText, HEAD, where, withCode } from "../helpers/reconcile.js";

const PASS = "finance-pass.yaml";
const FILE = `fixtures/check/${PASS}`;
const TEXT = fixtureText(PASS);

/** The pass fixture with `id: from` under `stated:` replaced by `id: to` (exactly one occurrence). */
function mutate(id: string, from: string, to: string): string {
  const old = `\n  ${id}: ${from} `;
  expect(TEXT.split(old).length - 1, `${id}: ${from}`).toBe(1);
  return TEXT.replace(old, `\n  ${id}: ${to} `);
}

// The fixture's figures by hand.
const INCOME = sum([q("1000.50"), q("99.5")]); // 1100.00
const INCOME_PRIOR = sum([q("800"), q("50")]); // 850
const BASIC = sum([q("400.25"), q("99.75")]); // 500.00
const EXPENDITURE = sum([BASIC, q("300")]); // 800
const PROJECT_FUNDS = sum([q("350"), q("150.4")]); // 500.4
const HAND: Record<string, Q> = {
  "income.total": INCOME,
  "income.prior": INCOME_PRIOR,
  "income.change": sub(INCOME, INCOME_PRIOR),
  "income.growth": percent(sub(INCOME, INCOME_PRIOR), INCOME_PRIOR),
  "income.appropriation.share": percent(q("1000.50"), INCOME),
  "income.other.share": percent(q("99.5"), INCOME),
  "expenditure.basic": BASIC,
  "expenditure.total": EXPENDITURE,
  "expenditure.change": sub(EXPENDITURE, q("700")),
  "expenditure.growth": percent(sub(EXPENDITURE, q("700")), q("700")),
  "expenditure.basic.change": sub(BASIC, q("450")),
  "expenditure.basic.growth": percent(sub(BASIC, q("450")), q("450")),
  "expenditure.project.change": sub(q("300"), q("250")),
  "expenditure.project.growth": percent(sub(q("300"), q("250")), q("250")),
  "expenditure.basic.share": percent(BASIC, EXPENDITURE),
  "expenditure.project.share": percent(q("300"), EXPENDITURE),
  "carryOver.total": sub(INCOME, EXPENDITURE),
  "income.project": PROJECT_FUNDS,
  "income.basic": sub(INCOME, PROJECT_FUNDS),
  "carryOver.basic": sub(sub(INCOME, PROJECT_FUNDS), BASIC),
  "carryOver.project": sub(PROJECT_FUNDS, q("300")),
  "budget.projectAdjustment": sub(PROJECT_FUNDS, q("100")),
  "fund.alpha.balance": sub(q("350"), q("200")),
  "fund.beta.balance": sub(q("150.4"), q("100")),
  "fund.alpha.execution": percent(q("200"), q("350")),
  "fund.beta.execution": percent(q("100"), q("150.4")),
  "expenditure.project.execution": percent(q("300"), PROJECT_FUNDS),
  "funds.spent": sum([q("200"), q("100")]),
  "staff.authorised": sum([q("10"), q("5")]),
  "org.internalOffices.count": q("3"),
  "org.affiliatedUnits.count": q("1"),
};

describe("the passing finance fixture", () => {
  const result = checkFixture(PASS);

  it("has no findings", () => {
    expect(result.findings).toEqual([]);
    // 31 stated figures; the 2 listed counts; Σ fund spending; 2 funds within their allocation; income against expenditure.
    expect(result.checks).toBe(31 + 2 + 1 + 2 + 1);
  });

  it("states each figure as the hand computation rounds it half-up at the written precision", () => {
    const stated = result.model.dataset.stated as Record<string, number>;
    expect(Object.keys(stated).sort()).toEqual(Object.keys(HAND).sort());
    for (const line of TEXT.split("\n").filter((l) => /^ {2}[\w.]+: [\d.]+ ?/.test(l) && TEXT.indexOf(l) > TEXT.indexOf("stated:"))) {
      const [, id, text] = /^ {2}([\w.]+): ([\d.]+)/.exec(line)!;
      expect(roundQ(HAND[id!]!, writtenDecimals(text!), "half-up"), id).toBe(text);
    }
  });

  it("computes the same exact values as the hand", () => {
    for (const [id, exact] of Object.entries(HAND)) {
      const figure = result.model.figures.get(id)!;
      const value = figure.ratio ? percent(q(figure.ratio.num.toString()), q(figure.ratio.den.toString())) : q(figure.value!.toString());
      expect(eq(value, exact), `${id} = ${figure.value}`).toBe(true);
    }
  });

  const DERIVED = ["income.total", "expenditure.basic", "income.project", "income.basic", "carryOver.total"];

  it("by default (amountDecimals: exact) sums and differences of amounts keep the most decimals of their parts, and carry their own rule id", () => {
    const figure = (id: string) => result.model.figures.get(id)!;
    expect(result.model.settings.amountDecimals).toBe("exact");
    // 1000.50 (2) + 99.5 (1) → 2; 400.25 (2) + 99.75 (2) → 2; 350 (0) + 150.4 (1) → 1;
    // 1100.00 (2) − 500.4 (1) → 2; 1100.00 (2) − 800.00 (500.00 (2) + 300 (0) → 2) → 2
    expect(DERIVED.map((id) => [id, figure(id).dp, figure(id).rule])).toEqual([
      ["income.total", 2, "sum"],
      ["expenditure.basic", 2, "sum"],
      ["income.project", 1, "sum"],
      ["income.basic", 2, "difference"],
      ["carryOver.total", 2, "carry-over"],
    ]);
    expect(figure("org.internalOffices.count").rule).toBe("listed-count");
  });

  it("with amountDecimals: significant they keep the fewest decimals of their parts, with the same values and rule ids", () => {
    const significant = checkText(`${TEXT}settings:\n  amountDecimals: significant\n`);
    expect(significant.findings).toEqual([]);
    const figure = (id: string) => significant.model.figures.get(id)!;
    // 1000.50 (2) + 99.5 (1) → 1; 400.25 (2) + 99.75 (2) → 2; 350 (0) + 150.4 (1) → 0
    expect(DERIVED.map((id) => [id, figure(id).dp, figure(id).rule])).toEqual([
      ["income.total", 1, "sum"],
      ["expenditure.basic", 2, "sum"],
      ["income.project", 0, "sum"],
      ["income.basic", 0, "difference"],
      ["carryOver.total", 0, "carry-over"],
    ]);
    for (const id of DERIVED) expect(figure(id).value!.eq(result.model.figures.get(id)!.value!), id).toBe(true);
  });

  it("an integer amountDecimals leaves the decimals of sums as exact computes them (it fixes only the printed decimals)", () => {
    const fixed = checkText(`${TEXT}settings:\n  amountDecimals: 3\n`);
    expect(fixed.findings).toEqual([]);
    expect(DERIVED.map((id) => fixed.model.figures.get(id)!.dp)).toEqual([2, 2, 1, 2, 2]);
  });

  it("compares at the precision a figure is written with", () => {
    // 250 ÷ 850 = 29.41176…%: 29 (0 dp), 29.4 (1 dp), 29.412 (3 dp) all reconcile; 29.411 does not.
    for (const ok of ["29", "29.4", "29.41", "29.412", "29.4118"]) expect(checkText(mutate("income.growth", "29.41", ok)).findings, ok).toEqual([]);
    const bad = checkText(mutate("income.growth", "29.41", "29.411"), "en", FILE).findings;
    expect(bad.map((f) => [f.code, f.actual, f.expected, f.tolerance])).toEqual([["growth-rate", "29.411%", "29.411765…%", "3 decimals as written, half-up: the computed value must lie in [29.4105, 29.4115)%"]]);
    // Trailing zeros are precision: 1100.00 is exact, 1100.01 is off by one cent.
    expect(checkText(mutate("income.total", "1100", "1100.00")).findings).toEqual([]);
    const cent = checkText(mutate("income.total", "1100", "1100.01")).findings;
    expect(cent.map((f) => [f.code, f.diff, f.tolerance])).toEqual([["sum", "0.01", "2 decimals as written, half-up: the computed value must lie in [1100.005, 1100.015)"]]);
  });
});

interface Case {
  id: string;
  from: string;
  to: string;
  code: string;
  line: number;
  message: string;
  expected: string;
  formula: string;
}

const CASES: Case[] = [
  { id: "income.total", from: "1100", to: "1101", code: "sum", line: 38, message: "total income: stated 1101, computed 1100", expected: "1100", formula: "income.appropriation + income.other = 1000.5 + 99.5" },
  { id: "income.prior", from: "850", to: "851", code: "sum", line: 39, message: "prior-year income: stated 851, computed 850", expected: "850", formula: "income.appropriation.prior + income.other.prior = 800 + 50" },
  { id: "income.change", from: "250", to: "249", code: "change", line: 40, message: "income: change on prior year: stated 249, computed 250", expected: "250", formula: "income.total − income.prior = 1100 − 850" },
  {
    id: "income.growth",
    from: "29.41",
    to: "29.42",
    code: "growth-rate",
    line: 41,
    message: "income: growth rate: stated 29.42%, computed 29.41%",
    expected: "29.411765…%",
    formula: "income.change ÷ income.prior × 100% = 250 ÷ 850 × 100%",
  },
  {
    id: "income.appropriation.share",
    from: "90.95",
    to: "90.96",
    code: "share",
    line: 42,
    message: "财政拨款收入 share of income: stated 90.96%, computed 90.95%",
    expected: "90.954545…%",
    formula: "income.appropriation ÷ income.total × 100% = 1000.5 ÷ 1100 × 100%",
  },
  { id: "expenditure.basic", from: "500", to: "501", code: "sum", line: 44, message: "basic expenditure: stated 501, computed 500", expected: "500", formula: "expenditure.basic.personnel + expenditure.basic.public = 400.25 + 99.75" },
  {
    id: "expenditure.basic.growth",
    from: "11.11",
    to: "11.12",
    code: "growth-rate",
    line: 49,
    message: "basic expenditure: growth rate: stated 11.12%, computed 11.11%",
    expected: "11.111111…%",
    formula: "expenditure.basic.change ÷ expenditure.basic.prior × 100% = 50 ÷ 450 × 100%",
  },
  {
    id: "expenditure.project.change",
    from: "50",
    to: "51",
    code: "change",
    line: 50,
    message: "project expenditure: change on prior year: stated 51, computed 50",
    expected: "50",
    formula: "expenditure.project − expenditure.project.prior = 300 − 250",
  },
  {
    id: "expenditure.basic.share",
    from: "62.5",
    to: "62.4",
    code: "share",
    line: 52,
    message: "basic share of expenditure: stated 62.4%, computed 62.5%",
    expected: "62.5%",
    formula: "expenditure.basic ÷ expenditure.total × 100% = 500 ÷ 800 × 100%",
  },
  { id: "carryOver.total", from: "300", to: "301", code: "carry-over", line: 54, message: "carry-over: stated 301, computed 300", expected: "300", formula: "income.total − expenditure.total = 1100 − 800" },
  { id: "income.project", from: "500.4", to: "500.5", code: "sum", line: 55, message: "project funds (Σ special funds): stated 500.5, computed 500.4", expected: "500.4", formula: "fund.alpha.allocated + fund.beta.allocated = 350 + 150.4" },
  { id: "income.basic", from: "599.6", to: "599.5", code: "difference", line: 56, message: "basic funds: stated 599.5, computed 599.6", expected: "599.6", formula: "income.total − income.project = 1100 − 500.4" },
  { id: "carryOver.basic", from: "99.6", to: "99.7", code: "carry-over", line: 57, message: "basic carry-over: stated 99.7, computed 99.6", expected: "99.6", formula: "income.basic − expenditure.basic = 599.6 − 500" },
  { id: "carryOver.project", from: "200.4", to: "200.3", code: "carry-over", line: 58, message: "project carry-over: stated 200.3, computed 200.4", expected: "200.4", formula: "income.project − expenditure.project = 500.4 − 300" },
  {
    id: "budget.projectAdjustment",
    from: "400.4",
    to: "400.5",
    code: "difference",
    line: 59,
    message: "in-year project budget adjustment: stated 400.5, computed 400.4",
    expected: "400.4",
    formula: "income.project − budget.projectInitial = 500.4 − 100",
  },
  { id: "fund.beta.balance", from: "50.4", to: "50.5", code: "fund-balance", line: 61, message: "乙专项: balance: stated 50.5, computed 50.4", expected: "50.4", formula: "fund.beta.allocated − fund.beta.spent = 150.4 − 100" },
  {
    id: "fund.alpha.execution",
    from: "57.14",
    to: "57.15",
    code: "execution-rate",
    line: 62,
    message: "甲专项: execution rate: stated 57.15%, computed 57.14%",
    expected: "57.142857…%",
    formula: "fund.alpha.spent ÷ fund.alpha.allocated × 100% = 200 ÷ 350 × 100%",
  },
  {
    id: "expenditure.project.execution",
    from: "59.95",
    to: "59.96",
    code: "execution-rate",
    line: 64,
    message: "project execution rate: stated 59.96%, computed 59.95%",
    expected: "59.952038…%",
    formula: "expenditure.project ÷ income.project × 100% = 300 ÷ 500.4 × 100%",
  },
  { id: "staff.authorised", from: "15", to: "16", code: "sum", line: 66, message: "authorised posts: stated 16, computed 15", expected: "15", formula: "staff.posts.1 + staff.posts.2 = 10 + 5" },
];

describe("each stated figure moved off its computed value", () => {
  for (const c of CASES) {
    it(`${c.id}: ${c.from} → ${c.to} is one ${c.code} error`, () => {
      const findings = checkText(mutate(c.id, c.from, c.to), "en", FILE).findings;
      const col = 2 + c.id.length + 2 + 1;
      expect(findings.map(brief)).toEqual([{ code: c.code, severity: "error", line: c.line, col, path: `/stated/${c.id}` }]);
      expect(where(TEXT, `  ${c.id}: ${c.from} `)).toEqual({ line: c.line, col: 1 });
      const f = findings[0]!;
      const unit = c.expected.endsWith("%") ? "%" : "";
      expect(f.message).toBe(c.message);
      expect(f.actual).toBe(`${c.to}${unit}`);
      expect(f.expected).toBe(c.expected);
      expect(f.expected).toBe(`${show(HAND[c.id]!)}${unit}`);
      expect(f.diff).toBe(`${show(sub(q(c.to), HAND[c.id]!))}${unit}`);
      expect(f.formula).toBe(c.formula);
      expect(f.pos?.endCol).toBe(col + c.to.length - 1);
    });
  }
});

describe("growth rate without a usable prior year", () => {
  const finance = (prior: string) =>
    `${HEAD}finance:\n  income:\n    sources:\n      - { id: appropriation, name: 财政拨款收入, amount: 100 }\n${prior}  expenditure:\n    basic:\n      personnel: 50\n      public: 10\n    project: 30\n`;

  it("prior year 0: the growth figure exists but cannot be computed → a warning, not an error", () => {
    const text = `${finance("    prior: 0\n")}stated:\n  income.change: 100\n  income.growth: 12.5\n`;
    const result = checkText(text);
    const growth = result.model.figures.get("income.growth")!;
    expect(growth.value).toBeNull();
    expect([render("zh", growth.missing!), render("en", growth.missing!)]).toEqual(["上年为零，增长率无意义", "the prior year is zero; growth is undefined"]);
    expect(result.findings).toEqual([
      {
        severity: "warning",
        file: "test.yaml",
        path: "/stated/income.growth",
        pos: { line: 19, col: 18, endCol: 21 },
        code: "stated.not-computable",
        message: "“income.growth” cannot be computed (the prior year is zero; growth is undefined), so it cannot be checked",
      },
    ]);
    expect(where(text, "12.5")).toEqual({ line: 19, col: 18 });
    // The change itself is still checked: 100 − 0 = 100.
    expect(result.model.figures.get("income.change")!.value!.toString()).toBe("100");
    expect(checkText(`${finance("    prior: 0\n")}stated:\n  income.growth: 12.5\n`, "zh").findings.map((f) => f.message)).toEqual([
      "“income.growth”无法计算（上年为零，增长率无意义），不能核对",
    ]);
  });

  it("no prior year: the change and growth figures exist without a value; stating one alone says which field would give it", () => {
    const text = `${finance("")}stated:\n  income.growth: 12.5\n`;
    const result = checkText(text);
    expect(result.model.figures.get("income.change")!.value).toBeNull();
    expect(result.model.figures.get("income.growth")!.value).toBeNull();
    expect(result.model.figures.has("income.prior")).toBe(false);
    expect(result.findings.map(brief)).toEqual([{ code: "stated.not-computable", severity: "warning", line: 17, col: 18, path: "/stated/income.growth" }]);
    expect(result.findings[0]!.message).toBe("“income.growth” cannot be computed (no prior-year figure: fill in finance.income.prior), so it cannot be checked");
    expect(checkText(text, "zh").findings[0]!.message).toBe("“income.growth”无法计算（没有上年数：请填写 finance.income.prior），不能核对");
  });

  it("a prior given for only some sources: no income prior, so no growth", () => {
    const text = `${HEAD}finance:\n  income:\n    sources:\n      - { id: a, name: 甲, amount: 100, prior: 50 }\n      - { id: b, name: 乙, amount: 20 }\n  expenditure:\n    basic:\n      personnel: 50\n      public: 10\n    project: 30\n`;
    const result = checkText(text);
    expect(result.model.figures.has("income.a.prior")).toBe(true);
    expect(result.model.figures.has("income.prior")).toBe(false);
    expect(result.model.figures.get("income.growth")!.value).toBeNull();
    // Source a has its own prior: its change and growth are computed; b's are not.
    expect(result.model.figures.get("income.a.change")!.value!.toString()).toBe("50");
    expect(result.model.figures.get("income.a.growth")!.value!.toString()).toBe("100");
    expect(result.model.figures.get("income.b.growth")!.value).toBeNull();
    expect(result.findings).toEqual([]);
  });

  it("a negative growth reconciles at its precision: 80 → 60 is −25%", () => {
    const text = `${HEAD}finance:\n  income:\n    sources:\n      - { id: appropriation, name: 财政拨款收入, amount: 60 }\n    prior: 80\n  expenditure:\n    basic:\n      personnel: 30\n      public: 10\n    project: 10\nstated:\n  income.change: -20\n  income.growth: -25.00\n`;
    expect(checkText(text).findings).toEqual([]);
    const off = checkText(text.replace("-25.00", "-25.01")).findings;
    expect(off.map((f) => [f.code, f.actual, f.expected, f.diff])).toEqual([["growth-rate", "-25.01%", "-25%", "-0.01%"]]);
  });
});

describe("fund spending against the project expenditure", () => {
  const funds = (project: string, list: string) =>
    `${HEAD}finance:\n  income:\n    sources:\n      - { id: appropriation, name: 财政拨款收入, amount: 500 }\n  expenditure:\n    basic:\n      personnel: 50\n      public: 10\n    project: ${project}\n  specialFunds:\n${list}`;
  const complete = "    - { id: a, name: 甲专项, allocated: 100, spent: 60.5 }\n    - { id: b, name: 乙专项, allocated: 50, spent: 39.5 }\n";
  const incomplete = "    - { id: a, name: 甲专项, allocated: 100, spent: 60.5 }\n    - { id: b, name: 乙专项, allocated: 50 }\n";

  it("complete spent list adding up to the project expenditure: no finding", () => {
    // 60.5 + 39.5 = 100.0 = project 100
    expect(checkText(funds("100", complete)).findings).toEqual([]);
  });

  it("complete spent list adding up to something else: a fund-spending error at the project expenditure", () => {
    const text = funds("101", complete);
    const findings = checkText(text).findings;
    expect(findings).toEqual([
      {
        code: "fund-spending",
        severity: "error",
        message: "special funds' spending adds up to 100, not the project expenditure 101",
        file: "test.yaml",
        path: "/finance/expenditure/project",
        pos: { line: 15, col: 14, endCol: 16 },
        expected: "100",
        actual: "101",
        formula: "fund.a.spent + fund.b.spent",
      },
    ]);
    expect(where(text, "101")).toEqual({ line: 15, col: 14 });
    expect(checkText(text, "zh").findings[0]!.message).toBe("各专项支出合计 100，与项目支出 101 不一致");
  });

  it("incomplete spent list within the project expenditure: no finding (the rest may be unlisted)", () => {
    expect(checkText(funds("100", incomplete)).findings).toEqual([]);
    expect(checkText(funds("60.5", incomplete)).findings).toEqual([]);
  });

  it("incomplete spent list above the project expenditure: a fund-spending error", () => {
    const findings = checkText(funds("60", incomplete)).findings;
    expect(findings.map(brief)).toEqual([{ code: "fund-spending", severity: "error", line: 15, col: 14, path: "/finance/expenditure/project" }]);
    expect(findings[0]!.message).toBe("listed special-fund spending 60.5 exceeds the project expenditure 60");
  });

  it("a fund spending more than it was allocated: a fund-balance warning at its spent figure", () => {
    const text = funds("120", "    - { id: a, name: 甲专项, allocated: 100, spent: 80.5 }\n    - { id: b, name: 乙专项, allocated: 30, spent: 39.5 }\n");
    const findings = checkText(text).findings;
    expect(findings.map(brief)).toEqual([{ code: "fund-balance", severity: "warning", line: 18, col: where(text, "39.5").col, path: "/finance/specialFunds/1/spent" }]);
    expect(findings[0]!.message).toBe("乙专项: spent 39.5 exceeds the allocation 30");
    // Its balance is negative and its execution above 100%, exactly.
    const model = checkText(text).model;
    expect(model.figures.get("fund.b.balance")!.value!.toString()).toBe("-9.5");
    expect(model.figures.get("fund.b.execution")!.value!.toString()).toBe("131.6666666666666666666666666666666666667");
  });
});

describe("carry-over when spending exceeds income", () => {
  it("is a carry-over warning at the expenditure: key itself", () => {
    const text = `${HEAD}finance:\n  income:\n    sources:\n      - { id: appropriation, name: 财政拨款收入, amount: 100 }\n  expenditure:\n    basic:\n      personnel: 80\n      public: 20.01\n    project: 0\n`;
    const result = checkText(text);
    expect(result.findings.map(brief)).toEqual([{ code: "carry-over", severity: "warning", line: 11, col: 3, path: "/finance/expenditure" }]);
    expect(where(text, "expenditure:")).toEqual({ line: 11, col: 3 });
    expect(result.findings[0]!.pos).toEqual({ line: 11, col: 3, endCol: 3 + "expenditure".length - 1 });
    expect(result.findings[0]!.message).toBe("expenditure 100.01 exceeds this year's income 100; the gap of 0.01 must come from the opening carry-over: fill in finance.openingCarryOver");
    expect(result.model.figures.get("carryOver.total")!.value!.toString()).toBe("-0.01");
  });

  it("income equal to expenditure is no finding", () => {
    const text = `${HEAD}finance:\n  income:\n    sources:\n      - { id: appropriation, name: 财政拨款收入, amount: 100 }\n  expenditure:\n    basic:\n      personnel: 80\n      public: 20.00\n    project: 0\n`;
    expect(checkText(text).findings).toEqual([]);
  });
});

describe("listed counts", () => {
  const offices = (count: string, n: number) =>
    `${HEAD}  organisation:\n    internalOffices:\n      count: ${count}\n      items:\n${Array.from({ length: n }, (_, i) => `        - 科室${i + 1}\n`).join("")}finance:\n  income:\n    sources:\n      - { name: 财政拨款收入, amount: 100 }\n  expenditure:\n    basic:\n      personnel: 50\n      public: 10\n    project: 30\n`;

  it("“内设科室19个” with 18 listed is a listed-count error at the count", () => {
    const text = offices("19", 18);
    const findings = checkText(text).findings;
    expect(findings).toEqual([
      {
        code: "listed-count",
        severity: "error",
        message: "internal offices: stated 19, listed 18",
        file: "test.yaml",
        path: "/profile/organisation/internalOffices/count",
        pos: { line: 9, col: 14, endCol: 15 },
        expected: "18",
        actual: "19",
      },
    ]);
    expect(where(text, "19")).toEqual({ line: 9, col: 14 });
    expect(checkText(text, "zh").findings[0]!.message).toBe("内设科室：所述 19 个，名单列出 18 个");
  });

  it("19 stated and 19 listed is no finding; the count figure is 19", () => {
    const result = checkText(offices("19", 19));
    expect(result.findings).toEqual([]);
    expect(result.model.figures.get("org.internalOffices.count")!.value!.toString()).toBe("19");
  });

  it("a stated org count is checked against the list too", () => {
    const text = `${offices("18", 18)}stated:\n  org.internalOffices.count: 19\n`;
    const findings = checkText(text).findings;
    expect(withCode(findings, "listed-count").map((f) => [f.path, f.message, f.expected, f.actual])).toEqual([
      ["/stated/org.internalOffices.count", "internal offices: stated 19, computed 18", "18", "19"],
    ]);
    expect(findings).toHaveLength(1);
  });
});
