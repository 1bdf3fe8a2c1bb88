/**
 * Indicator formulas (the small + − × ÷ language) and indicator ids: syntax errors, unknown
 * ids, cycles, exact evaluation, duplicate and reserved ids, targetOf.
 */
import { describe, expect, it } from "vitest";
import { checkIds, parseSource, validateSchema } from "../helpers/worded.js";
import { eq, q } from "../helpers/exact.js";
import { brief, checkText, HEAD, parseSchemaValid, where } from "../helpers/reconcile.js";

const FINANCE = `finance:\n  income:\n    sources:\n      - { name: 财政拨款收入, amount: 100 }\n  expenditure:\n    basic:\n      personnel: 50\n      public: 10\n    project: 30\n`;
/** Indicators start on line 19 (HEAD 1–6, FINANCE 7–15, achievements/title/indicators 16–18). */
const indicators = (...rows: string[]) => `${HEAD}${FINANCE}achievements:\n  - title: 指标\n    indicators:\n${rows.map((r) => `      - ${r}\n`).join("")}`;
const A = "{ id: a, name: 甲, unit: 家, actual: 290.51 }";
const B = "{ id: b, name: 乙, unit: 家, actual: 99.97 }";

describe("indicator formulas", () => {
  it("evaluate exactly: a − b, a + b + 1, (a − b) × 2 ÷ 4, with ASCII or maths operators", () => {
    const text = indicators(
      A,
      B,
      `{ id: d1, name: 差, formula: "a - b" }`,
      `{ id: d2, name: 差2, formula: "a − b" }`,
      `{ id: s, name: 和, formula: "a + b + 1" }`,
      `{ id: m, name: 积, formula: "(a − b) × 2 ÷ 4" }`,
      `{ id: n, name: 负, formula: "-a * 2 / 4 + b" }`,
      `{ id: d3, name: 差3, formula: "a-b" }`,
    );
    const result = checkText(text);
    expect(result.findings).toEqual([]);
    const value = (id: string) => q(result.model.figures.get(id)!.value!.toString());
    expect(eq(value("d1"), q("190.54"))).toBe(true);
    expect(eq(value("d2"), q("190.54"))).toBe(true);
    expect(eq(value("s"), q("391.48"))).toBe(true);
    expect(eq(value("m"), q("95.27"))).toBe(true); // 190.54 × 2 ÷ 4
    expect(eq(value("n"), q("-45.285"))).toBe(true); // −290.51 × 2 ÷ 4 + 99.97 = −145.255 + 99.97
    // Ids cannot contain "-": without spaces "a-b" is still a − b.
    expect(eq(value("d3"), q("190.54"))).toBe(true);
    expect(result.model.figures.get("d3")!.inputs).toEqual(["a", "b"]);
    expect(result.model.figures.get("s")!.inputs).toEqual(["a", "b"]);
    expect(result.model.figures.get("s")!.formula).toBe("a + b + 1");
  });

  it("sums and differences of measures keep the most decimals of their parts", () => {
    const C = "{ id: c, name: 丙, unit: 家, actual: 99.9 }";
    const text = indicators(A, C, `{ id: s, name: 和, formula: "a + c" }`, `{ id: d, name: 差, formula: "c − a" }`, `{ id: k, name: 整, formula: "c + 1" }`);
    const result = checkText(text);
    expect(result.findings).toEqual([]);
    const figure = (id: string) => result.model.figures.get(id)!;
    // 290.51 (2 decimals) + 99.9 (1 decimal) = 390.41, kept at 2 decimals, not rounded to 1.
    expect([figure("s").value!.toString(), figure("s").dp, figure("s").kind]).toEqual(["390.41", 2, "measure"]);
    expect([figure("d").value!.toString(), figure("d").dp]).toEqual(["-190.61", 2]);
    expect([figure("k").value!.toString(), figure("k").dp]).toEqual(["100.9", 1]);
  });

  it("a stated formula indicator that does not reconcile is reported under rule “formula”", () => {
    const C = "{ id: c, name: 丙, unit: 家, actual: 99.9 }";
    const text = `${indicators(A, C, `{ id: d, name: 差, formula: "a-c" }`)}stated:\n  d: 190.62\n`;
    expect(where(text, "190.62")).toEqual({ line: 23, col: 6 });
    expect(checkText(text).findings).toEqual([
      {
        severity: "error",
        file: "test.yaml",
        path: "/stated/d",
        pos: { line: 23, col: 6, endCol: 11 },
        code: "formula",
        message: "差: stated 190.62, computed 190.61",
        actual: "190.62",
        expected: "190.61",
        diff: "0.01",
        tolerance: "2 decimals as written, half-up: the computed value must lie in [190.615, 190.625)",
        formula: "a-c = 290.51-99.9",
      },
    ]);
    expect(checkText(text).model.figures.get("d")!.rule).toBe("formula");
  });

  it("a formula may use another formula indicator defined after it", () => {
    const text = indicators(`{ id: total, name: 合计, formula: "part + 1" }`, `{ id: part, name: 部分, formula: "a + b" }`, A, B);
    const result = checkText(text);
    expect(result.findings).toEqual([]);
    expect(result.model.figures.get("total")!.value!.toString()).toBe("391.48");
  });

  it("a syntax error is an indicator.formula error at the formula, naming the character", () => {
    const text = indicators(A, `{ id: y, name: 乙, formula: "a + (" }`, `{ id: z, name: 丙, formula: "a ++ )" }`, `{ id: w, name: 丁, formula: "a b" }`);
    const findings = checkText(text).findings;
    expect(findings.map(brief)).toEqual([
      { code: "indicator.formula", severity: "error", line: 20, col: where(text, `"a + ("`).col, path: "/achievements/0/indicators/1/formula" },
      { code: "indicator.formula", severity: "error", line: 21, col: where(text, `"a ++ )"`).col, path: "/achievements/0/indicators/2/formula" },
      { code: "indicator.formula", severity: "error", line: 22, col: where(text, `"a b"`).col, path: "/achievements/0/indicators/3/formula" },
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "formula error (at character 6): unexpected end", // "a + (" has 5 characters; the 6th is missing
      "formula error (at character 4): unexpected “+”",
      "formula error (at character 3): unexpected “b”",
    ]);
    expect(where(text, `"a + ("`)).toEqual({ line: 20, col: 36 });
    expect(findings[0]!.pos!.endCol).toBe(36 + `"a + ("`.length - 1);
    // The indicator gets no figure.
    expect(checkText(text).model.figures.has("y")).toBe(false);
  });

  it("an unknown id is an indicator.formula error naming it", () => {
    const text = indicators(A, `{ id: z, name: 丙, formula: "a + nope" }`);
    const result = checkText(text, "zh");
    expect(result.findings.map(brief)).toEqual([{ code: "indicator.formula", severity: "error", line: 20, col: 36, path: "/achievements/0/indicators/1/formula" }]);
    expect(result.findings[0]!.message).toBe("计算式引用了不存在的编号“nope”");
    expect(checkText(text, "en").findings[0]!.message).toBe("formula refers to an unknown id “nope”");
  });

  it("a formula that refers to itself is a cycle", () => {
    const text = indicators(`{ id: p, name: 丁, formula: "p + 1" }`);
    const findings = checkText(text).findings;
    expect(findings.map(brief)).toEqual([{ code: "indicator.formula", severity: "error", line: 19, col: 36, path: "/achievements/0/indicators/0/formula" }]);
    expect(findings[0]!.message).toBe("formula refers to “p” in a cycle");
  });

  it("a two-indicator cycle: both indicators report it, once each, at their own formula", () => {
    const text = indicators(`{ id: p, name: 丁, formula: "q * 2" }`, `{ id: q, name: 戊, formula: "p + 1" }`);
    const findings = checkText(text).findings;
    expect(findings.map(brief)).toEqual([
      { code: "indicator.formula", severity: "error", line: 19, col: 36, path: "/achievements/0/indicators/0/formula" },
      { code: "indicator.formula", severity: "error", line: 20, col: 36, path: "/achievements/0/indicators/1/formula" },
    ]);
    expect(findings.map((f) => f.pos!.endCol)).toEqual([36 + `"q * 2"`.length - 1, 36 + `"p + 1"`.length - 1]);
    expect(findings[1]!.message).toBe("formula refers to “p” in a cycle");
  });

  it("in a two-indicator cycle each indicator names the other as the cycle (not as an unknown id)", () => {
    // p = q × 2, q = p + 1: q closes the cycle on p, and p, whose q failed because of it, is
    // in the cycle too.
    const text = indicators(`{ id: p, name: 丁, formula: "q * 2" }`, `{ id: q, name: 戊, formula: "p + 1" }`);
    expect(checkText(text).findings.map((f) => f.message)).toEqual(["formula refers to “q” in a cycle", "formula refers to “p” in a cycle"]);
    expect(checkText(text, "zh").findings.map((f) => f.message)).toEqual(["计算式循环引用“q”", "计算式循环引用“p”"]);
    expect(checkText(text).model.figures.has("p")).toBe(false);
    expect(checkText(text).model.figures.has("q")).toBe(false);
  });

  it("a formula using an indicator that failed for another reason says so, once, and the failure itself is reported once", () => {
    // y has a syntax error; u = y + 1 cannot be computed because of it; r = p + 1 uses p of
    // the p ⇄ q cycle but is not in the cycle itself.
    const text = indicators(
      `{ id: y, name: 乙, formula: "a + (" }`,
      `{ id: u, name: 庚, formula: "y + 1" }`,
      `{ id: p, name: 丁, formula: "q * 2" }`,
      `{ id: q, name: 戊, formula: "p + 1" }`,
      `{ id: r, name: 己, formula: "p + 1" }`,
    );
    const en = checkText(text).findings;
    expect(en.map(brief)).toEqual([
      { code: "indicator.formula", severity: "error", line: 19, col: 36, path: "/achievements/0/indicators/0/formula" },
      { code: "indicator.formula", severity: "error", line: 20, col: 36, path: "/achievements/0/indicators/1/formula" },
      { code: "indicator.formula", severity: "error", line: 21, col: 36, path: "/achievements/0/indicators/2/formula" },
      { code: "indicator.formula", severity: "error", line: 22, col: 36, path: "/achievements/0/indicators/3/formula" },
      { code: "indicator.formula", severity: "error", line: 23, col: 36, path: "/achievements/0/indicators/4/formula" },
    ]);
    expect(en.map((f) => f.message)).toEqual([
      "formula error (at character 6): unexpected end",
      "formula refers to “y”, which cannot be computed itself",
      "formula refers to “q” in a cycle",
      "formula refers to “p” in a cycle",
      "formula refers to “p”, which cannot be computed itself",
    ]);
    expect(checkText(text, "zh").findings.map((f) => f.message)).toEqual([
      "计算式有误（第 6 个字符）：计算式不完整",
      "计算式引用的“y”本身无法计算",
      "计算式循环引用“q”",
      "计算式循环引用“p”",
      "计算式引用的“p”本身无法计算",
    ]);
  });

  it("a formula dividing by zero leaves the figure uncomputable and is an error at the formula; stating it is a warning (issue 11 item 8)", () => {
    const text = `${indicators(A, `{ id: zero, name: 零, actual: 0 }`, `{ id: r, name: 比, formula: "a / zero" }`)}stated:\n  r: 1\n`;
    const result = checkText(text);
    expect(result.model.figures.get("r")!.value).toBeNull();
    expect(result.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      ["indicator.formula", "error", "formula divides by zero (the division at character 3)"],
      ["stated.not-computable", "warning", "“r” cannot be computed (the denominator is zero), so it cannot be checked"],
    ]);
  });
});

