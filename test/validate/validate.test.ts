import { Ajv } from "ajv";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RenderedFinding as Finding } from "../../src/findings/render.js";
import type { Lang } from "../../src/i18n/lang.js";
import { parseSource, validateSchema } from "../helpers/worded.js";
import { valid } from "../helpers/fixtures.js";

const MINIMAL = readFileSync(valid("minimal.yaml"), "utf8");

/**
 * Parse + schema, as loadDataset does after reading: [code, message, path, pos, hint]. One
 * finding per value, as there: a leading-zero number the schema reports itself (00123 where
 * text belongs) is left to the schema; any other value the loader refused is not reported
 * again by the schema.
 */
function check(text: string, lang: Lang = "zh") {
  const parsed = parseSource({ file: "t.yaml", text }, lang);
  if (!parsed.ok) throw new Error(`not parsed: ${JSON.stringify(parsed.findings)}`);
  const schema = validateSchema(parsed.located, lang);
  const schemaPaths = new Set(schema.map((f) => f.path));
  const loader = parsed.findings.filter((f) => f.code !== "load.number-leading-zero" || !schemaPaths.has(f.path));
  const refused = new Set(loader.map((f) => f.path));
  const findings: Finding[] = [...loader, ...schema.filter((f) => !refused.has(f.path))];
  for (const f of findings) {
    expect(f.file).toBe("t.yaml");
    expect(f.severity).toBe("error");
  }
  return findings.map((f) => [f.code, f.message, f.path, f.pos, f.hint]);
}

const replace = (from: string, to: string): string => {
  expect(MINIMAL).toContain(from);
  return MINIMAL.replace(from, to);
};
const project = (value: string) => replace("project: 30", `project: ${value}`);
const PROJECT = "/finance/expenditure/project";

