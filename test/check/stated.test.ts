/**
 * `stated:` figures: unknown ids (with did-you-mean), per-figure tolerance overrides, and
 * the dataset's rounding setting.
 */
import { describe, expect, it } from "vitest";
import { percent, q, roundQ } from "../helpers/exact.js";
import { brief, checkText, HEAD, where } from "../helpers/reconcile.js";

/** income 5296 (prior 1171), expenditure 713 + 145 + 1993; one indicator 137 of 120. Stated entries from line 23 (25 with a 2-line settings block). */
const DATASET = (settings: string, stated: string) =>
  `${HEAD}${settings}finance:
  income:
    sources:
      - { id: appropriation, name: 财政拨款收入, amount: 5296 }
    prior: 1171
  expenditure:
    basic:
      personnel: 713
      public: 145
    project: 1993
achievements:
  - title: 上平台
    indicators:
      - { id: smePlatform, name: 中小企业上平台, unit: 家, target: 120, actual: 137 }
      - { id: smeCloud, name: 中小企业上云, unit: 家, target: 4000, actual: 8077 }
stated:
${stated}`;

describe("stated.unknown", () => {
  it("a misspelt id is an error at the key, with the closest figure id as a hint", () => {
    const text = DATASET("", "  income.totl: 5296\n  expenditure.totl: 2851\n");
    const result = checkText(text);
    expect(result.findings).toEqual([
      {
        severity: "error",
        file: "test.yaml",
        path: "/stated/income.totl",
        pos: { line: 23, col: 3, endCol: 13 },
        code: "stated.unknown",
        message: "there is no figure “income.totl”",
        hint: "did you mean “income.total”?",
      },
      {
        severity: "error",
        file: "test.yaml",
        path: "/stated/expenditure.totl",
        pos: { line: 24, col: 3, endCol: 18 },
        code: "stated.unknown",
        message: "there is no figure “expenditure.totl”",
        hint: "did you mean “expenditure.total”?",
      },
    ]);
    expect(where(text, "income.totl")).toEqual({ line: 23, col: 3 });
    const zh = checkText(text, "zh").findings[0]!;
    expect([zh.message, zh.hint]).toEqual(["没有编号为“income.totl”的图表数字", "是否想写“income.total”？"]);
  });

  it("an id far from every figure gets no hint; a swapped pair of letters still does", () => {
    const text = DATASET("", "  something.else: 1\n  smePlatform.compeltion: 114.17\n");
    const findings = checkText(text).findings;
    expect(findings.map((f) => [f.code, f.hint])).toEqual([
      ["stated.unknown", undefined],
      ["stated.unknown", "did you mean “smePlatform.completion”?"],
    ]);
  });

  it("an unknown id written in the { value, tolerance } form is reported at its key as well", () => {
    const findings = checkText(DATASET("", "  income.totl: { value: 5296, tolerance: 1 }\n")).findings;
    expect(findings.map(brief)).toEqual([{ code: "stated.unknown", severity: "error", line: 23, col: 3, path: "/stated/income.totl" }]);
  });
});