describe("indicator ids", () => {
  it("an id may not contain “-” (indicator, fund and income-source ids alike): a schema.pattern error at the id", () => {
    const text = indicators("{ id: a-b, name: 甲, unit: 家, actual: 1 }")
      .replace("{ name: 财政拨款收入, amount: 100 }", "{ id: fiscal-aid, name: 财政拨款收入, amount: 100 }")
      .replace("achievements:", "  specialFunds:\n    - { id: fund-1, name: 甲专项, allocated: 10 }\nachievements:");
    const parsed = parseSource({ file: "test.yaml", text }, "en");
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.findings));
    expect(parsed.findings).toEqual([]);
    const pattern = 'must match pattern "^[A-Za-z][A-Za-z0-9_]*$"';
    const findings = validateSchema(parsed.located, "en");
    expect(findings.map((f) => [f.code, f.message, f.path, f.pos])).toEqual([
      ["schema.pattern", pattern, "/finance/income/sources/0/id", { ...where(text, "fiscal-aid"), endCol: where(text, "fiscal-aid").col + "fiscal-aid".length - 1 }],
      ["schema.pattern", pattern, "/finance/specialFunds/0/id", { ...where(text, "fund-1"), endCol: where(text, "fund-1").col + "fund-1".length - 1 }],
      ["schema.pattern", pattern, "/achievements/0/indicators/0/id", { ...where(text, "a-b"), endCol: where(text, "a-b").col + "a-b".length - 1 }],
    ]);
  });

  it("a duplicate id is an error at the second one (naming the first); a reserved id (income) is an error; the dataset is unusable", () => {
    const text = indicators(A, `{ id: a, name: 甲2, actual: 1 }`, `{ id: income, name: 收入, actual: 1 }`);
    const findings = checkIds(parseSchemaValid(text), "en");
    expect(findings.map(brief)).toEqual([
      { code: "indicator.duplicate-id", severity: "error", line: 20, col: 15, path: "/achievements/0/indicators/1/id" },
      { code: "indicator.reserved-id", severity: "error", line: 21, col: 15, path: "/achievements/0/indicators/2/id" },
    ]);
    expect(findings.map((f) => f.message)).toEqual(["indicator id “a” is used twice", "indicator id “income” clashes with a reserved figure id"]);
    expect(findings[0]!.related).toEqual([{ file: "test.yaml", pos: { line: 19, col: 15 }, message: "“a” is first used here" }]);
    expect(() => checkText(text)).toThrow(/indicator\.duplicate-id/);
  });

  it("targetOf an unknown indicator is an error; targetOf a known one shares its target exactly", () => {
    const text = indicators(
      "{ id: year, name: 全年, unit: 亿元, target: 2.65, actual: 3.97 }",
      "{ id: full, name: 预计, unit: 亿元, targetOf: year, actual: 4.53 }",
      "{ id: lost, name: 无, unit: 亿元, targetOf: yaer, actual: 1 }",
    );
    const result = checkText(text);
    expect(result.findings.map(brief)).toEqual([{ code: "indicator.target-of", severity: "error", line: 21, col: where(text, "yaer").col, path: "/achievements/0/indicators/2/targetOf" }]);
    expect(result.findings[0]!.message).toBe("targetOf names an unknown indicator “yaer”");
    const full = result.model.figures.get("full.completion")!;
    expect([full.ratio!.num.toString(), full.ratio!.den.toString()]).toEqual(["4.53", "2.65"]);
    expect(result.model.figures.has("lost.completion")).toBe(false);
  });
});
