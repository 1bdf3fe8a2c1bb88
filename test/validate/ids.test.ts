/**
 * Defect 1 of issue 10: ids the dataset gives (income sources, special funds, indicators)
 * must be unique and must not name a computed figure. Before, a source `id: change` became
 * `income.change` and replaced the computed change, and a second fund `id: a` replaced the
 * first one's figures: `check` said 0 errors while the report printed 其他收入27万元 and
 * 甲专项15万元. Now the dataset is unusable (exit 2), and the finding names both places.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Figures } from "../../src/compute/figure.js";
import { Dec } from "../../src/load/numbers.js";
import { cli, ensureBuilt, STACK_FRAME } from "../helpers/cli.js";
import { HEAD, where } from "../helpers/reconcile.js";

const FILE = "test/fixtures/ids/colliding.yaml";
const TEXT = readFileSync(FILE, "utf8");
const at = (needle: string, nth = 0) => {
  const p = where(TEXT, needle, nth);
  return `${FILE}:${p.line}:${p.col}`;
};

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "perf-report-ids-"));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("colliding ids in the dataset", () => {
  it("check: exit 2, the reserved source id and the duplicate fund id at their lines, the first fund named too (zh)", () => {
    const r = cli(["check", FILE]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    const lines = r.stderr.split("\n");
    expect(lines.filter((l) => / error\[/.test(l) || /^  = /.test(l))).toEqual([
      `${at("change")}: error[income.reserved-id] 收入来源编号“change”与计算得出的数字“income.change”冲突；请换一个编号`,
      `${at("a\n", 1)}: error[fund.duplicate-id] 专项资金编号“a”重复`,
      `  = ${at("a\n", 0)}: “a”第一次出现在这里`,
    ]);
    expect(lines.at(-2)).toBe("检查了 1 个文件：2 个错误，0 个警告");
  });

  it("the same in English", () => {
    const r = cli(["check", FILE, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n").filter((l) => / error\[/.test(l) || /^  = /.test(l))).toEqual([
      `${at("change")}: error[income.reserved-id] income source id “change” clashes with the computed figure “income.change”; choose another id`,
      `${at("a\n", 1)}: error[fund.duplicate-id] special fund id “a” is used twice`,
      `  = ${at("a\n", 0)}: “a” is first used here`,
    ]);
  });

  it("build writes nothing (exit 2) instead of 其他收入27万元 and 甲专项15万元", () => {
    const out = join(dir, "colliding.md");
    const r = cli(["build", FILE, "-f", "md", "-o", out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("with distinct ids the same dataset passes and prints every figure as written", () => {
    const fixed = join(dir, "distinct.yaml");
    writeFileSync(fixed, TEXT.replace("id: change", "id: other").replace("- id: a\n      name: 乙专项", "- id: b\n      name: 乙专项").replace("{{income.change}}", "{{income.other}}"));
    expect(cli(["check", fixed]).code).toBe(0);
    const out = join(dir, "distinct.md");
    expect(cli(["build", fixed, "-f", "md", "-o", out]).code).toBe(0);
    const md = readFileSync(out, "utf8");
    expect(md).toContain("其他收入7万元，甲专项20万元。");
    expect(md).toContain("| 　　其他收入 | 7.00 | — | — | — |");
    expect(md).toContain("| 1 | 甲专项 | 20.00 | 18.00 | 2.00 | 90.00 |");
    expect(md).toContain("| 2 | 乙专项 | 15.00 | 12.00 | 3.00 | 80.00 |");
  });

  it("a source without an id is income.sourceN: an explicit id sourceN elsewhere is a duplicate", () => {
    const text = `${HEAD}finance:\n  income:\n    sources:\n      - name: 甲\n        amount: 1\n      - id: source1\n        name: 乙\n        amount: 2\n  expenditure: { basic: { personnel: 1, public: 1 }, project: 1 }\n`;
    const file = join(dir, "implicit.yaml");
    writeFileSync(file, text);
    const r = cli(["check", file, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n").filter((l) => / error\[/.test(l) || /^  = /.test(l))).toEqual([
      `${file}:${where(text, "source1").line}:${where(text, "source1").col}: error[income.duplicate-id] income source id “source1” is used twice`,
      `  = ${file}:${where(text, "- name: 甲").line}:${where(text, "name: 甲").col}: “source1” is first used here`,
    ]);
  });

  it("indicator ids: a duplicate names the first one; a reserved root is refused", () => {
    const text = `${HEAD}finance:\n  income: { sources: [{ name: 甲, amount: 1 }] }\n  expenditure: { basic: { personnel: 1, public: 1 }, project: 1 }\nachievements:\n  - title: 成效\n    indicators:\n      - { id: a, name: 甲, actual: 1 }\n      - { id: a, name: 甲2, actual: 2 }\n      - { id: fund, name: 专项, actual: 3 }\n`;
    const file = join(dir, "indicators.yaml");
    writeFileSync(file, text);
    const r = cli(["check", file]);
    expect(r.code).toBe(2);
    const p = (needle: string, nth = 0) => `${file}:${where(text, needle, nth).line}:${where(text, needle, nth).col}`;
    expect(r.stderr.split("\n").filter((l) => / error\[/.test(l) || /^  = /.test(l))).toEqual([
      `${p("a,", 1)}: error[indicator.duplicate-id] 指标编号“a”重复`,
      `  = ${p("a,", 0)}: “a”第一次出现在这里`,
      `${p("fund,")}: error[indicator.reserved-id] 指标编号“fund”与保留的图表编号冲突`,
    ]);
  });
});

describe("Figures.add", () => {
  it("refuses a second figure with the same id (an internal error: nothing may overwrite a figure)", () => {
    const figures = new Figures();
    const figure = { id: "income.total", kind: "amount" as const, label: { key: "figure.income.total" as const }, value: new Dec(1), dp: 0, rule: "figure" as const, inputs: [] };
    figures.add(figure);
    expect(() => figures.add({ ...figure, value: new Dec(2) })).toThrow("figure income.total is defined twice");
    expect(figures.get("income.total")!.value!.toString()).toBe("1");
  });
});
