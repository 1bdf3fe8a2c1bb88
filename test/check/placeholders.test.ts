/**
 * The placeholder rule: every {{id}} / {{id:spec}} in the prose names a figure that exists,
 * with a valid spec, and that can be computed; each finding points at the placeholder itself.
 */
import { describe, expect, it } from "vitest";
import { brief, checkFixture, checkText, fixtureText, HEAD, where } from "../helpers/reconcile.js";

const FINANCE = `finance:\n  income:\n    sources:\n      - { id: appropriation, name: 财政拨款收入, amount: 100 }\n  expenditure:\n    basic:\n      personnel: 50\n      public: 10\n    project: 30\n`;
const withText = (text: string) => `${HEAD}${FINANCE}narrative:\n  basicSpendingPurpose: ${text}\n`;

describe("fixtures/check/placeholders.yaml", () => {
  const name = "placeholders.yaml";
  const text = fixtureText(name);
  const en = checkFixture(name, "en");

  it("reports the unknown id, the bad spec and the uncomputable figure at the placeholder's own line:col", () => {
    expect(en.findings).toEqual([
      {
        severity: "error",
        file: "fixtures/check/placeholders.yaml",
        path: "/narrative/spendingDirections",
        pos: { line: 19, col: 55, endCol: 84 },
        code: "placeholder",
        message: "the text refers to an unknown figure “expenditure.basic.personel”",
        hint: "did you mean “expenditure.basic.personnel”?",
      },
      {
        severity: "error",
        file: "fixtures/check/placeholders.yaml",
        path: "/narrative/basicSpendingPurpose",
        pos: { line: 20, col: 51, endCol: 81 },
        code: "placeholder",
        message: "placeholder format “abc” is invalid: use n (number only) or 0–6 (decimals)",
      },
      {
        severity: "error",
        file: "fixtures/check/placeholders.yaml",
        path: "/narrative/projectSpendingPurpose",
        pos: { line: 23, col: 9, endCol: 25 },
        code: "placeholder",
        message: "the text refers to “income.growth”, which cannot be computed (the prior year is zero; growth is undefined)",
      },
    ]);
  });

  it("the positions are where the placeholders are written (plain, double-quoted and block scalars)", () => {
    const span = (raw: string) => {
      const at = where(text, raw);
      return { line: at.line, col: at.col, endCol: at.col + raw.length - 1 };
    };
    expect(en.findings.map((f) => f.pos)).toEqual([
      span("{{expenditure.basic.personel}}"),
      span("{{expenditure.basic.share:abc}}"),
      span("{{income.growth}}"),
    ]);
    // The valid ones ({{expenditure.total}}, {{income.total:n}}, {{ carryOver.total : 2 }}) give nothing.
    expect(en.findings.some((f) => f.pos!.col === where(text, "{{expenditure.total}}").col && f.pos!.line === 19)).toBe(false);
  });

  it("in Chinese", () => {
    const zh = checkFixture(name, "zh");
    expect(zh.findings.map((f) => [f.message, f.hint])).toEqual([
      ["文字引用了不存在的数字“expenditure.basic.personel”", "是否想写“expenditure.basic.personnel”？"],
      ["引用格式“abc”无效：只能是 n（只写数字）或 0–6（小数位数）", undefined],
      ["文字引用的“income.growth”无法计算（上年为零，增长率无意义）", undefined],
    ]);
  });
});

describe("placeholder specs and ids", () => {
  it("{{x:abc}} with an unknown x is reported as unknown, without a guess when nothing is close", () => {
    const text = withText("见{{x:abc}}");
    const findings = checkText(text).findings;
    expect(findings.map(brief)).toEqual([{ code: "placeholder", severity: "error", line: 17, col: 26, path: "/narrative/basicSpendingPurpose" }]);
    expect(where(text, "{{x:abc}}")).toEqual({ line: 17, col: 26 });
    expect(findings[0]!.message).toBe("the text refers to an unknown figure “x”");
    expect(findings[0]!.hint).toBeUndefined();
  });

  it("valid specs: none, n, 0 … 6; invalid: 7, 2.5, -1, N", () => {
    for (const spec of ["", ":n", ":0", ":1", ":2", ":6"]) {
      expect(checkText(withText(`"{{income.total${spec}}}"`)).findings, spec).toEqual([]);
    }
    for (const spec of ["7", "2.5", "-1", "N", "nn"]) {
      const findings = checkText(withText(`"{{income.total:${spec}}}"`)).findings;
      expect(findings.map((f) => f.message), spec).toEqual([`placeholder format “${spec}” is invalid: use n (number only) or 0–6 (decimals)`]);
    }
  });

  it("a figure whose input is missing cannot be placed; a text figure (the grade) can", () => {
    const text = `${HEAD}${FINANCE}narrative:\n  basicSpendingPurpose: "{{score.grade}}"\nevaluation:\n  score: 91\n`;
    expect(checkText(text).findings).toEqual([]);
    expect(checkText(text).model.figures.get("score.grade")!.text).toBe("优秀");
  });

  it("placeholders in indicator and achievement text are checked too", () => {
    const text = `${HEAD}${FINANCE}achievements:\n  - title: 标题{{nope.target}}\n    text: 完成{{cloud.completion}}\n    indicators:\n      - { id: cloud, name: 上云, unit: 家, target: 100, actual: 120 }\n`;
    const findings = checkText(text).findings;
    expect(findings.map(brief)).toEqual([{ code: "placeholder", severity: "error", line: 17, col: 14, path: "/achievements/0/title" }]);
    expect(where(text, "{{nope.target}}")).toEqual({ line: 17, col: 14 });
  });

  it("the same unknown placeholder twice in one string is reported twice, each at its own column", () => {
    // "{{nope}}和{{nope}}": the first at col 26, the second at col 35.
    const text = withText(`"{{nope}}和{{nope}}"`);
    expect(where(text, "{{nope}}", 0)).toEqual({ line: 17, col: 26 });
    expect(where(text, "{{nope}}", 1)).toEqual({ line: 17, col: 35 });
    const findings = checkText(text).findings;
    expect(findings).toHaveLength(2);
    expect(findings.map((f) => f.pos)).toEqual([
      { line: 17, col: 26, endCol: 33 },
      { line: 17, col: 35, endCol: 42 },
    ]);
    expect(findings.map((f) => [f.code, f.path, f.message])).toEqual([
      ["placeholder", "/narrative/basicSpendingPurpose", "the text refers to an unknown figure “nope”"],
      ["placeholder", "/narrative/basicSpendingPurpose", "the text refers to an unknown figure “nope”"],
    ]);
  });

  it("a third occurrence, after a valid placeholder in between, is at its own column too", () => {
    const text = withText(`"{{nope}}{{income.total}}{{nope}}，{{nope}}"`);
    const at = [0, 1, 2].map((n) => where(text, "{{nope}}", n));
    expect(at).toEqual([
      { line: 17, col: 26 },
      { line: 17, col: 50 },
      { line: 17, col: 59 },
    ]);
    expect(checkText(text).findings.map((f) => f.pos)).toEqual(at.map((p) => ({ ...p, endCol: p.col + "{{nope}}".length - 1 })));
  });

  it("columns count characters: a character outside the BMP (𠀀, two UTF-16 units) before a placeholder is one column", () => {
    const text = withText(`"𠀀{{nope}}"`);
    expect(where(text, "{{nope}}")).toEqual({ line: 17, col: 27 });
    expect(checkText(text).findings.map((f) => f.pos)).toEqual([{ line: 17, col: 27, endCol: 34 }]);
  });
});
