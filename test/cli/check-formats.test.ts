/**
 * `perf-report check` output formats, from the built CLI as a child process: json, github
 * (annotations + $GITHUB_STEP_SUMMARY), junit, text in English, and --strict.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULE_IDS } from "../../src/check/rule-ids.js";
import type { Finding } from "../../src/findings/finding.js";
import { HEAD } from "../helpers/reconcile.js";
import { cli, ensureBuilt } from "../helpers/cli.js";
import { descendants, parseXml } from "../helpers/xml.js";

const PUBLISHED = "examples/yongzhou-2020-as-published.yaml";
const WARNING_ONLY = "test/fixtures/check/warning-only.yaml";

/** The five findings of the as-published sample: line, col, endCol, rule. */
const FIVE = [
  { line: 344, col: 18, endCol: 23, code: "growth-rate", path: "/stated/income.growth" },
  { line: 350, col: 30, endCol: 33, code: "share", path: "/stated/expenditure.project.share" },
  { line: 363, col: 41, endCol: 43, code: "completion-rate", path: "/stated/keyProjectsInvestmentFull.completion" },
  { line: 364, col: 24, endCol: 29, code: "completion-rate", path: "/stated/smeCloud.completion" },
  { line: 365, col: 27, endCol: 32, code: "completion-rate", path: "/stated/smePlatform.completion" },
];

/** The summary row (`units` in JSON) of the as-published sample and of the warning-only fixture. */
const PUBLISHED_ROW = {
  file: PUBLISHED,
  unit: "永州市工业和信息化局",
  year: "2020",
  status: "findings",
  findings: 5,
  income: "5296",
  expenditure: "2851",
  carryOver: "2445",
  score: "94",
  grade: "优秀",
};
const WARNING_ONLY_ROW = {
  file: WARNING_ONLY,
  unit: "测试局",
  year: "2020",
  status: "ok",
  findings: 1,
  income: "100",
  expenditure: "100.01",
  carryOver: "-0.01",
  score: "",
  grade: "",
};

/** JSON stats without the run time, which varies; checks that the run time is there. */
function withoutSeconds(stats: Record<string, number>): Record<string, number> {
  const { seconds, ...rest } = stats;
  expect(typeof seconds).toBe("number");
  expect(seconds).toBeGreaterThanOrEqual(0);
  return rest;
}

