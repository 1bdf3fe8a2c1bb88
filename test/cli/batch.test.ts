import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { writeDatasets } from "../helpers/datasets.js";

let root: string;
let dir: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "perf-report-batch-"));
  dir = join(root, "data");
  // 30 units: #5 and #17 unusable (schema errors), #9 with a stated total that does not reconcile.
  writeDatasets(dir, 30, [4, 16], [8]);
});

describe("many units in one command", () => {
  it("checks a directory: the worst exit code, every unit's findings, a summary", () => {
    const r = cli(["check", dir, "--jobs", "2", "--summary", join(root, "summary.csv")], { env: { CI: "true" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unit-0005\.yaml:2:7: error\[schema\.type\] 应当是整数类型/);
    expect(r.stderr).toMatch(/unit-0017\.yaml:2:7: error\[schema\.type\] 应当是整数类型/);
    expect(r.stderr).toMatch(/unit-0009\.yaml:\d+:\d+: error\[sum\] 收入合计：所载 1209\.08，计算应为 1208\.08/);
    expect(r.stderr).toMatch(/检查了 30 个文件（27 个通过，1 个有问题，2 个无法使用）：7 个错误，0 个警告，用时 \d+\.\d\d 秒\n$/);
    // Findings come out in input order even though two workers finish in any order.
    const order = [...r.stderr.matchAll(/unit-(\d{4})\.yaml:\d+:\d+: error/g)].map((m) => m[1]);
    expect(order).toEqual(["0005", "0005", "0005", "0009", "0017", "0017", "0017"]);

    const csv = readFileSync(join(root, "summary.csv"), "utf8");
    expect(csv.startsWith("\ufeff")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("file,unit,year,status,findings,income,expenditure,carryOver,score,grade");
    expect(lines).toHaveLength(31);
    expect(lines[1]).toBe(`${join(dir, "unit-0001.yaml")},测试单位0,2020,ok,0,1200,723.25,476.75,85,良好`);
    expect(lines[5]).toBe(`${join(dir, "unit-0005.yaml")},,,unusable,3,,,,,`);
    expect(lines[9]).toMatch(/unit-0009\.yaml,测试单位8,2020,findings,1,1208\.08,/);
  });

  it("writes the summary as JSON too, and takes glob patterns", () => {
    const r = cli(["check", `${dir}/unit-000[1-3].yaml`, "--summary", join(root, "summary.json")]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(readFileSync(join(root, "summary.json"), "utf8"));
    expect(rows.map((row: { unit: string }) => row.unit)).toEqual(["测试单位0", "测试单位1", "测试单位2"]);
    expect(rows[1]).toMatchObject({ status: "ok", findings: 0, income: "1201.01", score: "86", grade: "良好" });
  });

  it("shows no progress bar when stderr is not a terminal", () => {
    const r = cli(["check", dir, "--jobs", "2"]);
    expect(r.stderr).not.toContain("\r");
    expect(r.stderr).not.toMatch(/\[#+\.*\]/);
  });

  it("builds every unit into one directory, named after each dataset; one bad unit stops none of the others", () => {
    const out = join(root, "out");
    const r = cli(["build", dir, "-o", `${out}/`, "--jobs", "2", "-f", "md"], { env: { CI: "true" } });
    expect(r.code).toBe(2);
    const built = readdirSync(out).sort();
    expect(built).toHaveLength(27);
    expect(built[0]).toBe("unit-0001.md");
    expect(built).not.toContain("unit-0005.md");
    expect(built).not.toContain("unit-0009.md");
    expect(r.stderr).toContain("有 1 处数字不能核对，未生成报告；确需生成请加 --force");
    expect(r.stderr).toMatch(/处理了 30 个文件（27 个通过，1 个有问题，2 个无法使用）/);
  });

  it("reports a pattern that matches nothing as a usage error", () => {
    const r = cli(["check", join(root, "nothing/*.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`perf-report: “${join(root, "nothing/*.yaml")}”没有匹配到数据文件\n`);
  });
});

describe("the prior year from its own file", () => {
  it("takes year-on-year figures from the predecessor", () => {
    const r = cli(["explain", "test/fixtures/prior/2020.yaml", "income.growth"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("income.growth  收入增长率 = 50.282018…%");
    expect(r.stdout).toContain("    income.prior = 1074.4  test/fixtures/prior/2019.yaml:6:3\n");
    expect(cli(["check", "test/fixtures/prior/2020.yaml"]).code).toBe(0);
  });

  it("reports a stated prior figure that disagrees, naming both files", () => {
    const r = cli(["check", "test/fixtures/prior/2020-disagrees.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("test/fixtures/prior/2020-disagrees.yaml:8:85: error[prior-year] 上年收入合计：本文件写作 1074.00，上年数据集 test/fixtures/prior/2019.yaml 计算为 1074.4");
    expect(r.stderr).toContain("  = test/fixtures/prior/2019.yaml:6:3: 上年数据集中 income.total = 1074.4");
  });
});

describe("init", () => {
  it("writes a starter dataset that checks clean, and never overwrites", () => {
    const work = mkdtempSync(join(tmpdir(), "perf-report-init-"));
    const r = cli(["init", "2021.yaml", "--unit", "测试局", "--year", "2021"], { cwd: work });
    expect(r.code).toBe(0);
    const text = readFileSync(join(work, "2021.yaml"), "utf8");
    const schemaLine = text.split("\n")[0]!;
    expect(schemaLine).toMatch(/^# yaml-language-server: \$schema=.*schemas\/perf-report\.schema\.json$/);
    expect(existsSync(resolve(work, schemaLine.split("$schema=")[1]!))).toBe(true);
    expect(cli(["check", "2021.yaml"], { cwd: work }).code).toBe(0);
    const again = cli(["init", "2021.yaml", "--unit", "别的局", "--year", "2021"], { cwd: work });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe("perf-report: 2021.yaml 已存在，不会覆盖\n");
    expect(readFileSync(join(work, "2021.yaml"), "utf8")).toBe(text);
  });

  it("prints the schema", () => {
    const r = cli(["schema"]);
    expect(JSON.parse(r.stdout).title).toBe("部门整体支出绩效自评报告数据集");
  });
});

describe("language", () => {
  it("follows --lang and LANG, for messages and help", () => {
    expect(cli(["check", "nope.yaml", "--lang", "en"]).stderr).toContain("nope.yaml: error[io.not-found] file not found");
    expect(cli(["check", "nope.yaml"], { env: { LANG: "en_US.UTF-8" } }).stderr).toContain("file not found");
    expect(cli(["check", "nope.yaml"]).stderr).toContain("找不到文件");
    expect(cli(["--help"]).stdout).toContain("部门整体支出绩效自评报告编译器");
    expect(cli(["--help", "--lang", "en"]).stdout).toContain("validate a YAML dataset, reconcile every figure");
    expect(cli(["build", "--help"]).stdout).toContain("perf-report build data/ -o out/ --jobs 2");
    expect(cli(["--version"]).stdout).toBe(`${JSON.parse(readFileSync("package.json", "utf8")).version}\n`);
  });
});
