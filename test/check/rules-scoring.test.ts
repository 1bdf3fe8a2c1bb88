/**
 * The scorecard rules: score-weight (each score within its weight; weights Σ 100),
 * score-total (the stated score is Σ of the scorecard), grade-bands (listed from the highest
 * minimum down; the grade follows the score), score-inflation (a full score while some
 * indicator missed its target).
 */
import { describe, expect, it } from "vitest";
import { brief, checkFixture, checkText, fixtureText, HEAD, where } from "../helpers/reconcile.js";

describe("a scorecard that adds up (fixtures/check/scorecard-pass.yaml)", () => {
  const result = checkFixture("scorecard-pass.yaml");

  it("has no findings", () => {
    expect(result.findings).toEqual([]);
  });

  it("computes Σ weights 20 + 30 + 50 = 100, Σ scores 20 + 27.5 + 45 = 92.5, grade 优秀 (≥ 90)", () => {
    const f = result.model.figures;
    expect(f.get("score.weights")!.value!.toString()).toBe("100");
    expect(f.get("score.total")!.value!.toString()).toBe("92.5");
    expect(f.get("score.stated")!.value!.toString()).toBe("92.5");
    expect(f.get("score.grade")!.text).toBe("优秀");
    expect(f.get("score.grade")!.inputs).toEqual(["score.total"]);
  });

  it("sums of scores keep the most decimals of their parts: 20 + 27.5 + 45 at 1 decimal, under rule “sum”", () => {
    const f = result.model.figures;
    expect([f.get("score.total")!.dp, f.get("score.total")!.rule]).toEqual([1, "sum"]);
    expect([f.get("score.weights")!.dp, f.get("score.weights")!.rule]).toEqual([0, "sum"]);
  });
});

describe("every scoring rule broken once (fixtures/check/scorecard-fail.yaml)", () => {
  const name = "scorecard-fail.yaml";
  const text = fixtureText(name);
  const en = checkFixture(name, "en");
  const zh = checkFixture(name, "zh");

  it("reports exactly these findings, in file order", () => {
    expect(en.findings.map(brief)).toEqual([
      // bands: 良好 80 above 优秀 90
      { code: "grade-bands", severity: "error", line: 7, col: 5, path: "/settings/gradeBands" },
      // evaluation.score 88 but 21 + 27.5 + 40 = 88.5
      { code: "score-total", severity: "error", line: 24, col: 10, path: "/evaluation/score" },
      // weights 20 + 30 + 45 = 95
      { code: "score-weight", severity: "warning", line: 26, col: 5, path: "/evaluation/scorecard" },
      // 21 > 20
      { code: "score-weight", severity: "error", line: 26, col: where(text, "score: 21").col + 7, path: "/evaluation/scorecard/0/score" },
      // stated score.total 88 vs 88.5: at 0 decimals half-up gives 89
      { code: "sum", severity: "error", line: 30, col: 16, path: "/stated/score.total" },
    ]);
    expect(where(text, "score: 21")).toEqual({ line: 26, col: 62 });
    expect(where(text, "score: 88")).toEqual({ line: 24, col: 3 });
  });

  it("says what is wrong, with the figures (en)", () => {
    expect(en.findings.map((f) => f.message)).toEqual([
      "grade bands must be listed from the highest minimum down",
      "the stated score 88 differs from the scorecard total 88.5",
      "the scorecard's weights add up to 95, not 100",
      "预算完成率: score 21 exceeds its weight 20",
      "self-assessed score: stated 88, computed 89",
    ]);
    const total = en.findings[1]!;
    expect([total.expected, total.actual]).toEqual(["88.5", "88"]);
    const stated = en.findings[4]!;
    expect([stated.expected, stated.diff, stated.formula, stated.hint]).toEqual([
      "88.5",
      "-0.5",
      "score.items.1.score + score.items.2.score + score.items.3.score = 21 + 27.5 + 40",
      // 88.5 is a tie at 0 decimals: half-even (88 is even) and truncation both give 88.
      "half-even or truncation gives the stated figure: the source may have rounded differently",
    ]);
  });

  it("says it in Chinese too", () => {
    expect(zh.findings.map((f) => f.message)).toEqual([
      "等级划分应按分数下限从高到低排列",
      "填写的自评得分 88 与评分表合计 88.5 不一致",
      "评分表分值合计 95，不是 100",
      "预算完成率：得分 21 超过分值 20",
      "自评得分：所载 88，计算应为 89",
    ]);
  });
});

describe("grade bands", () => {
  const scored = (score: string, bands = "") =>
    `${HEAD}${bands}finance:\n  income:\n    sources:\n      - { name: 财政拨款收入, amount: 100 }\n  expenditure:\n    basic:\n      personnel: 50\n      public: 10\n    project: 30\nevaluation:\n  score: ${score}\n`;

  it("the grade is the first band whose minimum the score reaches (defaults 90/80/60/0)", () => {
    const grade = (score: string) => checkText(scored(score)).model.figures.get("score.grade")!.text;
    expect(grade("100")).toBe("优秀");
    expect(grade("90")).toBe("优秀");
    expect(grade("89.99")).toBe("良好");
    expect(grade("80")).toBe("良好");
    expect(grade("79.9")).toBe("合格");
    expect(grade("60")).toBe("合格");
    expect(grade("59.5")).toBe("不合格");
    expect(grade("0")).toBe("不合格");
  });

  it("bands in order are no finding; equal minimums are out of order", () => {
    const ordered = "settings:\n  gradeBands:\n    - { grade: 优, min: 85 }\n    - { grade: 中, min: 70 }\n    - { grade: 差, min: 0 }\n";
    const ok = checkText(scored("85", ordered));
    expect(ok.findings).toEqual([]);
    expect(ok.model.figures.get("score.grade")!.text).toBe("优");
    const tied = "settings:\n  gradeBands:\n    - { grade: 优, min: 70 }\n    - { grade: 中, min: 70 }\n";
    expect(checkText(scored("85", tied)).findings.map(brief)).toEqual([{ code: "grade-bands", severity: "error", line: 9, col: 5, path: "/settings/gradeBands" }]);
  });
});