describe("per-figure tolerance", () => {
  // income.total = 5296; |5296 − 5300| = 4.
  it("{ value: 5300, tolerance: 5 } passes (|5296 − 5300| = 4 ≤ 5)", () => {
    expect(checkText(DATASET("", "  income.total: { value: 5300, tolerance: 5 }\n")).findings).toEqual([]);
  });

  it("{ value: 5300, tolerance: 4 } passes at the boundary (4 ≤ 4)", () => {
    expect(checkText(DATASET("", "  income.total: { value: 5300, tolerance: 4 }\n")).findings).toEqual([]);
  });

  it("{ value: 5300, tolerance: 3 } fails, reporting the tolerance it used and no rounding hint", () => {
    const text = DATASET("", "  income.total: { value: 5300, tolerance: 3 }\n");
    const findings = checkText(text).findings;
    expect(findings).toEqual([
      {
        severity: "error",
        file: "test.yaml",
        path: "/stated/income.total",
        pos: { line: 23, col: 26, endCol: 29 },
        code: "sum",
        message: "total income: stated 5300, computed 5296",
        actual: "5300",
        expected: "5296",
        diff: "4",
        tolerance: "±3",
        formula: "income.appropriation = 5296",
        hint: undefined,
      },
    ]);
    expect(where(text, "5300")).toEqual({ line: 23, col: 26 });
  });

  it("a total of a single income source is reported under rule “sum” (the figure's own rule), not “figure”", () => {
    // Σ of one source has the formula "income.appropriation", without a " + "; the rule id
    // comes from the figure itself.
    const findings = checkText(DATASET("", "  income.total: { value: 5300, tolerance: 3 }\n")).findings;
    expect(findings.map((f) => f.code)).toEqual(["sum"]);
  });

  it("with two sources the same mismatch is a sum finding", () => {
    const text = DATASET("", "  income.total: { value: 5300, tolerance: 3 }\n").replace(
      "      - { id: appropriation, name: 财政拨款收入, amount: 5296 }\n",
      "      - { id: appropriation, name: 财政拨款收入, amount: 5000 }\n      - { id: other, name: 其他收入, amount: 296 }\n",
    );
    expect(checkText(text).findings.map((f) => [f.code, f.expected, f.tolerance, f.formula])).toEqual([
      ["sum", "5296", "±3", "income.appropriation + income.other = 5000 + 296"],
    ]);
  });

  it("without an override the same 5300 fails at its written precision ([5299.5, 5300.5))", () => {
    const findings = checkText(DATASET("", "  income.total: 5300\n")).findings;
    expect(findings.map((f) => [f.tolerance, f.diff])).toEqual([["0 decimals as written, half-up: the computed value must lie in [5299.5, 5300.5)", "4"]]);
    expect(checkText(DATASET("", "  income.total: 5300\n"), "zh").findings.map((f) => f.tolerance)).toEqual(["按书写精度 0 位小数、四舍五入，计算值应在 [5299.5, 5300.5) 内"]);
  });

  it("a tolerance on a percentage is in percentage points: 352.13 ± 0.2 covers 352.2630…", () => {
    expect(checkText(DATASET("", "  income.growth: { value: 352.13, tolerance: 0.2 }\n")).findings).toEqual([]);
    const off = checkText(DATASET("", "  income.growth: { value: 352.13, tolerance: 0.13 }\n")).findings;
    expect(off.map((f) => [f.code, f.tolerance, f.diff])).toEqual([["growth-rate", "±0.13", "-0.133023…%"]]);
  });
});

describe("settings.rounding", () => {
  // 137 ÷ 120 × 100 = 114.1666…: half-up 114.17, half-even 114.17, down 114.16.
  // 8077 ÷ 4000 × 100 = 201.925 (a tie): half-up 201.93, half-even 201.92, down 201.92.
  const platform = percent(q("137"), q("120"));
  const cloud = percent(q("8077"), q("4000"));

  it("the hand roundings", () => {
    expect(["half-up", "half-even", "down"].map((m) => roundQ(platform, 2, m as "down"))).toEqual(["114.17", "114.17", "114.16"]);
    expect(["half-up", "half-even", "down"].map((m) => roundQ(cloud, 2, m as "down"))).toEqual(["201.93", "201.92", "201.92"]);
  });

  it("default (half-up): 114.16 fails with a truncation hint; 114.17 passes", () => {
    const fail = checkText(DATASET("", "  smePlatform.completion: 114.16\n")).findings;
    expect(fail.map((f) => [f.code, f.message, f.hint])).toEqual([
      ["completion-rate", "中小企业上平台: completion rate: stated 114.16%, computed 114.17%", "truncation gives the stated figure: the source may have rounded differently"],
    ]);
    expect(checkText(DATASET("", "  smePlatform.completion: 114.17\n")).findings).toEqual([]);
  });

  it("rounding: down makes 114.16 pass and 114.17 fail, with the tolerance naming truncation", () => {
    const down = "settings:\n  rounding: down\n";
    expect(checkText(DATASET(down, "  smePlatform.completion: 114.16\n")).findings).toEqual([]);
    const fail = checkText(DATASET(down, "  smePlatform.completion: 114.17\n")).findings;
    expect(fail.map((f) => [f.message, f.hint, f.tolerance])).toEqual([
      [
        "中小企业上平台: completion rate: stated 114.17%, computed 114.16%",
        "half-up or half-even gives the stated figure: the source may have rounded differently",
        "2 decimals as written, truncation: the computed value must lie in [114.170, 114.180)%",
      ],
    ]);
    expect(fail[0]!.pos).toEqual({ line: 25, col: 27, endCol: 32 });
    expect(checkText(DATASET(down, "  smePlatform.completion: 114.17\n"), "zh").findings.map((f) => f.tolerance)).toEqual([
      "按书写精度 2 位小数、截尾，计算值应在 [114.170, 114.180)% 内",
    ]);
  });

  it("rounding: half-even decides the 201.925 tie for 201.92 but 114.1666… still rounds to 114.17", () => {
    const even = "settings:\n  rounding: half-even\n";
    expect(checkText(DATASET(even, "  smeCloud.completion: 201.92\n  smePlatform.completion: 114.17\n")).findings).toEqual([]);
    const fail = checkText(DATASET(even, "  smeCloud.completion: 201.93\n  smePlatform.completion: 114.16\n")).findings;
    expect(fail.map((f) => [f.path, f.message, f.hint])).toEqual([
      ["/stated/smeCloud.completion", "中小企业上云: completion rate: stated 201.93%, computed 201.92%", "half-up gives the stated figure: the source may have rounded differently"],
      ["/stated/smePlatform.completion", "中小企业上平台: completion rate: stated 114.16%, computed 114.17%", "truncation gives the stated figure: the source may have rounded differently"],
    ]);
    // half-even: both ends closed when the last digit is even (114.16), both open when odd (201.93).
    expect(fail.map((f) => f.tolerance)).toEqual([
      "2 decimals as written, half-even: the computed value must lie in (201.925, 201.935)%",
      "2 decimals as written, half-even: the computed value must lie in [114.155, 114.165]%",
    ]);
  });

  it("rounding applies to amounts as well: 11.88 stated as 11 passes only under down", () => {
    // income.basic-like difference without funds: carryOver.total = 5296 − 2851 = 2445; use a .88 instead.
    const text = (settings: string) =>
      `${HEAD}${settings}finance:\n  income:\n    sources:\n      - { name: 财政拨款收入, amount: 869.88 }\n  expenditure:\n    basic:\n      personnel: 713\n      public: 145\n    project: 0\nstated:\n  carryOver.total: 11\n`;
    expect(checkText(text("settings:\n  rounding: down\n")).findings).toEqual([]);
    const halfUp = checkText(text("")).findings;
    expect(halfUp.map((f) => [f.code, f.message, f.hint])).toEqual([
      ["carry-over", "carry-over: stated 11, computed 12", "truncation gives the stated figure: the source may have rounded differently"],
    ]);
  });
});

