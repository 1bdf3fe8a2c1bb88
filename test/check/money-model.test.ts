/**
 * The money model real reports need (issue 13 item 3), on figures as published (fixtures under
 * fixtures/check/real/, each citing its source) and on small datasets written here: opening
 * carry-over, change and growth without a prior year, per-source change and growth, partial
 * fund lists, per-sub-unit tables.
 */
import { describe, expect, it } from "vitest";
import { brief, checkFixture, checkText, fixtureText, HEAD, where } from "../helpers/reconcile.js";

const ZX2021 = "real/nanxian-zhengxie-2021.yaml";
const ZX2024 = "real/nanxian-zhengxie-2024.yaml";

/** A one-source dataset: income, personnel/public/project, and extra lines under finance and stated. */
function money(income: string, personnel: string, pub: string, project: string, finance = "", stated = ""): string {
  return `${HEAD}finance:\n  income:\n    sources:\n      - { id: appropriation, name: 财政拨款收入, amount: ${income} }\n  expenditure:\n    basic:\n      personnel: ${personnel}\n      public: ${pub}\n    project: ${project}\n${finance}${stated ? `stated:\n${stated}` : ""}`;
}

describe("opening carry-over: income + opening = expenditure + closing", () => {
  it("南县政协 2021 spends 799.12 of an income of 792.22 and gives no opening balance: one warning naming the field to fill", () => {
    const result = checkFixture(ZX2021);
    const text = fixtureText(ZX2021);
    expect(result.findings.map(brief)).toEqual([{ code: "carry-over", severity: "warning", ...where(text, "expenditure:"), path: "/finance/expenditure" }]);
    expect(result.findings[0]!.message).toBe("expenditure 799.12 exceeds this year's income 792.22; the gap of 6.9 must come from the opening carry-over: fill in finance.openingCarryOver");
    expect(checkFixture(ZX2021, "zh").findings[0]!.message).toBe("支出 799.12 超过本年收入 792.22，差额 6.9 须由年初结转结余弥补：请填写 finance.openingCarryOver");
    expect(result.model.figures.get("carryOver.total")!.value!.toString()).toBe("-6.9");
    // The closing balance exists but cannot be computed without the opening one.
    expect(result.model.figures.get("carryOver.closing")!.value).toBeNull();
  });

  it("with an opening balance the closing one is computed, the warning goes, and a stated closing is checked", () => {
    const text = fixtureText(ZX2021).replace("  specialFunds:", "  openingCarryOver: 10.5\n  specialFunds:").replace("stated:\n", "stated:\n  carryOver.closing: 3.6\n");
    const result = checkText(text);
    expect(result.findings).toEqual([]);
    const closing = result.model.figures.get("carryOver.closing")!;
    expect(closing.value!.toString()).toBe("3.6"); // 792.22 + 10.5 − 799.12
    expect(closing.formula).toBe("income.total + carryOver.opening − expenditure.total");
    expect(closing.rule).toBe("carry-over");
    const wrong = checkText(text.replace("carryOver.closing: 3.6", "carryOver.closing: 3.7"));
    expect(wrong.findings.map((f) => [f.code, f.message])).toEqual([["carry-over", "closing carry-over: stated 3.7, computed 3.6"]]);
  });

  it("an opening balance too small for the overspending: the closing carry-over is negative, a warning at the opening balance", () => {
    const text = money("100", "80", "25", "0", "  openingCarryOver: 2\n");
    const result = checkText(text, "zh");
    const at = where(text, "openingCarryOver: 2");
    expect(result.findings.map(brief)).toEqual([{ code: "carry-over", severity: "warning", line: at.line, col: at.col + "openingCarryOver: ".length, path: "/finance/openingCarryOver" }]);
    expect(result.findings[0]!.message).toBe("年末结转结余为负：年初结转结余 2 + 收入 100 − 支出 105 = -3；请核对年初结转结余和收支数字");
  });
});

