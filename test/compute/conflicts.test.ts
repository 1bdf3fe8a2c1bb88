/**
 * Issue 11 item 8, conflicting inputs: what the dataset says twice or cannot mean is a
 * positioned finding, never accepted silently. An indicator with both `actual` and `formula`,
 * or both `target` and `targetOf`; a formula that divides by zero or uses a figure that has no
 * value; formula literals outside the dataset's number range; a product or quotient rounded at
 * decimal.js's 40 significant digits; a negative target; a score below every grade band.
 */
import { describe, expect, it } from "vitest";
import { brief, checkText, HEAD, where } from "../helpers/reconcile.js";

const FINANCE = `finance:\n  income:\n    sources:\n      - { name: 财政拨款收入, amount: 100 }\n  expenditure:\n    basic:\n      personnel: 50\n      public: 10\n    project: 30\n`;
/** Indicators start on line 19 (HEAD 1–6, FINANCE 7–15, achievements/title/indicators 16–18). */
const indicators = (...rows: string[]) => `${HEAD}${FINANCE}achievements:\n  - title: 指标\n    indicators:\n${rows.map((r) => `      - ${r}\n`).join("")}`;
const A = "{ id: a, name: 甲, unit: 家, target: 100, actual: 290.51 }";
const B = "{ id: b, name: 乙, unit: 家, actual: 99.97 }";
const messages = (text: string, lang: "en" | "zh" = "en") => checkText(text, lang).findings.map((f) => [f.code, f.severity, f.message]);

describe("an indicator with two sources for one figure", () => {
  it("actual and formula both written: an error at the actual (which is not used), the formula computes the figure", () => {
    const text = indicators(A, B, "{ id: s, name: 和, actual: 12, formula: \"a + b\" }");
    const result = checkText(text);
    expect(result.findings.map(brief)).toEqual([{ code: "indicator.actual-and-formula", severity: "error", ...where(text, "12"), path: "/achievements/0/indicators/2/actual" }]);
    expect(result.findings[0]!.message).toBe("indicator “和” has both an actual value and a formula; write one of them (delete actual to compute it, or formula to state it)");
    expect(checkText(text, "zh").findings[0]!.message).toBe("指标“和”同时写了实际值（actual）和计算式（formula）；二者只能写一个：用计算式计算时删去 actual，直接填写时删去 formula");
    expect(result.model.figures.get("s")!.value!.toString()).toBe("390.48");
  });

  it("target and targetOf both written: an error at the target (which is not used), the shared target is the other's", () => {
    const text = indicators(A, "{ id: c, name: 丙, target: 50, targetOf: a, actual: 150 }");
    const result = checkText(text);
    expect(result.findings.map(brief)).toEqual([{ code: "indicator.target-and-target-of", severity: "error", line: 20, col: where(text, "target: 50").col + "target: ".length, path: "/achievements/0/indicators/1/target" }]);
    expect(result.findings[0]!.message).toBe("indicator “丙” has both a target and targetOf; write one of them");
    expect(checkText(text, "zh").findings[0]!.message).toBe("指标“丙”同时写了目标值（target）和共用目标（targetOf）；二者只能写一个");
    expect(result.model.figures.get("c.target")!.value!.toString()).toBe("100");
  });
});