let tmp: string;
beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), "perf-report-formats-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("--format json", () => {
  it("is one JSON document: valid false, stats, and the five findings", () => {
    const run = cli(["check", PUBLISHED, "--format", "json", "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as { valid: boolean; stats: Record<string, number>; findings: Finding[]; units: Record<string, unknown>[] };
    expect(Object.keys(report)).toEqual(["valid", "stats", "findings", "units"]);
    expect(report.valid).toBe(false);
    // 27 stated figures and 32 checks of the rules that apply (one of them: the score within a grade band) (see test/check/as-published.test.ts).
    expect(withoutSeconds(report.stats)).toEqual({ units: 1, ok: 0, withFindings: 1, unusable: 0, checks: 59, errors: 5, warnings: 0 });
    expect(report.units).toEqual([PUBLISHED_ROW]);
    expect(report.findings.map((f) => ({ line: f.pos!.line, col: f.pos!.col, endCol: f.pos!.endCol, code: f.code, path: f.path }))).toEqual(FIVE);
    expect(report.findings.every((f) => f.file === PUBLISHED && f.severity === "error")).toBe(true);
    expect(report.findings[3]).toEqual({
      severity: "error",
      file: PUBLISHED,
      path: "/stated/smeCloud.completion",
      pos: { line: 364, col: 24, endCol: 29 },
      code: "completion-rate",
      message: "中小企业“上云”: completion rate: stated 201.92%, computed 201.93%",
      actual: "201.92%",
      expected: "201.925%",
      diff: "-0.005%",
      tolerance: "2 decimals as written, half-up: the computed value must lie in [201.915, 201.925)%",
      formula: "smeCloud ÷ smeCloud.target × 100% = 8077 ÷ 4000 × 100%",
      hint: "half-even or truncation gives the stated figure: the source may have rounded differently",
      // The message as data: its key in the catalogue and its parameters (a figure's label is a message too).
      key: "check.mismatch",
      params: { label: { key: "figure.indicator.completion", params: { name: "中小企业“上云”" } }, stated: "201.92%", computed: "201.93%" },
    });
  });

  it("on the clean example: valid true, no findings, exit 0", () => {
    const run = cli(["check", "examples/yongzhou-2020.yaml", "--format", "json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { valid: boolean; stats: Record<string, number>; findings: Finding[]; units: Record<string, unknown>[] };
    expect({ ...report, stats: withoutSeconds(report.stats) }).toEqual({
      valid: true,
      stats: { units: 1, ok: 1, withFindings: 0, unusable: 0, checks: 30, errors: 0, warnings: 0 },
      findings: [],
      units: [{ ...PUBLISHED_ROW, file: "examples/yongzhou-2020.yaml", status: "ok", findings: 0 }],
    });
  });

  it("two files at once: stats add up, findings of both", () => {
    const run = cli(["check", PUBLISHED, WARNING_ONLY, "--format", "json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { stats: Record<string, number>; findings: Finding[]; units: Record<string, unknown>[] };
    // A warning alone leaves its unit "ok" (exit 0), though it has a finding.
    expect(withoutSeconds(report.stats)).toEqual({ units: 2, ok: 1, withFindings: 1, unusable: 0, checks: 59 + 1, errors: 5, warnings: 1 });
    expect(report.units).toEqual([PUBLISHED_ROW, WARNING_ONLY_ROW]);
    expect(report.findings.map((f) => `${f.file}:${f.pos?.line}`)).toEqual([...FIVE.map((f) => `${PUBLISHED}:${f.line}`), `${WARNING_ONLY}:12`]);
  });
});

describe("--format github", () => {
  const ANNOTATION = /^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),endColumn=(\d+),title=([^:]+)::(.*)$/;

  it("writes one ::error annotation per finding, with file, line, col and escaped message", () => {
    const run = cli(["check", PUBLISHED, "--format", "github"]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    const parsed = lines.map((l) => ANNOTATION.exec(l));
    expect(parsed.every((m) => m !== null)).toBe(true);
    expect(parsed.map((m) => ({ level: m![1], file: m![2], line: Number(m![3]), col: Number(m![4]), endCol: Number(m![5]), title: m![6] }))).toEqual(
      FIVE.map((f) => ({ level: "error", file: PUBLISHED, line: f.line, col: f.col, endCol: f.endCol, title: `perf-report ${f.code}` })),
    );
    // % is written %25 and the line breaks between message, formula and hint %0A: no raw % remains.
    expect(lines[0]).toBe(
      "::error file=examples/yongzhou-2020-as-published.yaml,line=344,col=18,endColumn=23,title=perf-report growth-rate::" +
        "收入增长率：所载 352.13%25，计算应为 352.26%25%0Aincome.change ÷ income.prior × 100%25 = 4125 ÷ 1171 × 100%25",
    );
    expect(lines[3]).toBe(
      "::error file=examples/yongzhou-2020-as-published.yaml,line=364,col=24,endColumn=29,title=perf-report completion-rate::" +
        "中小企业“上云”完成率：所载 201.92%25，计算应为 201.93%25%0AsmeCloud ÷ smeCloud.target × 100%25 = 8077 ÷ 4000 × 100%25" +
        "%0A按四舍六入五成双或截尾可得到所载数字：原报告可能用了不同的舍入方式",
    );
    for (const m of parsed) expect(m![7]!.replace(/%(25|0A|0D)/g, "")).not.toMatch(/%/);
    expect(run.stderr).toBe("检查了 1 个文件：5 个错误，0 个警告\n");
  });

  it("appends a Markdown table of every finding to $GITHUB_STEP_SUMMARY", () => {
    const summary = join(tmp, "summary.md");
    writeFileSync(summary, "previous step\n");
    const run = cli(["check", PUBLISHED, "--format", "github", "--lang", "en"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.code).toBe(1);
    const text = readFileSync(summary, "utf8");
    expect(text.startsWith("previous step\n### perf-report check: 1 file(s), 5 error(s), 0 warning(s)\n\n| where | severity | rule | message |\n|---|---|---|---|\n")).toBe(true);
    const rows = text.split("\n").filter((l) => l.startsWith(`| ${PUBLISHED}:`));
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.split(" | ").slice(0, 3))).toEqual(FIVE.map((f) => [`| ${PUBLISHED}:${f.line}:${f.col}`, "error", `\`${f.code}\``]));
    expect(rows[0]).toBe(`| ${PUBLISHED}:344:18 | error | \`growth-rate\` | income: growth rate: stated 352.13%, computed 352.26% |`);
  });

  it("says “All figures reconcile.” in the summary of a clean file, with no annotations", () => {
    const summary = join(tmp, "clean.md");
    const run = cli(["check", "examples/yongzhou-2020.yaml", "--format", "github"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(readFileSync(summary, "utf8")).toBe("### perf-report check: 1 file(s), 0 error(s), 0 warning(s)\n\nAll figures reconcile.\n");
  });

  it("annotates at most 10 findings but lists all of them in the summary; escapes , and : in the file property", () => {
    // 12 misspelt stated ids → 12 stated.unknown errors, in a file whose name has a comma and a colon.
    const file = join(tmp, "unit,2020:v1.yaml");
    const stated = Array.from({ length: 12 }, (_, i) => `  nosuch${i}.figure: ${i}\n`).join("");
    writeFileSync(file, `${HEAD}finance:\n  income:\n    sources:\n      - { name: 财政拨款收入, amount: 100 }\n  expenditure:\n    basic:\n      personnel: 50\n      public: 10\n    project: 30\nstated:\n${stated}`);
    const summary = join(tmp, "many.md");
    const run = cli(["check", file, "--format", "github", "--lang", "en"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    // Ten annotations, then a notice that says how many were left out and where they are.
    expect(lines).toHaveLength(11);
    const escapedFile = file.replace(/,/g, "%2C").replace(/:/g, "%3A");
    expect(lines[0]).toBe(`::error file=${escapedFile},line=17,col=3,endColumn=16,title=perf-report stated.unknown::there is no figure “nosuch0.figure”`);
    expect(lines[9]).toContain(",line=26,col=3,");
    expect(lines.slice(0, 10).every((l) => l.startsWith("::error file="))).toBe(true);
    expect(lines[10]).toBe("::notice title=perf-report::2 more finding(s) not annotated (GitHub shows 10 per step); the step summary lists them all");
    const rows = readFileSync(summary, "utf8").split("\n").filter((l) => l.startsWith("| ") && l.includes("stated.unknown"));
    expect(rows).toHaveLength(12);
    expect(run.stderr).toBe("checked 1 file: 12 errors, 0 warnings\n");
  });

  it("exactly 10 findings are all annotated, with no notice", () => {
    const file = join(tmp, "ten.yaml");
    const stated = Array.from({ length: 10 }, (_, i) => `  nosuch${i}.figure: ${i}\n`).join("");
    writeFileSync(file, `${HEAD}finance:\n  income:\n    sources:\n      - { name: 财政拨款收入, amount: 100 }\n  expenditure:\n    basic:\n      personnel: 50\n      public: 10\n    project: 30\nstated:\n${stated}`);
    const run = cli(["check", file, "--format", "github", "--lang", "en"], { env: { GITHUB_STEP_SUMMARY: join(tmp, "ten.md") } });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(10);
    expect(lines.every((l) => l.startsWith(`::error file=${file},`))).toBe(true);
    expect(run.stdout).not.toContain("::notice");
  });
});

describe("--format junit", () => {
  it("is well-formed XML: one testcase per rule that ran, a failure per error finding", () => {
    const run = cli(["check", PUBLISHED, "--format", "junit"]);
    expect(run.code).toBe(1);
    expect(run.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const root = parseXml(run.stdout);
    expect(root.name).toBe("testsuites");
    expect(root.attributes).toEqual({ name: "perf-report check" });
    expect(root.children.map((c) => c.name)).toEqual(["testsuite"]);
    const suite = root.children[0]!;
    // "formula" (formula indicators) and "figure" are rule ids too, so each has its testcase.
    expect(RULE_IDS).toContain("formula");
    expect(RULE_IDS).toContain("figure");
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    // The rules that made a check on this dataset: stated figures under their figures' rules, and the rules that apply.
    const ran = ["carry-over", "change", "completion-rate", "difference", "formula", "fund-balance", "fund-spending", "grade-bands", "growth-rate", "listed-count", "placeholder", "score-total", "share", "sum"];
    expect(suite.attributes).toEqual({ name: PUBLISHED, tests: String(ran.length), failures: "3" });
    const cases = descendants(suite, "testcase");
    expect(cases.map((c) => c.attributes.name)).toEqual(ran);
    expect(ran.every((r) => RULE_IDS.includes(r))).toBe(true);
    expect(cases.every((c) => c.attributes.classname === PUBLISHED)).toBe(true);
    const failures = descendants(suite, "failure");
    expect(failures).toHaveLength(5);
    // Failures sit under the testcase of their rule.
    expect(cases.filter((c) => c.children.length > 0).map((c) => [c.attributes.name, c.children.length])).toEqual([
      ["completion-rate", 3],
      ["growth-rate", 1],
      ["share", 1],
    ]);
    const growth = cases.find((c) => c.attributes.name === "growth-rate")!.children[0]!;
    expect(growth.attributes).toEqual({ message: "收入增长率：所载 352.13%，计算应为 352.26%", type: "growth-rate" });
    expect(growth.text).toBe(`${PUBLISHED}:344:18: 收入增长率：所载 352.13%，计算应为 352.26%\nincome.change ÷ income.prior × 100% = 4125 ÷ 1171 × 100%`);
    expect(failures.map((f) => f.text.split(":").slice(1, 3).join(":"))).toEqual(["363:41", "364:24", "365:27", "344:18", "350:30"]);
  });

  it("escapes markup in messages: a placeholder id with < & \" is still well-formed", () => {
    const file = join(tmp, "markup.yaml");
    writeFileSync(
      file,
      `${HEAD}finance:\n  income:\n    sources:\n      - { name: 财政拨款收入, amount: 100 }\n  expenditure:\n    basic:\n      personnel: 50\n      public: 10\n    project: 30\nnarrative:\n  basicSpendingPurpose: '见{{a<b&"c}}'\n`,
    );
    const run = cli(["check", file, "--format", "junit", "--lang", "en"]);
    expect(run.code).toBe(1);
    const failures = descendants(parseXml(run.stdout), "failure");
    expect(failures.map((f) => f.attributes.message)).toEqual(['the text refers to an unknown figure “a<b&"c”']);
  });

  it("a warning is a passing testcase (only errors fail)", () => {
    const run = cli(["check", WARNING_ONLY, "--format", "junit"]);
    expect(run.code).toBe(0);
    const suite = parseXml(run.stdout).children[0]!;
    expect(suite.attributes.failures).toBe("0");
    expect(descendants(suite, "failure")).toEqual([]);
  });
});

describe("--lang en text output", () => {
  it("prints each finding as file:line:col: error[rule], the source line with a caret, the figures and the hint", () => {
    const run = cli(["check", PUBLISHED, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const blocks = run.stderr.trimEnd().split("\n\n");
    expect(blocks).toHaveLength(6);
    expect(blocks[0]).toBe(
      [
        `${PUBLISHED}:344:18: error[growth-rate] income: growth rate: stated 352.13%, computed 352.26%`,
        "    |",
        "344 |   income.growth: 352.13 # 4125 ÷ 1171 = 352.26%，样本印作 352.13%",
        "    |                  ^^^^^^",
        "  = stated: 352.13%",
        "  = computed: 352.263023…%",
        "  = difference: -0.133023…%",
        "  = tolerance: 2 decimals as written, half-up: the computed value must lie in [352.125, 352.135)%",
        "  = formula: income.change ÷ income.prior × 100% = 4125 ÷ 1171 × 100%",
      ].join("\n"),
    );
    expect(blocks[2]).toBe(
      [
        `${PUBLISHED}:363:41: error[completion-rate] 列入省重点考核的5个项目完成投资（预计）: completion rate: stated 170%, computed 171%`,
        "    |",
        "363 |   keyProjectsInvestmentFull.completion: 170 # 4.53 ÷ 2.65 = 170.94%，样本截尾作 170%",
        "    |                                         ^^^",
        "  = stated: 170%",
        "  = computed: 170.943396…%",
        "  = difference: -0.943396…%",
        "  = tolerance: 0 decimals as written, half-up: the computed value must lie in [169.5, 170.5)%",
        "  = formula: keyProjectsInvestmentFull ÷ keyProjectsInvestmentFull.target × 100% = 4.53 ÷ 2.65 × 100%",
        "  = hint: truncation gives the stated figure: the source may have rounded differently",
      ].join("\n"),
    );
    expect(blocks.slice(0, 5).map((b) => b.split("\n")[0]!.split(": error[")[0])).toEqual(FIVE.map((f) => `${PUBLISHED}:${f.line}:${f.col}`));
    expect(blocks[5]).toBe("checked 1 file: 5 errors, 0 warnings");
  });

  it("the same in Chinese by default, and with LANG=en_US.UTF-8 in English", () => {
    const zh = cli(["check", PUBLISHED]);
    expect(zh.stderr.split("\n")[0]).toBe(`${PUBLISHED}:344:18: error[growth-rate] 收入增长率：所载 352.13%，计算应为 352.26%`);
    expect(zh.stderr).toContain("\n  = 容差: 按书写精度 2 位小数、四舍五入，计算值应在 [352.125, 352.135)% 内\n");
    expect(zh.stderr.trimEnd().split("\n").at(-1)).toBe("检查了 1 个文件：5 个错误，0 个警告");
    const en = cli(["check", PUBLISHED], { env: { LANG: "en_US.UTF-8" } });
    expect(en.stderr.trimEnd().split("\n").at(-1)).toBe("checked 1 file: 5 errors, 0 warnings");
  });
});

describe("--strict", () => {
  it("a warning alone exits 0; with --strict it is an error and exits 1", () => {
    const plain = cli(["check", WARNING_ONLY, "--lang", "en"]);
    expect(plain.code).toBe(0);
    expect(plain.stderr.split("\n")[0]).toBe(
      `${WARNING_ONLY}:12:3: warning[carry-over] expenditure 100.01 exceeds this year's income 100; the gap of 0.01 must come from the opening carry-over: fill in finance.openingCarryOver`,
    );
    // The caret is under the expenditure: key itself.
    expect(plain.stderr.split("\n").slice(1, 4)).toEqual(["   |", "12 |   expenditure:", "   |   ^^^^^^^^^^^"]);
    expect(plain.stderr.trimEnd().split("\n").at(-1)).toBe("checked 1 file: 0 errors, 1 warning");

    const strict = cli(["check", WARNING_ONLY, "--lang", "en", "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr.split("\n")[0]).toBe(
      `${WARNING_ONLY}:12:3: error[carry-over] expenditure 100.01 exceeds this year's income 100; the gap of 0.01 must come from the opening carry-over: fill in finance.openingCarryOver`,
    );
    expect(strict.stderr.trimEnd().split("\n").at(-1)).toBe("checked 1 file: 1 error, 0 warnings");
  });

  it("--strict in JSON counts the warning as an error", () => {
    const run = cli(["check", WARNING_ONLY, "--format", "json", "--strict"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { valid: boolean; stats: Record<string, number>; findings: Finding[]; units: Record<string, unknown>[] };
    expect(report.valid).toBe(false);
    expect(withoutSeconds(report.stats)).toEqual({ units: 1, ok: 0, withFindings: 1, unusable: 0, checks: 1, errors: 1, warnings: 0 });
    expect(report.units).toEqual([{ ...WARNING_ONLY_ROW, status: "findings" }]);
    expect(report.findings.map((f) => [f.code, f.severity])).toEqual([["carry-over", "error"]]);
  });
});

describe("format usage errors", () => {
  it("an unknown --format is a usage error (exit 2)", () => {
    const run = cli(["check", PUBLISHED, "--format", "sarif"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("sarif");
  });
});

// Issue 10, defect 8: the statistics and JUnit said what ran by listing every rule; they now
// say what did. minimal.yaml has two sources of money and nothing else: the one check that
// applies is income against expenditure (carry-over); no prior year, scorecard or indicator.
describe("checks that ran, not every rule", () => {
  const MINIMAL = "test/fixtures/valid/minimal.yaml";

  it("JUnit lists only the rules that ran: minimal.yaml does not pass prior-year, score-weight or completion-rate", () => {
    const run = cli(["check", MINIMAL, "--format", "junit"]);
    expect(run.code).toBe(0);
    const suite = parseXml(run.stdout).children[0]!;
    expect(suite.attributes).toEqual({ name: MINIMAL, tests: "1", failures: "0" });
    expect(descendants(suite, "testcase").map((c) => c.attributes.name)).toEqual(["carry-over"]);
  });

  it("the checks statistic counts the checks made: 1 for minimal.yaml", () => {
    const run = cli(["check", MINIMAL, "--format", "json"]);
    const report = JSON.parse(run.stdout) as { stats: Record<string, number> };
    expect(withoutSeconds(report.stats)).toEqual({ units: 1, ok: 1, withFindings: 0, unusable: 0, checks: 1, errors: 0, warnings: 0 });
  });

  it("a stated figure is one check under its rule; the prior year's figures one each under prior-year", () => {
    const run = cli(["check", "test/fixtures/prior/2020.yaml", "--format", "junit"]);
    expect(run.code).toBe(0);
    const cases = descendants(parseXml(run.stdout).children[0]!, "testcase").map((c) => c.attributes.name);
    // income.growth stated; income vs expenditure; no stated prior figure to compare with 2019.yaml.
    expect(cases).toEqual(["carry-over", "growth-rate"]);
    const json = JSON.parse(cli(["check", "test/fixtures/prior/2020.yaml", "--format", "json"]).stdout) as { stats: { checks: number } };
    expect(json.stats.checks).toBe(2);
    const disagrees = descendants(parseXml(cli(["check", "test/fixtures/prior/2020-disagrees.yaml", "--format", "junit"]).stdout).children[0]!, "testcase");
    expect(disagrees.map((c) => [c.attributes.name, c.children.length])).toContainEqual(["prior-year", 1]);
  });
});