describe("change and growth stated without the prior year", () => {
  it("南县政协 2021: 189.25 and 31.39% imply one prior year (602.97), as do 209.28 and 35.9% for 财政拨款 — no finding, no 'no figure'", () => {
    const result = checkFixture(ZX2021);
    expect(result.findings.filter((f) => f.code !== "carry-over")).toEqual([]);
    expect(result.rules).toContain("change-growth");
    for (const id of ["income.change", "income.growth", "income.appropriation.change", "income.appropriation.growth"]) {
      expect(result.model.figures.get(id)!.value, id).toBeNull();
    }
  });

  it("南县政协 2024 states a decrease: −62.52 and −7.11% agree (prior 878.75)", () => {
    expect(checkFixture(ZX2024).findings).toEqual([]);
  });

  it("a change and a rate that no one prior year gives are one error at the rate, naming both priors", () => {
    const text = fixtureText(ZX2021).replace("  income.growth: 31.39", "  income.growth: 31.49");
    const result = checkText(text);
    const findings = result.findings.filter((f) => f.code === "change-growth");
    expect(findings.map(brief)).toEqual([{ code: "change-growth", severity: "error", ...where(text, "31.49"), path: "/stated/income.growth" }]);
    expect(findings[0]!.message).toBe("income: growth rate: the stated change 189.25 and rate 31.49% imply different prior years (602.97 from the change, about 602.494486… from the rate)");
    expect(checkText(text, "zh").findings.find((f) => f.code === "change-growth")!.message).toBe(
      "收入增长率：所载增减额 189.25 与增长率 31.49% 对应不到同一个上年数（按增减额上年为 602.97，按增长率上年约为 602.494486…）",
    );
    // The per-source pair is checked on its own: 35.9% printed to one decimal still agrees.
    expect(result.findings.filter((f) => f.code === "change-growth")).toHaveLength(1);
  });

  it("at the printed precision: 35.9 (one decimal) agrees with 209.28, 35.8 does not", () => {
    const text = fixtureText(ZX2021).replace("  income.appropriation.growth: 35.9", "  income.appropriation.growth: 35.8");
    const findings = checkText(text).findings.filter((f) => f.code === "change-growth");
    expect(findings.map((f) => f.path)).toEqual(["/stated/income.appropriation.growth"]);
    expect(findings[0]!.message).toMatch(/^财政拨款收入: growth rate: the stated change 209.28 and rate 35.8%/);
  });

  it("a change stated alone cannot be checked: a warning that says which input is missing, not 'there is no figure'", () => {
    const text = money("792.22", "434.89", "77.4", "286.83", "  openingCarryOver: 6.9\n", "  income.change: 189.25\n");
    const result = checkText(text);
    expect(result.findings.map(brief)).toEqual([{ code: "stated.not-computable", severity: "warning", ...where(text, "189.25"), path: "/stated/income.change" }]);
    expect(result.findings[0]!.message).toBe("“income.change” cannot be computed (no prior-year figure: fill in finance.income.prior), so it cannot be checked");
  });

  it("a figure every report has, stated where the data cannot give it (no finance at all): not computable, not unknown", () => {
    const text = `${HEAD}stated:\n  income.total: 100\n`;
    const result = checkText(text, "zh");
    expect(result.findings.map((f) => [f.code, f.severity, f.message])).toEqual([["stated.not-computable", "warning", "“income.total”无法计算（数据中没有计算它所需的数字），不能核对"]]);
  });
});

describe("per-source prior year: income.<source>.change and .growth", () => {
  it("a source with its prior: 792.22 against 582.94 is +209.28 and 35.90%", () => {
    const text = `${HEAD}finance:\n  income:\n    sources:\n      - { id: appropriation, name: 财政拨款收入, amount: 792.22, prior: 582.94 }\n      - { id: other, name: 其他收入, amount: 0, prior: 20.03 }\nstated:\n  income.appropriation.change: 209.28\n  income.appropriation.growth: 35.9\n  income.other.growth: -100\n  income.growth: 31.39\n`;
    const result = checkText(text);
    expect(result.findings).toEqual([]);
    const f = (id: string) => result.model.figures.get(id)!;
    expect(f("income.appropriation.change").value!.toString()).toBe("209.28");
    expect(f("income.appropriation.change").formula).toBe("income.appropriation − income.appropriation.prior");
    expect(f("income.appropriation.growth").formula).toBe("income.appropriation.change ÷ income.appropriation.prior × 100%");
    expect(f("income.prior").value!.toString()).toBe("602.97");
    const wrong = checkText(text.replace("income.appropriation.change: 209.28", "income.appropriation.change: 209.29"));
    expect(wrong.findings.map((x) => [x.code, x.message])).toEqual([["change", "财政拨款收入: change on prior year: stated 209.29, computed 209.28"]]);
  });
});