describe("the tolerance names the interval of exact values that round to the stated figure", () => {
  it("half-up on a negative figure: (s − ½ unit, s + ½ unit], the tie going away from zero", () => {
    const findings = checkText(DATASET("", "  income.growth: -1.5\n")).findings;
    expect(findings.map((f) => [f.code, f.tolerance])).toEqual([["growth-rate", "1 decimal as written, half-up: the computed value must lie in (-1.55, -1.45]%"]]);
  });

  it("truncation: [s, s + unit) for a positive figure, (s − unit, s] for a negative one; amounts carry no unit", () => {
    const down = "settings:\n  rounding: down\n";
    const findings = checkText(DATASET(down, "  income.total: 5300\n  income.growth: -1.5\n")).findings;
    expect(findings.map((f) => [f.path, f.tolerance])).toEqual([
      ["/stated/income.total", "0 decimals as written, truncation: the computed value must lie in [5300.0, 5301.0)"],
      ["/stated/income.growth", "1 decimal as written, truncation: the computed value must lie in (-1.60, -1.50]%"],
    ]);
  });

  it("half-even on an amount with an even last digit: both ends closed", () => {
    const even = "settings:\n  rounding: half-even\n";
    const findings = checkText(DATASET(even, "  income.total: 5300\n")).findings;
    expect(findings.map((f) => [f.code, f.tolerance])).toEqual([["sum", "0 decimals as written, half-even: the computed value must lie in [5299.5, 5300.5]"]]);
  });
});

describe("a stated grade is text", () => {
  const GRADE = `${HEAD}finance:\n  income:\n    sources:\n      - { name: 财政拨款收入, amount: 100 }\n  expenditure:\n    basic:\n      personnel: 50\n      public: 10\n    project: 30\nevaluation:\n  score: 91\nstated:\n  score.grade: 1\n`;

  it("a number for score.grade is a schema error at its value: a grade is written as text (优, 优秀)", () => {
    expect(where(GRADE, "score.grade: 1")).toEqual({ line: 19, col: 3 });
    expect(() => checkText(GRADE)).toThrow(/"code": "schema.type",\n  "path": "\/stated\/score.grade"/);
  });
});