describe("a formula that cannot be computed says why, at the formula", () => {
  it("dividing by zero is an error naming the division, not “an input is missing”; a stated value is then a warning with the same reason", () => {
    const text = `${indicators(A, "{ id: zero, name: 零, actual: 0 }", `{ id: r, name: 比, formula: "a / zero" }`)}stated:\n  r: 1\n`;
    const result = checkText(text);
    expect(result.findings.map(brief)).toEqual([
      { code: "indicator.formula", severity: "error", ...where(text, `"a / zero"`), path: "/achievements/0/indicators/2/formula" },
      { code: "stated.not-computable", severity: "warning", line: where(text, "  r: 1").line, col: 6, path: "/stated/r" },
    ]);
    expect(result.findings.map((f) => f.message)).toEqual([
      "formula divides by zero (the division at character 3)",
      "“r” cannot be computed (the denominator is zero), so it cannot be checked",
    ]);
    expect(checkText(text, "zh").findings[0]!.message).toBe("计算式除以零（第 3 个字符处的除法）");
    expect(result.model.figures.get("r")!.value).toBeNull();
  });

  it("a zero divisor inside parentheses is found too: (a − a) is zero", () => {
    const text = indicators(A, `{ id: r, name: 比, formula: "b ÷ (a − a) + 1" }`, B);
    expect(messages(text)).toEqual([["indicator.formula", "error", "formula divides by zero (the division at character 3)"]]);
  });

  it("a figure without a value used in a formula is an error naming it and its reason", () => {
    // income.growth has no value: the prior year's income is zero.
    const text = indicators(`{ id: r, name: 比, formula: "income.growth + 1" }`).replace("  income:\n", "  income:\n    prior: 0\n");
    expect(messages(text)).toEqual([["indicator.formula", "error", "formula refers to “income.growth”, which cannot be computed (the prior year is zero; growth is undefined)"]]);
    expect(messages(text, "zh")[0]![2]).toBe("计算式引用的“income.growth”无法计算（上年为零，增长率无意义）");
  });
});

describe("numbers in a formula obey the dataset's number range", () => {
  it("a 30-digit literal is out of range, like the same number in the dataset", () => {
    const text = indicators(A, `{ id: r, name: 大, formula: "a + 123456789012345678901234567890" }`);
    expect(messages(text)).toEqual([["indicator.formula", "error", "number “123456789012345678901234567890” in the formula is out of range (at character 5)"]]);
    expect(messages(text, "zh")[0]![2]).toBe("计算式中的数字“123456789012345678901234567890”超出可处理的范围（第 5 个字符）");
    expect(checkText(text).model.figures.has("r")).toBe(false);
  });

  it("a literal smaller than 1e-15 is out of range; a leading zero is a likely typo", () => {
    const text = indicators(A, `{ id: r, name: 小, formula: "a × 0.0000000000000001" }`, `{ id: z, name: 零, formula: "a + 007" }`);
    expect(messages(text)).toEqual([
      ["indicator.formula", "error", "number “0.0000000000000001” in the formula is out of range (at character 5)"],
      ["indicator.formula", "error", "number “007” in the formula starts with 0, which is likely a typo (at character 5)"],
    ]);
  });

  it("literals within the range are exact: a × 0.5 + 1000000000000000", () => {
    const text = indicators(A, `{ id: r, name: 半, formula: "a × 0.5 + 1000000000000000" }`);
    const result = checkText(text);
    expect(result.findings).toEqual([]);
    expect(result.model.figures.get("r")!.value!.toString()).toBe("1000000000000145.255");
  });
});

describe("products and quotients beyond decimal.js's 40 significant digits are not rounded silently", () => {
  const big = "{ id: p, name: 大数, actual: 1234567890123456.123456789 }";

  it("a product of 50 significant digits: a warning naming the formula and the operation; the figure keeps the rounded value", () => {
    const text = indicators(big, `{ id: sq, name: 平方, formula: "p × p" }`);
    const result = checkText(text);
    expect(result.findings.map(brief)).toEqual([{ code: "indicator.precision", severity: "warning", ...where(text, `"p × p"`), path: "/achievements/0/indicators/1/formula" }]);
    expect(result.findings[0]!.message).toBe("formula “p × p”: the product at character 3 needs more than 40 significant digits and was rounded, so the result is not exact");
    expect(checkText(text, "zh").findings[0]!.message).toBe("计算式“p × p”：第 3 个字符处的乘积超过 40 位有效数字，已四舍五入，结果不精确");
    expect(result.model.figures.get("sq")!.value!.sd()).toBe(40);
  });

  it("a quotient that does not terminate (a ÷ 3) is a warning; one that does (a ÷ 4) is not", () => {
    const text = indicators(A, `{ id: t, name: 三分, formula: "a ÷ 3" }`, `{ id: q, name: 四分, formula: "a ÷ 4" }`);
    expect(messages(text)).toEqual([["indicator.precision", "warning", "formula “a ÷ 3”: the quotient at character 3 needs more than 40 significant digits and was rounded, so the result is not exact"]]);
    expect(checkText(text).model.figures.get("q")!.value!.toString()).toBe("72.6275");
  });

  it("one warning per formula, at its first rounded operation", () => {
    const text = indicators(big, `{ id: sq, name: 立方, formula: "p × p × p ÷ 7" }`);
    expect(messages(text)).toEqual([["indicator.precision", "warning", "formula “p × p × p ÷ 7”: the product at character 3 needs more than 40 significant digits and was rounded, so the result is not exact"]]);
  });
});

