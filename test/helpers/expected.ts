import type { SourcePos } from "../../src/findings/finding.js";

/**
 * What `loadDataset` must report for each file in test/fixtures/invalid/, in both languages.
 * Every value here was checked by hand against the fixture text: lines and columns are
 * 1-based and count characters (a CJK character is one column).
 */
export interface ExpectedFinding {
  code: string;
  pos?: SourcePos;
  path?: string;
  zh: string;
  en: string;
  hint?: { zh: string; en: string };
}

export interface FixtureCase {
  /** File name under test/fixtures/invalid/. */
  file: string;
  /** The one defect the fixture contains, in words. */
  defect: string;
  /** In the order loadDataset returns them. */
  findings: ExpectedFinding[];
  /**
   * A known src bug: `findings` states the correct behaviour (tested with it.fails), and
   * `actualPos` pins today's positions so that code and message are still tested.
   */
  bug?: { description: string; actualPos: (SourcePos | undefined)[] };
  /** The path must not exist (io.not-found). */
  absent?: true;
}

const MUST_BE_NUMBER = { zh: "应当是数值类型", en: "must be number" };
const MUST_BE_STRING = { zh: "应当是文本类型", en: "must be string" };
const LEADING_ZERO = {
  zh: "未加引号的 00123 会被读成数字 123，前导零丢失；请写成 \"00123\"",
  en: "unquoted, 00123 is read as the number 123 and loses its leading zeros; write \"00123\"",
};
const notation = (text: string) => ({
  zh: `数字“${text}”不是十进制写法；金额和数量请写成 1234.56 这样的形式`,
  en: `number “${text}” is not in decimal notation; write amounts and counts like 1234.56`,
});
const separators = (plain: string) => ({
  zh: `数字中不要用千位分隔符或引号，写成 ${plain}`,
  en: `write numbers without thousands separators or quotes: ${plain}`,
});
const required = (name: string) => ({ zh: `缺少必填属性“${name}”`, en: `missing required property “${name}”` });
const notAllowed = (name: string) => ({ zh: `不允许有属性“${name}”`, en: `property “${name}” is not allowed` });
const didYouMean = (name: string) => ({ zh: `是否想写“${name}”？`, en: `did you mean “${name}”?` });
const ROOT_PROPERTIES = "unit, year, title, prior, settings, profile, finance, documents, narrative, achievements, evaluation, stated";
const PROJECT = "/finance/expenditure/project";
const AMOUNT = "/finance/income/sources/0/amount";

