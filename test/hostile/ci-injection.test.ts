/**
 * Issue 11 item 7, through the built CLI: a dataset in a pull request is untrusted input, and
 * what `check` and `explain` print from it must stay text — in $GITHUB_STEP_SUMMARY
 * (Markdown and HTML), in the --summary CSV (spreadsheet formulas), on the terminal (escape
 * sequences, shown as ␛ as `check` already does).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, ROOT } from "../helpers/cli.js";
import { freshDir } from "../helpers/hostile.js";
import { MINIMAL } from "../fixtures/bad/cases.js";

let dir: string;
const minimal = () => readFileSync(join(ROOT, MINIMAL), "utf8");
const dataset = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
beforeAll(() => {
  dir = freshDir("ci-injection");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("$GITHUB_STEP_SUMMARY", () => {
  it("shows a dataset's keys and placeholders as text: no HTML, no link", () => {
    const file = dataset("summary.yaml", `${minimal()}"<img src=x onerror=alert(1)>": 1\n"[点此](https://evil.example/login)": 2\n`);
    const summary = join(dir, "step-summary.md");
    writeFileSync(summary, "");
    const run = cli(["check", file, "--format", "github"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.code).toBe(2);
    const text = readFileSync(summary, "utf8");
    expect(text).toContain("不允许有属性“&lt;img src=x onerror=alert\\(1\\)&gt;”");
    expect(text).toContain("不允许有属性“\\[点此\\]\\(https://evil.example/login\\)”");
    expect(text).not.toMatch(/<[a-z]/i);
    expect(text).not.toMatch(/(^|[^\\])\]\(/m);
  });

  it("shows placeholders in prose as text", () => {
    const file = dataset("placeholders.yaml", `${minimal()}narrative:\n  problems: [{ title: 问题, text: "见{{<img/src=x>}}与{{[点此](https://evil.example)}}" }]\n`);
    const summary = join(dir, "step-summary-2.md");
    writeFileSync(summary, "");
    const run = cli(["check", file, "--format", "github"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.code).toBe(1);
    const rows = readFileSync(summary, "utf8").split("\n").filter((l) => l.startsWith("| "));
    expect(rows.slice(1)).toEqual([
      `| ${file}:18:35 | error | \`placeholder\` | 文字引用了不存在的数字“&lt;img/src=x&gt;” |`,
      `| ${file}:18:51 | error | \`placeholder\` | 文字引用了不存在的数字“\\[点此\\]\\(https” |`,
    ]);
  });
});

describe("--summary CSV", () => {
  it("makes a unit name that starts like a formula inert, -1+… included", () => {
    const file = dataset("formula.yaml", minimal().replace("name: 测试局", "name: \"-1+cmd|' /C calc'!A0\""));
    const csv = join(dir, "summary.csv");
    const run = cli(["check", file, "--summary", csv]);
    expect(run.code).toBe(0);
    const rows = readFileSync(csv, "utf8").replace(/^\ufeff/, "").split("\r\n");
    expect(rows[1]).toBe(`${file},'-1+cmd|' /C calc'!A0,2020,ok,0,100,90,10,,`);
  });
});

describe("explain", () => {
  it("shows escape sequences from the dataset as ␛, as check does", () => {
    const file = dataset("escape.yaml", `${minimal().replace("name: 财政拨款收入", 'name: "财政\\e[31m拨款\\e]0;pwned\\a"')}# \u001b[2J\n`);
    const run = cli(["explain", file, "income.source1"]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(run.stdout.split("\n")[0]).toBe("income.source1  财政␛[31m拨款␛]0;pwned␇ = 100 万元");
  });
});