describe("validateSchema", () => {
  it("the minimal dataset is valid", () => {
    expect(check(MINIMAL)).toEqual([]);
    expect(check(MINIMAL, "en")).toEqual([]);
  });

  it("a dataset using optional sections is valid", () => {
    const text = `${MINIMAL}settings:\n  amountUnit: 元\n  rounding: half-even\n  amountDecimals: exact\n  gradeBands:\n    - {grade: 优秀, min: 90}\nstated:\n  income.total: 100\n  expenditure.total: {value: 90, tolerance: 0.5}\n`;
    expect(check(text)).toEqual([]);
  });

  it("amountDecimals is exact, significant or an integer 0–6", () => {
    for (const value of ["exact", "significant", "0", "2", "6"]) {
      expect(check(`${MINIMAL}settings:\n  amountDecimals: ${value}\n`), value).toEqual([]);
    }
  });

  describe("type hints for numbers written as text", () => {
    it.each([
      ["'5,296'", 20, "数字中不要用千位分隔符或引号，写成 5296"],
      ['"5,296.50"', 23, "数字中不要用千位分隔符或引号，写成 5296.50"],
      ["5 296", 18, "数字中不要用千位分隔符或引号，写成 5296"],
      ["1_000", 18, "数字中不要用千位分隔符或引号，写成 1000"],
      ["５，２９６．５", 20, "数字用了全角字符，请改用半角：5296.5"],
      ["－３０", 16, undefined], // a full-width minus is not converted: no hint
      ["0b101", 18, undefined],
      ["三十", 15, undefined],
      ["30万", 16, undefined],
    ])("project: %s", (value, endCol, hint) => {
      expect(check(project(value))).toEqual([["schema.type", "应当是数值类型", PROJECT, { line: 16, col: 14, endCol }, hint]]);
    });

    it("in English", () => {
      expect(check(project("５，２９６"), "en")).toEqual([
        ["schema.type", "must be number", PROJECT, { line: 16, col: 14, endCol: 18 }, "the number uses full-width characters; use ASCII digits: 5296"],
      ]);
      expect(check(project("'5,296'"), "en")).toEqual([
        ["schema.type", "must be number", PROJECT, { line: 16, col: 14, endCol: 20 }, "write numbers without thousands separators or quotes: 5296"],
      ]);
    });

    it("an empty value and ~ are null: the wrong type, at the place the value would be", () => {
      expect(check(project("").trimEnd() + "\n")).toEqual([["schema.type", "应当是数值类型", PROJECT, { line: 16, col: 13 }, undefined]]);
      expect(check(project("~"))).toEqual([["schema.type", "应当是数值类型", PROJECT, { line: 16, col: 14 }, undefined]]);
    });
  });

  describe("type hints for text written as a number", () => {
    it("a code with leading zeros: the schema's finding with its hint to quote, not also the loader's leading-zero finding", () => {
      expect(check(replace("  name: 测试局\n", "  name: 测试局\n  contact: {phone: 07461234567}\n"), "en")).toEqual([
        [
          "schema.type",
          "must be string",
          "/unit/contact/phone",
          { line: 3, col: 20, endCol: 30 },
          'unquoted, 07461234567 is read as the number 7461234567 and loses its leading zeros; write "07461234567"',
        ],
      ]);
    });

    it("a number without leading zeros", () => {
      expect(check(replace("  name: 测试局\n", "  name: 测试局\n  code: 430100\n"))).toEqual([
        ["schema.type", "应当是文本类型", "/unit/code", { line: 3, col: 9, endCol: 14 }, '文字请加引号书写，例如 "430100"'],
      ]);
    });

    it("a leading zero where a number belongs is the loader's finding, once: 0588 is likely a typo", () => {
      expect(check(project("0588"))).toEqual([
        ["load.number-leading-zero", "数字“0588”以 0 开头，可能是笔误；金额和数量请去掉前导零，编码请加引号", PROJECT, { line: 16, col: 14, endCol: 17 }, undefined],
      ]);
      expect(check(project("0588"), "en")).toEqual([
        [
          "load.number-leading-zero",
          "number “0588” starts with 0, which is likely a typo; drop the leading zero from amounts and counts, quote codes",
          PROJECT,
          { line: 16, col: 14, endCol: 17 },
          undefined,
        ],
      ]);
    });

    it("a boolean where text is required: no hint", () => {
      expect(check(replace("name: 测试局", "name: true"))).toEqual([["schema.type", "应当是文本类型", "/unit/name", { line: 2, col: 9, endCol: 12 }, undefined]]);
    });
  });

  it("names JSON types in Chinese", () => {
    expect(check(`${MINIMAL}settings:\n  thousandsSeparator: "yes"\n`)).toEqual([
      ["schema.type", "应当是布尔值（true/false）类型", "/settings/thousandsSeparator", { line: 18, col: 23, endCol: 27 }, undefined],
    ]);
    expect(check(replace("  duties:\n    - 负责测试\n", "  duties: 负责测试\n"))).toEqual([
      ["schema.type", "应当是列表类型", "/profile/duties", { line: 5, col: 11, endCol: 14 }, undefined],
    ]);
    expect(check(replace("year: 2020", "year: 2020.5"))).toEqual([["schema.type", "应当是整数类型", "/year", { line: 3, col: 7, endCol: 12 }, undefined]]);
  });

  describe("unknown properties", () => {
    it("a wrongly capitalised key suggests the right one, reported once (not also as the missing unit)", () => {
      expect(check(replace("unit:", "Unit:"))).toEqual([
        ["schema.additional-property", "不允许有属性“Unit”", "/Unit", { line: 1, col: 1, endCol: 4 }, "是否想写“unit”？"],
      ]);
      expect(check(replace("unit:", "Unit:"), "en")).toEqual([
        ["schema.additional-property", "property “Unit” is not allowed", "/Unit", { line: 1, col: 1, endCol: 4 }, "did you mean “unit”?"],
      ]);
    });

    it("a key far from every allowed one lists the allowed ones", () => {
      expect(check(replace("    project: 30\n", "    project: 30\n    other: 1\n"), "en")).toEqual([
        [
          "schema.additional-property",
          "property “other” is not allowed",
          "/finance/expenditure/other",
          { line: 17, col: 5, endCol: 9 },
          "properties allowed here: basic, project, projectPrior, prior",
        ],
      ]);
    });

    it("a key with / and ~ is escaped in the path and still located", () => {
      expect(check(`${MINIMAL}a/b~c: 1\n`, "en")).toEqual([
        [
          "schema.additional-property",
          "property “a/b~c” is not allowed",
          "/a~1b~0c",
          { line: 17, col: 1, endCol: 5 },
          "properties allowed here: unit, year, title, prior, settings, profile, finance, documents, narrative, achievements, evaluation, stated",
        ],
      ]);
    });

    it("a thousands separator inside { } splits the number: the key it leaves (650.5) gets a hint about separators", () => {
      const text = replace("      - name: 财政拨款收入\n        amount: 100\n", "      - { name: 财政拨款收入, amount: 8,650.5 }\n");
      // "      - { name: 财政拨款收入, amount: 8," is 34 characters: 650.5 at columns 35–39.
      expect(check(text)).toEqual([
        [
          "schema.additional-property",
          "不允许有属性“650.5”",
          "/finance/income/sources/0/650.5",
          { line: 10, col: 35, endCol: 39 },
          "数字中不要用千位分隔符：在 { } 里，8,650.5 中的逗号会把数字拆成两项",
        ],
      ]);
      expect(check(text, "en")).toEqual([
        [
          "schema.additional-property",
          "property “650.5” is not allowed",
          "/finance/income/sources/0/650.5",
          { line: 10, col: 35, endCol: 39 },
          "no thousands separators in numbers: inside { }, the comma in 8,650.5 splits it in two",
        ],
      ]);
    });

    it("a merge key << is an ordinary (unknown) key: merges are off", () => {
      // personnel and public are optional (missing means missing): only the unknown key is reported.
      const text = replace("    basic:\n      personnel: 50\n      public: 10\n", "    basic:\n      <<: {personnel: 50, public: 10}\n");
      expect(check(text, "en")).toEqual([
        [
          "schema.additional-property",
          "property “<<” is not allowed",
          "/finance/expenditure/basic/<<",
          { line: 14, col: 7, endCol: 8 },
          "properties allowed here: personnel, public, prior",
        ],
      ]);
    });
  });

  describe("required properties", () => {
    it("an empty mapping reports every missing property, at its key", () => {
      const text = replace("      - name: 财政拨款收入\n        amount: 100\n", "      - {}\n");
      expect(check(text)).toEqual([
        ["schema.required", "缺少必填属性“name”", "/finance/income/sources/0", { line: 10, col: 9, endCol: 10 }, undefined],
        ["schema.required", "缺少必填属性“amount”", "/finance/income/sources/0", { line: 10, col: 9, endCol: 10 }, undefined],
      ]);
    });

    it("an empty basic expenditure is no finding: every part of finance is optional (missing means missing)", () => {
      expect(check(replace("    basic:\n      personnel: 50\n      public: 10\n", "    basic: {}\n"))).toEqual([]);
    });

    it("the endCol of a one-line block mapping is its last character, not the newline after it", () => {
      expect(check("title: 报告\n")[0]![3]).toEqual({ line: 1, col: 1, endCol: 9 });
    });

    it("in a list item, at the item", () => {
      expect(check(`${MINIMAL}settings:\n  gradeBands:\n    - {grade: 优秀}\n`, "en")).toEqual([
        ["schema.required", "missing required property “min”", "/settings/gradeBands/0", { line: 19, col: 7, endCol: 17 }, undefined],
      ]);
    });

    it("the two required top-level properties of an otherwise almost empty mapping (profile and finance are optional)", () => {
      // A one-line block mapping: endCol 9 is its last character, "告" of "title: 报告" (9 characters).
      expect(check("title: 报告\n")).toEqual(
        ["unit", "year"].map((name) => ["schema.required", `缺少必填属性“${name}”`, "", { line: 1, col: 1, endCol: 9 }, undefined]),
      );
    });
  });

  describe("alternatives (oneOf)", () => {
    it("one finding for the alternative, listing what each branch would accept (an enum branch as its values)", () => {
      expect(check(`${MINIMAL}settings:\n  amountDecimals: 7\n`, "en")).toEqual([
        ["schema.oneOf", 'not accepted: "exact", "significant"; or must be <= 6', "/settings/amountDecimals", { line: 18, col: 19 }, undefined],
      ]);
      expect(check(`${MINIMAL}settings:\n  amountDecimals: x\n`)).toEqual([
        ["schema.oneOf", '不符合要求："exact"、"significant"；或应当是整数类型', "/settings/amountDecimals", { line: 18, col: 19 }, undefined],
      ]);
    });

    it("amountDecimals: auto is gone: a oneOf finding at the value, in both languages", () => {
      // "  amountDecimals: " is 18 characters: auto at columns 19–22.
      expect(check(`${MINIMAL}settings:\n  amountDecimals: auto\n`, "en")).toEqual([
        ["schema.oneOf", 'not accepted: "exact", "significant"; or must be integer', "/settings/amountDecimals", { line: 18, col: 19, endCol: 22 }, undefined],
      ]);
      expect(check(`${MINIMAL}settings:\n  amountDecimals: auto\n`)).toEqual([
        ["schema.oneOf", '不符合要求："exact"、"significant"；或应当是整数类型', "/settings/amountDecimals", { line: 18, col: 19, endCol: 22 }, undefined],
      ]);
    });

    it("a stated figure of the wrong type is one oneOf finding (the $ref branch's schema.type does not leak out as a second finding)", () => {
      expect(check(`${MINIMAL}stated:\n  income.total: 一百\n`, "en")).toEqual([
        ["schema.oneOf", "not accepted: must be number; or must be object", "/stated/income.total", { line: 18, col: 17, endCol: 18 }, undefined],
      ]);
    });

    it("a stated figure of the wrong type in Chinese: the same one finding", () => {
      expect(check(`${MINIMAL}stated:\n  income.total: 一百\n`, "zh")).toEqual([
        ["schema.oneOf", "不符合要求：应当是数值类型；或应当是映射（键: 值）类型", "/stated/income.total", { line: 18, col: 17, endCol: 18 }, undefined],
      ]);
    });

    it("a percentage written with % is one oneOf finding with a hint to drop the %", () => {
      // "  income.growth: " is 17 characters: 12.33% at columns 18–23.
      expect(check(`${MINIMAL}stated:\n  income.growth: 12.33%\n`)).toEqual([
        ["schema.oneOf", "不符合要求：应当是数值类型；或应当是映射（键: 值）类型", "/stated/income.growth", { line: 18, col: 18, endCol: 23 }, "百分比写成数字，不带 %：12.33"],
      ]);
      expect(check(`${MINIMAL}stated:\n  income.growth: 12.33%\n`, "en")).toEqual([
        ["schema.oneOf", "not accepted: must be number; or must be object", "/stated/income.growth", { line: 18, col: 18, endCol: 23 }, "write percentages as numbers, without %: 12.33"],
      ]);
      // Quoted, with a space and a full-width ％: the same hint, the number as written.
      expect(check(`${MINIMAL}stated:\n  income.growth: "12.33 ％"\n`)[0]![4]).toBe("百分比写成数字，不带 %：12.33");
    });
  });

  describe("alternatives in any schema (validateSchema with a schema of its own)", () => {
    const SCHEMA = {
      type: "object",
      properties: {
        mode: { oneOf: [{ const: "auto" }, { const: 1.5 }, { type: "integer", minimum: 0 }] },
        size: { anyOf: [{ enum: ["small", "large"] }, { type: "number" }] },
      },
    };
    const compiled = new Ajv({ allErrors: true, strict: true }).compile(SCHEMA);
    const own = { validate: () => compiled, at: () => ({}) };
    const run = (text: string, lang: Lang) => {
      const parsed = parseSource({ file: "t.yaml", text }, lang);
      if (!parsed.ok) throw new Error("not parsed");
      return validateSchema(parsed.located, lang, own).map((f) => [f.code, f.message, f.path]);
    };

    it("a const branch is its value as JSON; an enum branch its values, joined in the language's way", () => {
      expect(run("mode: x\nsize: medium\n", "en")).toEqual([
        ["schema.oneOf", 'not accepted: "auto"; or 1.5; or must be integer', "/mode"],
        ["schema.anyOf", 'not accepted: "small", "large"; or must be number', "/size"],
      ]);
      expect(run("mode: x\nsize: medium\n", "zh")).toEqual([
        ["schema.oneOf", '不符合要求："auto"；或1.5；或应当是整数类型', "/mode"],
        ["schema.anyOf", '不符合要求："small"、"large"；或应当是数值类型', "/size"],
      ]);
    });
  });

  describe("stated figure names (propertyNames)", () => {
    it("a bad figure name is one finding that names it", () => {
      const findings = check(`${MINIMAL}stated:\n  1bad: 3\n`, "en");
      expect(findings).toHaveLength(1);
      expect(findings[0]![1]).toContain("1bad");
    });

    it("a bad figure name: the finding, at the name itself, in both languages", () => {
      expect(check(`${MINIMAL}stated:\n  1bad: 3\n`, "en")).toEqual([
        [
          "schema.property-name",
          "“1bad” is not a valid figure id (ids look like income.growth: letters, digits and dots)",
          "/stated/1bad",
          { line: 18, col: 3, endCol: 6 },
          undefined,
        ],
      ]);
      expect(check(`${MINIMAL}stated:\n  1bad: 3\n`, "zh")).toEqual([
        ["schema.property-name", "“1bad”不是有效的图表编号（应当像 income.growth 这样，由字母、数字和点组成）", "/stated/1bad", { line: 18, col: 3, endCol: 6 }, undefined],
      ]);
    });
  });

  it("reports every error in the file, not only the first", () => {
    const text = MINIMAL.replace("year: 2020", "year: 1900")
      .replace("name: 财政拨款收入", "name: ''")
      .replace("personnel: 50", "personnel: -50")
      .replace("project: 30", "project: 三十");
    expect(check(text, "en")).toEqual([
      ["schema.minimum", "must be >= 1990", "/year", { line: 3, col: 7, endCol: 10 }, undefined],
      ["schema.minLength", "must NOT have fewer than 1 characters", "/finance/income/sources/0/name", { line: 10, col: 15, endCol: 16 }, undefined],
      ["schema.minimum", "must be >= 0", "/finance/expenditure/basic/personnel", { line: 14, col: 18, endCol: 20 }, undefined],
      ["schema.type", "must be number", PROJECT, { line: 16, col: 14, endCol: 15 }, undefined],
    ]);
    expect(check(text).map((f) => f[1])).toEqual(["应当为 >= 1990", "不应少于 1 个字符", "应当为 >= 0", "应当是数值类型"]);
  });
});