describe("a negative target", () => {
  it("gives no completion rate, and says so at the target (a warning; placeholders that use the rate then cannot print it)", () => {
    const text = `${indicators("{ id: cut, name: 能耗下降, target: -5, actual: -10 }")}narrative:\n  basicSpendingPurpose: 完成率{{cut.completion}}。\n`;
    const result = checkText(text);
    expect(result.findings.map(brief)).toEqual([
      { code: "completion-rate", severity: "warning", ...where(text, "-5"), path: "/achievements/0/indicators/0/target" },
      { code: "placeholder", severity: "error", ...where(text, "{{cut.completion}}"), path: "/narrative/basicSpendingPurpose" },
    ]);
    expect(result.findings.map((f) => f.message)).toEqual([
      "能耗下降: the target is negative (-5); a completion rate would be meaningless and is not computed",
      "the text refers to “cut.completion”, which cannot be computed (the target is negative)",
    ]);
    expect(checkText(text, "zh").findings[0]!.message).toBe("能耗下降：目标值为负数（-5），完成率没有意义，不予计算");
    expect(result.model.figures.get("cut.completion")!.value).toBeNull();
  });

  it("a shared negative target (targetOf) is reported at the targetOf of the indicator that shares it too", () => {
    const text = indicators("{ id: cut, name: 甲, target: -5, actual: -10 }", "{ id: cut2, name: 乙, targetOf: cut, actual: -4 }");
    expect(checkText(text).findings.map(brief)).toEqual([
      { code: "completion-rate", severity: "warning", ...where(text, "-5"), path: "/achievements/0/indicators/0/target" },
      { code: "completion-rate", severity: "warning", line: 20, col: where(text, "targetOf: cut").col + "targetOf: ".length, path: "/achievements/0/indicators/1/targetOf" },
    ]);
  });

  it("a zero or positive target still gives the rate, and a negative actual against a positive target is a (poor) rate", () => {
    const text = indicators("{ id: x, name: 甲, target: 5, actual: -1 }");
    const result = checkText(text);
    expect(result.findings).toEqual([]);
    expect(result.model.figures.get("x.completion")!.value!.toString()).toBe("-20");
  });
});

describe("a score below every grade band", () => {
  const scored = (score: string) =>
    `${HEAD}settings:\n  gradeBands:\n    - { grade: 优秀, min: 90 }\n    - { grade: 合格, min: 60 }\n${FINANCE}evaluation:\n  score: ${score}\n`;

  it("is an error at the score naming the lowest band; the grade has no text and says why", () => {
    const text = scored("55");
    const result = checkText(text);
    expect(result.findings.map(brief)).toEqual([{ code: "grade-bands", severity: "error", ...where(text, "55"), path: "/evaluation/score" }]);
    expect(result.findings[0]!.message).toBe("the self-assessed score 55 is below the lowest grade band, “合格” from 60: no grade can be given, and the report leaves it out");
    expect(checkText(text, "zh").findings[0]!.message).toBe("自评得分 55 低于最低等级“合格”的下限 60，无法评定等级；报告中不写自评等级");
    const grade = result.model.figures.get("score.grade")!;
    expect(grade.text).toBeUndefined();
    expect(grade.missing).toEqual({ key: "missing.below-bands" });
  });

  it("a score at the lowest minimum is graded", () => {
    const result = checkText(scored("60"));
    expect(result.findings).toEqual([]);
    expect(result.model.figures.get("score.grade")!.text).toBe("合格");
  });
});
