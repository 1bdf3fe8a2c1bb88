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

describe("malformed placeholders: a stray {{ or }}", () => {
  it("{{x} (one closing brace missing) is an error at the stray {{, quoting the text around it", () => {
    const text = withText(`"见{{income.total}"`);
    expect(where(text, "{{")).toEqual({ line: 17, col: 27 });
    expect(checkText(text).findings).toEqual([
      {
        severity: "error",
        file: "test.yaml",
        path: "/narrative/basicSpendingPurpose",
        pos: { line: 17, col: 27, endCol: 28 },
        code: "placeholder",
        message: "a placeholder is written wrong: “见{{income.total}”; write {{id}}",
      },
    ]);
    expect(checkText(text, "zh").findings.map((f) => f.message)).toEqual(["引用写法有误：“见{{income.total}”；应写作 {{编号}}"]);
  });

  it("{x}} (one opening brace missing) is an error at the stray }}", () => {
    const text = withText(`"见{income.total}}"`);
    expect(where(text, "}}")).toEqual({ line: 17, col: 40 });
    const findings = checkText(text, "zh").findings;
    expect(findings.map(brief)).toEqual([{ code: "placeholder", severity: "error", line: 17, col: 40, path: "/narrative/basicSpendingPurpose" }]);
    expect(findings[0]!.pos!.endCol).toBe(41);
    // Up to 12 characters before the stray braces: here the id, from the start of the text after "见{".
    expect(findings[0]!.message).toBe("引用写法有误：“income.total}}”；应写作 {{编号}}");
  });

  it("a stray }} in plain text, and a stray {{ after a valid placeholder: each at its own braces", () => {
    const stray = withText(`"a}}b"`);
    expect(checkText(stray).findings.map((f) => [f.pos, f.message])).toEqual([[{ line: 17, col: 27, endCol: 28 }, "a placeholder is written wrong: “a}}b”; write {{id}}"]]);
    // "{{x}}和{{y": {{x}} is a placeholder (of an unknown figure); the second {{ is stray.
    const text = withText(`"{{x}}和{{y"`);
    expect(where(text, "{{", 1)).toEqual({ line: 17, col: 32 });
    expect(checkText(text).findings.map((f) => [f.severity, f.pos, f.message])).toEqual([
      ["error", { line: 17, col: 26, endCol: 30 }, "the text refers to an unknown figure “x”"],
      ["error", { line: 17, col: 32, endCol: 33 }, "a placeholder is written wrong: “{{x}}和{{y”; write {{id}}"],
    ]);
  });

  it("well-formed placeholders leave nothing stray", () => {
    expect(checkText(withText(`"{{income.total}}和{{ carryOver.total : 2 }}，{{income.total:n}}"`)).findings).toEqual([]);
  });
});

describe("a unit written after a placeholder that already prints it", () => {
  const STAFF = `${HEAD}  staffing:\n    staffInPost: 9\n${FINANCE}narrative:\n  basicSpendingPurpose: `;

  it("{{staff.inPost}}人 is a warning at the placeholder, suggesting {{staff.inPost:n}}", () => {
    const text = `${STAFF}"在职{{staff.inPost}}人"\n`;
    expect(where(text, "{{staff.inPost}}")).toEqual({ line: 19, col: 28 });
    expect(checkText(text, "zh").findings).toEqual([
      {
        severity: "warning",
        file: "test.yaml",
        path: "/narrative/basicSpendingPurpose",
        pos: { line: 19, col: 28, endCol: 43 },
        code: "placeholder",
        message: "{{staff.inPost}} 已带单位“人”，后面又写了“人”，报告中会重复；只要数字请写 {{staff.inPost:n}}",
      },
    ]);
    expect(checkText(text, "en").findings.map((f) => f.message)).toEqual([
      "{{staff.inPost}} already prints its unit “人”, and “人” follows it: the report would say it twice; write {{staff.inPost:n}} for the bare number",
    ]);
  });

  it("an amount followed by its display unit (万元), also with a decimals spec; each occurrence is reported", () => {
    const text = withText(`"{{income.total}}万元，{{income.total:1}}万元"`);
    expect(checkText(text).findings.map((f) => [f.severity, f.code, f.pos])).toEqual([
      ["warning", "placeholder", { line: 17, col: 26, endCol: 41 }],
      ["warning", "placeholder", { line: 17, col: 45, endCol: 62 }],
    ]);
  });

  it("an indicator's unit: {{schools}}所 and {{schools.target}}所", () => {
    const text = `${HEAD}${FINANCE}achievements:\n  - title: 学校\n    text: 建成{{schools}}所，目标{{schools.target}}所\n    indicators:\n      - { id: schools, name: 学校, unit: 所, target: 12, actual: 12 }\n`;
    expect(checkText(text, "zh").findings.map((f) => [f.severity, f.pos, f.message])).toEqual([
      ["warning", { line: 18, col: 13, endCol: 23 }, "{{schools}} 已带单位“所”，后面又写了“所”，报告中会重复；只要数字请写 {{schools:n}}"],
      ["warning", { line: 18, col: 28, endCol: 45 }, "{{schools.target}} 已带单位“所”，后面又写了“所”，报告中会重复；只要数字请写 {{schools.target:n}}"],
    ]);
  });

  it("the bare number ({{id:n}}) followed by its unit, or a placeholder followed by other text, is no finding", () => {
    expect(checkText(`${STAFF}"在职{{staff.inPost:n}}人"\n`).findings).toEqual([]);
    expect(checkText(withText(`"{{income.total:n}}万元"`)).findings).toEqual([]);
    expect(checkText(withText(`"{{income.total}}，增长"`)).findings).toEqual([]);
  });
});