describe("score inflation", () => {
  it("a full score with two unmet indicators (96%, and a ≤ indicator at 30/31) is one warning naming both", () => {
    const result = checkFixture("scorecard-inflation.yaml");
    expect(result.findings).toEqual([
      {
        code: "score-inflation",
        severity: "warning",
        message: "a full self-assessed score of 100 while some indicators are unmet: 中小企业上云: completion rate、清欠天数: completion rate",
        file: "fixtures/check/scorecard-inflation.yaml",
        path: "/evaluation/score",
        pos: { line: 24, col: 10, endCol: 12 },
      },
    ]);
    // "≤" indicators complete as target ÷ actual: 30 ÷ 31 = 96.77…% < 100.
    const arrears = result.model.figures.get("arrears.completion")!;
    expect(arrears.formula).toBe("arrears.target ÷ arrears × 100%");
    expect(arrears.ratio!.num.toString()).toBe("30");
    expect(arrears.ratio!.den.toString()).toBe("31");
  });

  it("99 points with the same indicators is no finding", () => {
    const text = fixtureText("scorecard-inflation.yaml").replace("score: 100", "score: 99").replace("weight: 60, score: 60", "weight: 60, score: 59");
    expect(checkText(text).findings).toEqual([]);
  });

  it("a full score with every indicator met is no finding", () => {
    const text = fixtureText("scorecard-inflation.yaml").replace("actual: 96", "actual: 100").replace("actual: 31", "actual: 30");
    expect(checkText(text).findings).toEqual([]);
  });

  it("also applies to a score written without a scorecard", () => {
    const text = fixtureText("scorecard-inflation.yaml").replace(/ {2}scorecard:\n(?: {4}- .*\n)+/, "");
    const findings = checkText(text, "zh").findings;
    expect(findings.map(brief)).toEqual([{ code: "score-inflation", severity: "warning", line: 24, col: 10, path: "/evaluation/score" }]);
    expect(findings[0]!.message).toBe("自评得分 100 为满分，但有指标未完成：中小企业上云完成率、清欠天数完成率");
  });
});

describe("a score above full marks", () => {
  const FINANCE = `finance:\n  income:\n    sources:\n      - { name: 财政拨款收入, amount: 100 }\n  expenditure:\n    basic:\n      personnel: 50\n      public: 10\n    project: 30\n`;
  const evaluation = (body: string) => `${HEAD}${FINANCE}evaluation:\n${body}`;

  it("a written score above 100 is a score-total error at the score, in both languages", () => {
    const text = evaluation("  score: 100.5\n");
    expect(where(text, "100.5")).toEqual({ line: 17, col: 10 });
    expect(checkText(text, "en").findings).toEqual([
      {
        code: "score-total",
        severity: "error",
        message: "the self-assessed score 100.5 exceeds the full mark 100",
        file: "test.yaml",
        path: "/evaluation/score",
        pos: { line: 17, col: 10, endCol: 14 },
        expected: "≤ 100",
        actual: "100.5",
      },
    ]);
    expect(checkText(text, "zh").findings.map((f) => f.message)).toEqual(["自评得分 100.5 超过满分 100"]);
  });

  it("exactly 100 is full marks, not above them", () => {
    expect(checkText(evaluation("  score: 100\n")).findings).toEqual([]);
  });

  it("with a scorecard, full marks are Σ weights: 105 of 100 is an error at the scorecard (next to the row over its weight)", () => {
    const text = evaluation(
      "  scorecard:\n    - { level1: 投入, level2: 预算执行, level3: 预算完成率, weight: 50, score: 60 }\n    - { level1: 产出, level2: 数量, level3: 数量, weight: 50, score: 45 }\n",
    );
    const findings = checkText(text, "en").findings;
    expect(findings.map(brief)).toEqual([
      { code: "score-total", severity: "error", line: 18, col: 5, path: "/evaluation/scorecard" },
      { code: "score-weight", severity: "error", line: 18, col: where(text, "score: 60").col + 7, path: "/evaluation/scorecard/0/score" },
    ]);
    expect(findings.map((f) => [f.message, f.expected, f.actual])).toEqual([
      ["the self-assessed score 105 exceeds the full mark 100", "≤ 100", "105"],
      ["预算完成率: score 60 exceeds its weight 50", undefined, undefined],
    ]);
  });

  it("weights adding up to 110 make 105 no more than full marks (the weights are warned about instead)", () => {
    const text = evaluation(
      "  scorecard:\n    - { level1: 投入, level2: 预算执行, level3: 预算完成率, weight: 50, score: 50 }\n    - { level1: 产出, level2: 数量, level3: 数量, weight: 60, score: 55 }\n",
    );
    expect(checkText(text, "en").findings.map(brief)).toEqual([{ code: "score-weight", severity: "warning", line: 18, col: 5, path: "/evaluation/scorecard" }]);
  });
});