export const CASES: FixtureCase[] = [
  // ── wrong types ────────────────────────────────────────────────────────────────────────
  {
    file: "type-string-for-number.yaml",
    defect: "personnel: 五十 (text where an amount is required)",
    findings: [{ code: "schema.type", pos: { line: 14, col: 18, endCol: 19 }, path: "/finance/expenditure/basic/personnel", ...MUST_BE_NUMBER }],
  },
  {
    file: "type-quoted-number.yaml",
    defect: 'amount: "100" (a quoted number is text)',
    findings: [{ code: "schema.type", pos: { line: 11, col: 17, endCol: 21 }, path: AMOUNT, ...MUST_BE_NUMBER, hint: separators("100") }],
  },
  {
    file: "type-quoted-year.yaml",
    defect: 'year: "2020" (text where an integer is required)',
    findings: [
      { code: "schema.type", pos: { line: 3, col: 7, endCol: 12 }, path: "/year", zh: "应当是整数类型", en: "must be integer", hint: separators("2020") },
    ],
  },
  {
    file: "type-number-for-string.yaml",
    defect: "unit.name: 123 (a number where text is required)",
    findings: [
      {
        code: "schema.type",
        pos: { line: 2, col: 9, endCol: 11 },
        path: "/unit/name",
        ...MUST_BE_STRING,
        hint: { zh: "文字请加引号书写，例如 \"123\"", en: "quote it as text, e.g. \"123\"" },
      },
    ],
  },
  {
    file: "type-list-for-map.yaml",
    defect: "unit: [测试局] (a list where a mapping is required)",
    findings: [{ code: "schema.type", pos: { line: 1, col: 7, endCol: 11 }, path: "/unit", zh: "应当是映射（键: 值）类型", en: "must be object" }],
  },
  // ── missing required fields ────────────────────────────────────────────────────────────
  {
    file: "missing-year.yaml",
    defect: "no top-level year",
    findings: [{ code: "schema.required", pos: { line: 1, col: 1 }, path: "", ...required("year") }],
  },
  {
    // An income source without its amount (personnel without public is fine: every part of finance is optional).
    file: "missing-amount.yaml",
    defect: "no finance.income.sources[0].amount",
    findings: [{ code: "schema.required", pos: { line: 10, col: 9, endCol: 20 }, path: "/finance/income/sources/0", ...required("amount") }],
  },
  // ── misspelt keys: reported once, as the unknown key with a "did you mean" (not also as the missing one) ─
  {
    file: "misspelt-amonut.yaml",
    defect: "amonut for amount",
    findings: [
      {
        code: "schema.additional-property",
        pos: { line: 11, col: 9, endCol: 14 },
        path: "/finance/income/sources/0/amonut",
        ...notAllowed("amonut"),
        hint: didYouMean("amount"),
      },
    ],
  },
  {
    file: "misspelt-persnnel.yaml",
    defect: "persnnel for personnel",
    findings: [
      {
        code: "schema.additional-property",
        pos: { line: 14, col: 7, endCol: 14 },
        path: "/finance/expenditure/basic/persnnel",
        ...notAllowed("persnnel"),
        hint: didYouMean("personnel"),
      },
    ],
  },
  {
    file: "misspelt-fiannce.yaml",
    defect: "fiannce for finance (two letters swapped, at the top level)",
    findings: [
      { code: "schema.additional-property", pos: { line: 7, col: 1, endCol: 7 }, path: "/fiannce", ...notAllowed("fiannce"), hint: didYouMean("finance") },
    ],
  },
  // ── YAML syntax ────────────────────────────────────────────────────────────────────────
  {
    file: "duplicate-key.yaml",
    defect: "year written twice",
    findings: [{ code: "yaml.duplicate-key", pos: { line: 4, col: 1 }, zh: "键“year”重复出现", en: "key “year” appears more than once" }],
  },
  {
    file: "unclosed-quote.yaml",
    defect: 'name: "测试局 (no closing quote)',
    // At the opening quote, not at the end of the file where the parser notices it.
    findings: [{ code: "yaml.unclosed-quote", pos: { line: 2, col: 9 }, zh: "引号没有闭合", en: "a quoted string is not closed" }],
  },
  {
    file: "bad-indent.yaml",
    defect: "public indented by 5 spaces where its siblings use 6",
    findings: [{ code: "yaml.bad-indent", pos: { line: 15, col: 1 }, zh: "缩进不正确", en: "bad indentation" }],
  },
  {
    file: "tab-indent.yaml",
    defect: "a tab indents unit.name",
    findings: [
      {
        code: "yaml.tab-indent",
        pos: { line: 2, col: 1 },
        zh: "缩进中使用了制表符（Tab）；YAML 只允许用空格缩进",
        en: "a tab is used for indentation; YAML allows only spaces",
      },
    ],
  },
  // ── numbers ────────────────────────────────────────────────────────────────────────────
  {
    file: "thousands-separator.yaml",
    defect: "amount: 5,296",
    findings: [{ code: "schema.type", pos: { line: 11, col: 17, endCol: 21 }, path: AMOUNT, ...MUST_BE_NUMBER, hint: separators("5296") }],
  },
  {
    file: "fullwidth-digits.yaml",
    defect: "amount: ５２９６ (full-width digits)",
    findings: [
      {
        code: "schema.type",
        pos: { line: 11, col: 17, endCol: 20 },
        path: AMOUNT,
        ...MUST_BE_NUMBER,
        hint: { zh: "数字用了全角字符，请改用半角：5296", en: "the number uses full-width characters; use ASCII digits: 5296" },
      },
    ],
  },
  {
    file: "negative-amount.yaml",
    defect: "project: -30",
    findings: [{ code: "schema.minimum", pos: { line: 16, col: 14, endCol: 16 }, path: PROJECT, zh: "应当为 >= 0", en: "must be >= 0" }],
  },
  {
    file: "code-leading-zero.yaml",
    defect: "code: 00123 unquoted",
    findings: [{ code: "schema.type", pos: { line: 3, col: 9, endCol: 13 }, path: "/unit/code", ...MUST_BE_STRING, hint: LEADING_ZERO }],
  },
  {
    file: "flow-leading-zero.yaml",
    defect: "code: 00123 unquoted, in a flow mapping after CJK text",
    findings: [{ code: "schema.type", pos: { line: 1, col: 25, endCol: 29 }, path: "/unit/code", ...MUST_BE_STRING, hint: LEADING_ZERO }],
  },
  {
    file: "amount-leading-zero.yaml",
    defect: "amount: 0588 (a leading zero where an amount belongs: likely a typo)",
    findings: [
      {
        code: "load.number-leading-zero",
        pos: { line: 11, col: 17, endCol: 20 },
        path: AMOUNT,
        zh: "数字“0588”以 0 开头，可能是笔误；金额和数量请去掉前导零，编码请加引号",
        en: "number “0588” starts with 0, which is likely a typo; drop the leading zero from amounts and counts, quote codes",
      },
    ],
  },
  {
    file: "hex-number.yaml",
    defect: "project: 0x1E",
    findings: [{ code: "load.number-notation", pos: { line: 16, col: 14, endCol: 17 }, path: PROJECT, ...notation("0x1E") }],
  },
  {
    file: "octal-number.yaml",
    defect: "project: 0o36",
    findings: [{ code: "load.number-notation", pos: { line: 16, col: 14, endCol: 17 }, path: PROJECT, ...notation("0o36") }],
  },
  {
    file: "infinity.yaml",
    defect: "project: .inf",
    findings: [{ code: "load.number-notation", pos: { line: 16, col: 14, endCol: 17 }, path: PROJECT, ...notation(".inf") }],
  },
  {
    file: "nan.yaml",
    defect: "project: .nan",
    findings: [{ code: "load.number-notation", pos: { line: 16, col: 14, endCol: 17 }, path: PROJECT, ...notation(".nan") }],
  },
  {
    file: "huge-exponent.yaml",
    defect: "project: 1e400",
    findings: [
      {
        code: "load.number-range",
        pos: { line: 16, col: 14, endCol: 18 },
        path: PROJECT,
        zh: "数字“1e400”超出可处理的范围",
        en: "number “1e400” is out of range",
      },
    ],
  },
  // ── other schema rules ─────────────────────────────────────────────────────────────────
  {
    file: "enum-rounding.yaml",
    defect: "settings.rounding: half_up (the value is half-up)",
    findings: [
      {
        code: "schema.enum",
        pos: { line: 2, col: 13, endCol: 19 },
        path: "/settings/rounding",
        zh: '应当是以下之一："half-up", "half-even", "down"',
        en: 'must be one of: "half-up", "half-even", "down"',
      },
    ],
  },
  {
    file: "empty-duties.yaml",
    defect: "duties: []",
    findings: [
      { code: "schema.minItems", pos: { line: 5, col: 11, endCol: 12 }, path: "/profile/duties", zh: "不应少于 1 个项", en: "must NOT have fewer than 1 items" },
    ],
  },
  {
    file: "year-out-of-range.yaml",
    defect: "year: 2201",
    findings: [{ code: "schema.maximum", pos: { line: 3, col: 7, endCol: 10 }, path: "/year", zh: "应当为 <= 2100", en: "must be <= 2100" }],
  },
  {
    file: "proto-key.yaml",
    defect: "a top-level key __proto__",
    findings: [
      {
        code: "schema.additional-property",
        pos: { line: 17, col: 1, endCol: 9 },
        path: "/__proto__",
        ...notAllowed("__proto__"),
        hint: { zh: `此处可用的属性：${ROOT_PROPERTIES}`, en: `properties allowed here: ${ROOT_PROPERTIES}` },
      },
    ],
  },
  // ── the shape of the file ──────────────────────────────────────────────────────────────
  {
    file: "empty.yaml",
    defect: "zero bytes",
    findings: [{ code: "load.empty", pos: { line: 1, col: 1 }, zh: "文件为空，没有数据", en: "file is empty: no data" }],
  },
  {
    file: "only-comments.yaml",
    defect: "two comment lines and nothing else",
    findings: [{ code: "load.empty", pos: { line: 1, col: 1 }, zh: "文件为空，没有数据", en: "file is empty: no data" }],
  },
  {
    file: "root-list.yaml",
    defect: "the top level is a list",
    findings: [
      {
        code: "load.root-not-map",
        pos: { line: 1, col: 1 },
        zh: "数据集顶层应当是键值映射（unit: …、year: …），而不是列表",
        en: "the top level of a dataset must be a mapping (unit: …, year: …), not a list",
      },
    ],
  },
  {
    file: "root-scalar.yaml",
    defect: "the top level is a single string",
    findings: [
      {
        code: "load.root-not-map",
        pos: { line: 1, col: 1 },
        zh: "数据集顶层应当是键值映射（unit: …、year: …），而不是单个值",
        en: "the top level of a dataset must be a mapping (unit: …, year: …), not a single value",
      },
    ],
  },
  {
    file: "two-documents.yaml",
    defect: "the minimal dataset twice, separated by ---",
    findings: [
      {
        code: "load.multiple-documents",
        pos: { line: 17, col: 1 },
        zh: "一个文件只能有一个 YAML 文档（发现第 2 个文档）",
        en: "a file must hold one YAML document (found a second one)",
      },
    ],
  },
  {
    file: "alias-bomb.yaml",
    defect: '"billion laughs": nested aliases expanding to 10^9 nodes',
    findings: [
      {
        code: "load.alias-expansion",
        pos: { line: 6, col: 21 },
        zh: "别名（*alias）展开后的节点过多（超过 200000 个）",
        en: "aliases (*alias) expand to too many nodes (more than 200000)",
      },
    ],
  },
  // ── the file itself ────────────────────────────────────────────────────────────────────
  {
    file: "directory.yaml",
    defect: "a directory named like a dataset",
    findings: [{ code: "io.is-directory", zh: "这是一个目录，不是数据文件", en: "is a directory, not a dataset file" }],
  },
  {
    file: "missing.yaml",
    defect: "no such file",
    absent: true,
    findings: [{ code: "io.not-found", zh: "找不到文件", en: "file not found" }],
  },
  {
    file: "invalid-utf8.yaml",
    defect: "a lone 0xFF byte after 测试 on line 2 (byte offset 20)",
    findings: [
      {
        code: "io.encoding",
        pos: { line: 2, col: 11 },
        zh: "文件不是有效的 UTF-8 编码（第 20 字节）；请另存为 UTF-8",
        en: "file is not valid UTF-8 (at byte 20); save it as UTF-8",
      },
    ],
  },
  {
    file: "utf16le-bom.yaml",
    defect: "the minimal dataset saved as UTF-16LE with a BOM",
    findings: [{ code: "io.utf16", pos: { line: 1, col: 1 }, zh: "文件是 UTF-16 编码；请另存为 UTF-8", en: "file is encoded as UTF-16; save it as UTF-8" }],
  },
  {
    file: "nul-byte.yaml",
    defect: "a NUL byte before 2020 on line 3",
    findings: [
      { code: "io.nul", pos: { line: 3, col: 7 }, zh: "文件中含有 NUL 字符，不是文本文件", en: "file contains a NUL character; it is not a text file" },
    ],
  },
  // ── several defects: all are reported (loader findings first, then schema findings) ──
  {
    file: "three-defects.yaml",
    defect: "code: 00123 (line 3), amount: 5,296 (line 12), project: 0x1E (line 17)",
    findings: [
      { code: "load.number-notation", pos: { line: 17, col: 14, endCol: 17 }, path: PROJECT, ...notation("0x1E") },
      { code: "schema.type", pos: { line: 3, col: 9, endCol: 13 }, path: "/unit/code", ...MUST_BE_STRING, hint: LEADING_ZERO },
      { code: "schema.type", pos: { line: 12, col: 17, endCol: 21 }, path: AMOUNT, ...MUST_BE_NUMBER, hint: separators("5296") },
    ],
  },
];