describe("a partial fund list (complete: false)", () => {
  it("南县政协 2024 lists 5 projects adding up to 96 of 182.35: no project income, no negative project carry-over invented", () => {
    const result = checkFixture(ZX2024);
    expect(result.findings).toEqual([]);
    for (const id of ["income.project", "income.basic", "carryOver.project", "carryOver.basic", "expenditure.project.execution", "budget.projectAdjustment"]) {
      expect(result.model.figures.get(id)!.value, id).toBeNull();
    }
    expect(result.model.figures.get("fund.research.allocated")!.value!.toString()).toBe("31");
  });

  it("the same list as a complete one derives a project carry-over of −86.35: a warning that names complete: false and the opening balance", () => {
    const text = fixtureText(ZX2024).replace("  specialFunds:\n    complete: false\n    items:\n", "  specialFunds:\n").replace(/\n {6}- \{ id/g, "\n    - { id");
    const result = checkText(text, "zh");
    expect(result.model.figures.get("carryOver.project")!.value!.toString()).toBe("-86.35");
    expect(result.findings.map(brief)).toEqual([{ code: "carry-over", severity: "warning", ...where(text, "specialFunds:"), path: "/finance/specialFunds" }]);
    expect(result.findings[0]!.message).toBe(
      "项目资金结转结余为负（-86.35）：专项资金名单只是项目资金的一部分时请写成 finance.specialFunds: { complete: false, items: [...] }；动用了上年结余时请填写 finance.openingCarryOver（年初结转结余）",
    );
  });

  it("stating a figure the partial list cannot give says why", () => {
    const text = fixtureText(ZX2024).replace("stated:\n", "stated:\n  income.project: 96\n");
    const finding = checkText(text, "zh").findings.find((f) => f.path === "/stated/income.project")!;
    expect([finding.code, finding.severity, finding.message]).toEqual(["stated.not-computable", "warning", "“income.project”无法计算（专项资金名单不全（complete: false），不由名单推算），不能核对"]);
  });

  it("a partial list only has to stay within the project spending: Σ spent 30 of 182.35 is fine, 200 is not", () => {
    const base = fixtureText(ZX2024).replace("allocated: 40 }", "allocated: 40, spent: 30 }");
    expect(checkText(base).findings).toEqual([]);
    const over = checkText(base.replace("spent: 30", "spent: 200"));
    expect(over.findings.map((f) => [f.code, f.message])).toEqual([
      ["fund-spending", "listed special-fund spending 200 exceeds the project expenditure 182.35"],
      ["fund-balance", "委员活动经费: spent 200 exceeds the allocation 40"],
    ]);
  });
});

describe("per-sub-unit income and expenditure tables", () => {
  const TABLES = "by-unit.yaml";

  it("rows and columns reconcile: every cell and every column total is a figure", () => {
    const result = checkFixture(TABLES);
    expect(result.findings).toEqual([]);
    const f = (id: string) => result.model.figures.get(id)!.value!.toString();
    expect(f("unitIncome.1.total")).toBe("850.5");
    expect(f("unitIncome.2.appropriation")).toBe("300");
    expect(f("unitIncome.total")).toBe("1200.5");
    expect(f("unitIncome.appropriation")).toBe("1000");
    expect(f("unitIncome.carriedForward")).toBe("50.5");
    expect(f("unitExpenditure.total")).toBe("1100");
    expect(f("unitExpenditure.basic")).toBe("700");
    expect(result.rules).toContain("by-unit");
  });

  it("a row whose parts do not add up to its total: an error at its total", () => {
    const text = fixtureText(TABLES).replace("total: 350, carriedForward: 0, appropriation: 300", "total: 351, carriedForward: 0, appropriation: 300");
    const result = checkText(text, "zh");
    expect(result.findings.map(brief)).toContainEqual({ code: "by-unit", severity: "error", ...where(text, "351"), path: "/finance/incomeByUnit/1/total" });
    expect(result.findings.find((f) => f.path === "/finance/incomeByUnit/1/total")!.message).toBe("二级机构：各项之和 350 与合计 351 不一致");
    // …and the total column no longer adds up to the unit's income: an error at the table.
    expect(result.findings.find((f) => f.path === "/finance/incomeByUnit")!.message).toBe("分单位表“合计”一列合计 1151，与收入合计 1150 不一致");
  });

  it("a column that does not add up to the unit's own figure: the expenditure basic column against expenditure.basic", () => {
    const text = fixtureText(TABLES).replace("{ unit: 二级机构, total: 300, basic: 200, project: 100 }", "{ unit: 二级机构, total: 300, basic: 210, project: 90 }");
    const result = checkText(text);
    expect(result.findings.map((f) => [f.code, f.path, f.message])).toEqual([
      ["by-unit", "/finance/expenditureByUnit", "the per-unit table's “basic expenditure” column adds up to 710, not basic expenditure 700"],
      ["by-unit", "/finance/expenditureByUnit", "the per-unit table's “project expenditure” column adds up to 390, not project expenditure 400"],
    ]);
  });
});
