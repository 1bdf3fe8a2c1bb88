import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASES } from "../helpers/expected.js";
import { cli, ensureBuilt, ROOT, STACK_FRAME } from "../helpers/cli.js";
import { INVALID } from "../helpers/fixtures.js";

const rel = (name: string): string => relative(ROOT, join(INVALID, name));

// bin/perf-report.js runs dist/: build it first when a fresh clone has none.
beforeAll(() => ensureBuilt(), 120_000);

describe("perf-report check, valid input", () => {
  it("the minimal dataset: exit 0, only the summary", () => {
    const r = cli(["check", "test/fixtures/valid/minimal.yaml"]);
    expect(r).toEqual({ code: 0, signal: null, timedOut: false, stdout: "", stderr: "检查了 1 个文件：0 个错误，0 个警告\n" });
    const en = cli(["check", "test/fixtures/valid/minimal-flow.yaml", "--lang", "en"]);
    expect(en).toEqual({ code: 0, signal: null, timedOut: false, stdout: "", stderr: "checked 1 file: 0 errors, 0 warnings\n" });
  });
});

describe("perf-report check, every invalid fixture", () => {
  // A directory is an input of its own kind for the CLI (searched for datasets): see below.
  for (const c of CASES.filter((c) => c.file !== "directory.yaml")) {
    it(`${c.file}: exit 2, file:line:col: error[code] message first, no stack trace`, () => {
      const r = cli(["check", rel(c.file)]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).not.toMatch(STACK_FRAME);
      const positions = c.bug ? c.bug.actualPos : c.findings.map((f) => f.pos);
      const sorted = c.findings
        .map((f, i) => ({ f, pos: positions[i] }))
        .sort((a, b) => (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.col ?? 0) - (b.pos?.col ?? 0));
      const heads = sorted.map(({ f, pos }) => `${rel(c.file)}${pos ? `:${pos.line}:${pos.col}` : ""}: error[${f.code}] ${f.zh}`);
      const lines = r.stderr.split("\n");
      expect(lines[0]).toBe(heads[0]);
      expect(lines.filter((l) => / error\[/.test(l))).toEqual(heads);
      expect(r.stderr.endsWith(`\n检查了 1 个文件：${c.findings.length} 个错误，0 个警告\n`)).toBe(true);

      // The excerpt quotes the source line of the first finding, when the file could be decoded.
      const { f: first, pos } = sorted[0]!;
      if (pos && !first.code.startsWith("io.")) {
        const source = readFileSync(join(INVALID, c.file), "utf8").split(/\r?\n/);
        const gutter = String(pos.line);
        expect(lines.slice(1, 3)).toEqual([`${" ".repeat(gutter.length)} |`, `${gutter} | ${source[pos.line - 1]}`]);
        expect(lines[3]).toMatch(new RegExp(`^ {${gutter.length}} \\| [ \\t]*\\^+$`));
      } else {
        expect(lines[1]).toBe("");
      }
    });
  }
});

describe("perf-report check, exact output", () => {
  it("a number with a thousands separator (zh, the default)", () => {
    const r = cli(["check", rel("thousands-separator.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        "test/fixtures/invalid/thousands-separator.yaml:11:17: error[schema.type] 应当是数值类型",
        "   |",
        "11 |         amount: 5,296",
        "   |                 ^^^^^",
        "  = 提示: 数字中不要用千位分隔符或引号，写成 5296",
        "",
        "检查了 1 个文件：1 个错误，0 个警告",
        "",
      ].join("\n"),
    );
  });

  it("full-width digits (en): the caret is as wide as the four wide characters", () => {
    const r = cli(["check", rel("fullwidth-digits.yaml"), "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        "test/fixtures/invalid/fullwidth-digits.yaml:11:17: error[schema.type] must be number",
        "   |",
        "11 |         amount: ５２９６",
        "   |                 ^^^^^^^^",
        "  = hint: the number uses full-width characters; use ASCII digits: 5296",
        "",
        "checked 1 file: 1 error, 0 warnings",
        "",
      ].join("\n"),
    );
  });

  it("after Chinese text on the same line, the caret is under the value on screen (each CJK character two columns)", () => {
    const r = cli(["check", rel("flow-leading-zero.yaml")]);
    expect(r.code).toBe(2);
    const lines = r.stderr.split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "test/fixtures/invalid/flow-leading-zero.yaml:1:25: error[schema.type] 应当是文本类型",
      "  |",
      "1 | unit: {name: 测试局, code: 00123}",
      // "unit: {name: " (13) + 测试局 (3 × 2) + ", code: " (8) = 27 columns before 00123
      `  | ${" ".repeat(27)}^^^^^`,
      '  = 提示: 未加引号的 00123 会被读成数字 123，前导零丢失；请写成 "00123"',
    ]);
  });

  it("a character outside the BMP (𠀀) counts one column in line:col and two on screen", () => {
    const tmp = mkdtempSync(join(tmpdir(), "perf-report-cli-astral-"));
    try {
      const file = join(tmp, "astral.yaml");
      const minimal = readFileSync(join(ROOT, "test/fixtures/valid/minimal.yaml"), "utf8");
      writeFileSync(file, minimal.replace("  name: 测试局\n", "  name: 测试局\n  contact: {person: 𠀀𠀀, phone: 0x1F}\n"));
      const r = cli(["check", file, "--lang", "en"]);
      expect(r.code).toBe(2);
      expect(r.stderr.split("\n").slice(0, 4)).toEqual([
        `${file}:3:32: error[load.number-notation] number “0x1F” is not in decimal notation; write amounts and counts like 1234.56`,
        "  |",
        "3 |   contact: {person: 𠀀𠀀, phone: 0x1F}",
        // 31 characters before 0x1F, two of them double width
        `  | ${" ".repeat(33)}^^^^`,
      ]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("a tab in the indentation: the excerpt keeps the tab and the caret is under it", () => {
    const r = cli(["check", rel("tab-indent.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n").slice(0, 4)).toEqual([
      "test/fixtures/invalid/tab-indent.yaml:2:1: error[yaml.tab-indent] 缩进中使用了制表符（Tab）；YAML 只允许用空格缩进",
      "  |",
      "2 | \tname: 测试局",
      "  | ^",
    ]);
  });

  it("a misspelt key (en): reported once, as the unknown key with a did-you-mean (not also as the missing one)", () => {
    const r = cli(["check", rel("misspelt-persnnel.yaml"), "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        "test/fixtures/invalid/misspelt-persnnel.yaml:14:7: error[schema.additional-property] property “persnnel” is not allowed",
        "   |",
        "14 |       persnnel: 50",
        "   |       ^^^^^^^^",
        "  = hint: did you mean “personnel”?",
        "",
        "checked 1 file: 1 error, 0 warnings",
        "",
      ].join("\n"),
    );
  });

  it("three defects: three findings, in line order, each with its excerpt", () => {
    const r = cli(["check", rel("three-defects.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        "test/fixtures/invalid/three-defects.yaml:3:9: error[schema.type] 应当是文本类型",
        "  |",
        "3 |   code: 00123",
        "  |         ^^^^^",
        '  = 提示: 未加引号的 00123 会被读成数字 123，前导零丢失；请写成 "00123"',
        "",
        "test/fixtures/invalid/three-defects.yaml:12:17: error[schema.type] 应当是数值类型",
        "   |",
        "12 |         amount: 5,296",
        "   |                 ^^^^^",
        "  = 提示: 数字中不要用千位分隔符或引号，写成 5296",
        "",
        "test/fixtures/invalid/three-defects.yaml:17:14: error[load.number-notation] 数字“0x1E”不是十进制写法；金额和数量请写成 1234.56 这样的形式",
        "   |",
        "17 |     project: 0x1E",
        "   |              ^^^^",
        "",
        "检查了 1 个文件：3 个错误，0 个警告",
        "",
      ].join("\n"),
    );
  });

  it("three defects as JSON: on stdout, all three", () => {
    const r = cli(["check", rel("three-defects.yaml"), "--format", "json", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { valid: boolean; findings: { code: string; pos: { line: number; col: number } }[] };
    expect(out.valid).toBe(false);
    expect(out.findings.map((f) => `${f.pos.line}:${f.pos.col} ${f.code}`).sort()).toEqual(["12:17 schema.type", "17:14 load.number-notation", "3:9 schema.type"]);
  });

  it("--format json lists a file's findings in position order, as the text output does (loader findings among the schema's)", () => {
    const r = cli(["check", rel("three-defects.yaml"), "--format", "json", "--lang", "en"]);
    const out = JSON.parse(r.stdout) as { findings: { code: string; pos: { line: number; col: number } }[] };
    expect(out.findings.map((f) => `${f.pos.line}:${f.pos.col} ${f.code}`)).toEqual(["3:9 schema.type", "12:17 schema.type", "17:14 load.number-notation"]);
  });

  it("a missing file (en): no position, no excerpt", () => {
    const r = cli(["check", "test/fixtures/invalid/missing.yaml", "--lang", "en"]);
    expect(r).toEqual({
      code: 2,
      signal: null,
      timedOut: false,
      stdout: "",
      stderr: ["test/fixtures/invalid/missing.yaml: error[io.not-found] file not found", "", "checked 1 file: 1 error, 0 warnings", ""].join("\n"),
    });
  });

  it("a directory is searched for datasets; one with none is a usage error naming it", () => {
    // (loadDataset itself reports a directory as io.is-directory: see test/load/fixtures.test.ts)
    expect(cli(["check", rel("directory.yaml")])).toEqual({
      code: 2,
      signal: null,
      timedOut: false,
      stdout: "",
      stderr: "perf-report: “test/fixtures/invalid/directory.yaml”没有匹配到数据文件\n",
    });
    expect(cli(["check", rel("directory.yaml"), "--lang", "en"])).toEqual({
      code: 2,
      signal: null,
      timedOut: false,
      stdout: "",
      stderr: "perf-report: no dataset files match “test/fixtures/invalid/directory.yaml”\n",
    });
  });

  it("invalid UTF-8: position of the bad byte, and no excerpt (the text could not be decoded)", () => {
    const r = cli(["check", rel("invalid-utf8.yaml")]);
    expect(r).toEqual({
      code: 2,
      signal: null,
      timedOut: false,
      stdout: "",
      stderr: [
        "test/fixtures/invalid/invalid-utf8.yaml:2:11: error[io.encoding] 文件不是有效的 UTF-8 编码（第 20 字节）；请另存为 UTF-8",
        "",
        "检查了 1 个文件：1 个错误，0 个警告",
        "",
      ].join("\n"),
    });
  });

  it("a valid and an invalid file together: exit 2, only the invalid one's findings", () => {
    const r = cli(["check", "test/fixtures/valid/minimal.yaml", rel("negative-amount.yaml"), "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("test/fixtures/invalid/negative-amount.yaml:16:14: error[schema.minimum] must be >= 0");
    expect(r.stderr).toMatch(/\nchecked 2 files \(1 clean, 0 with findings, 1 unusable\): 1 error, 0 warnings in \d+\.\d\ds\n$/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("the language follows LANG when --lang is not given", () => {
    const r = cli(["check", rel("negative-amount.yaml")], { env: { LANG: "en_US.UTF-8" } });
    expect(r.stderr.split("\n")[0]).toBe("test/fixtures/invalid/negative-amount.yaml:16:14: error[schema.minimum] must be >= 0");
    const zh = cli(["check", rel("negative-amount.yaml")], { env: { LANG: "zh_CN.UTF-8" } });
    expect(zh.stderr.split("\n")[0]).toBe("test/fixtures/invalid/negative-amount.yaml:16:14: error[schema.minimum] 应当为 >= 0");
  });

  it("--max-bytes refuses a larger file", () => {
    const r = cli(["check", "test/fixtures/valid/minimal.yaml", "--max-bytes", "10", "--lang", "en"]);
    const size = readFileSync(join(ROOT, "test/fixtures/valid/minimal.yaml")).length;
    expect(r).toEqual({
      code: 2,
      signal: null,
      timedOut: false,
      stdout: "",
      stderr: `test/fixtures/valid/minimal.yaml: error[io.too-large] file too large (${size} bytes, limit 10); raise the limit with --max-bytes\n\nchecked 1 file: 1 error, 0 warnings\n`,
    });
  });
});

describe("perf-report check, pathological nesting", () => {
  const tmp = mkdtempSync(join(tmpdir(), "perf-report-cli-"));
  const deep = join(tmp, "deep.yaml");
  writeFileSync(deep, `unit: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("100 000 nested lists: exit 2, a finding, no crash and no stack trace", () => {
    const r = cli(["check", deep]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).not.toMatch(/FATAL|internal error/);
    expect(r.stderr.split("\n")[0]).toMatch(new RegExp(`^${deep.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:1:\\d+: error\\[`));
  });

  it("100 000 nested lists are load.too-deep, at the 65th level", () => {
    const r = cli(["check", deep, "--lang", "en"]);
    expect(r.stderr.split("\n")[0]).toMatch(/ error\[load\.too-deep\] nesting is too deep \(more than 64 levels\)$/);
    expect(r.stderr.split("\n")[0]).toBe(`${deep}:1:71: error[load.too-deep] nesting is too deep (more than 64 levels)`);
    expect(r.stderr.trimEnd().split("\n").at(-1)).toBe("checked 1 file: 1 error, 0 warnings");
  });
});
