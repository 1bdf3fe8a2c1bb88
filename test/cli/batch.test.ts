import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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
    expect(r.stderr).toMatch(/检查了 30 个文件（27 个通过，1 个有问题，2 个无法使用）：3 个错误，0 个警告，用时 \d+\.\d\d 秒\n$/);
    // Findings come out in input order even though two workers finish in any order.
    const order = [...r.stderr.matchAll(/unit-(\d{4})\.yaml:\d+:\d+: error/g)].map((m) => m[1]);
    // An unusable unit has one error, its year: profile and finance are optional (missing means missing).
    expect(order).toEqual(["0005", "0009", "0017"]);

    const csv = readFileSync(join(root, "summary.csv"), "utf8");
    expect(csv.startsWith("\ufeff")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("file,unit,year,status,findings,income,expenditure,carryOver,score,grade");
    expect(lines).toHaveLength(31);
    expect(lines[1]).toBe(`${join(dir, "unit-0001.yaml")},测试单位0,2020,ok,0,1200,723.25,476.75,85,良好`);
    // Unusable, but its YAML parsed: the row keeps the unit's name (its year "二〇二〇" is not a number).
    expect(lines[5]).toBe(`${join(dir, "unit-0005.yaml")},坏数据4,,unusable,1,,,,,`);
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
    expect(r.stderr).toContain(`perf-report: ${join(dir, "unit-0009.yaml")} 有 1 个错误，未生成报告；确需生成请加 --force\n`);
    expect(r.stderr).toMatch(/处理了 30 个文件（27 个通过，1 个有问题，2 个无法使用）/);
  });

  it("a synthetic unit with 7 funds builds with exact decimals and its quoted fund descriptions filled in", () => {
    const seven = join(root, "seven");
    writeDatasets(seven, 1, [], [], { funds: 7, indicators: 3 });
    const out = join(root, "seven-out");
    const r = cli(["build", seven, "-o", `${out}/`, "-f", "md"]);
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, "unit-0001.md"), "utf8");
    // 1000 + 200.00 keeps both decimals; project 301.00 is printed as written.
    expect(md).toContain("2020年度收入1,200.00万元，比上年900万元增加300.00万元，增长33.33%；");
    expect(md).toContain("基本支出600.25万元，项目支出301.00万元，本年结转结余298.75万元。");
    expect(md).toContain("（1）专项资金150.00万元。用于专项工作1，支出40.00万元，结余10.00万元。");
    expect(md).toContain("（7）专项资金756.00万元。用于专项工作7，支出46.00万元，结余10.00万元。");
  });

  it("reports a pattern that matches nothing as a usage error", () => {
    const r = cli(["check", join(root, "nothing/*.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`perf-report: “${join(root, "nothing/*.yaml")}”没有匹配到数据文件\n`);
  });
});

describe("the summary CSV", () => {
  let csvDir: string;
  beforeAll(() => {
    csvDir = join(root, "csv");
    mkdirSync(csvDir);
    const minimal = readFileSync("test/fixtures/valid/minimal.yaml", "utf8");
    const named = (name: string) => minimal.replace("name: 测试局", `name: ${name}`);
    writeFileSync(join(csvDir, "a.yaml"), named('"=1+2"'));
    writeFileSync(join(csvDir, "b.yaml"), named('"@SUM(A1)"'));
    writeFileSync(join(csvDir, "c.yaml"), named('"-x,y"'));
    writeFileSync(join(csvDir, "d.yaml"), named('"+x"'));
    writeFileSync(join(csvDir, "e.yaml"), named('"\\tx"'));
    // Spending above income: a negative carry-over, a number that stays as it is (and a warning).
    writeFileSync(join(csvDir, "f.yaml"), named('"-5局"').replace("project: 30", "project: 300"));
    // Unusable: a schema error (unit and year kept) and a YAML error (nothing to keep).
    writeFileSync(join(csvDir, "g.yaml"), named("坏局").replace("project: 30", "project: 三十"));
    writeFileSync(join(csvDir, "h.yaml"), "unit: {name: 坏局2}\nyear: [\n");
  });

  it("neutralises cells that a spreadsheet would run as a formula; unusable rows keep unit and year when the YAML parsed", () => {
    const summary = join(root, "cells.csv");
    const r = cli(["check", csvDir, "--summary", summary]);
    expect(r.code).toBe(2);
    const lines = readFileSync(summary, "utf8").slice(1).trimEnd().split("\r\n");
    expect(lines.slice(1).map((l) => l.slice(csvDir.length + 1))).toEqual([
      "a.yaml,'=1+2,2020,ok,0,100,90,10,,",
      "b.yaml,'@SUM(A1),2020,ok,0,100,90,10,,",
      `c.yaml,"'-x,y",2020,ok,0,100,90,10,,`,
      "d.yaml,'+x,2020,ok,0,100,90,10,,",
      "e.yaml,'\tx,2020,ok,0,100,90,10,,",
      "f.yaml,'-5局,2020,ok,1,100,360,-260,,", // "-5局" is text that starts with "-": neutralised; -260 is a number and stays one (issue 11 item 7)
      "g.yaml,坏局,2020,unusable,1,,,,,",
      "h.yaml,,,unusable,1,,,,,",
    ]);
  });

  it("--summary takes a .csv or .json file name: anything else is a usage error, before any unit is checked", () => {
    const txt = join(root, "summary.txt");
    expect(cli(["check", "test/fixtures/valid/minimal.yaml", "--summary", txt])).toEqual({
      code: 2,
      signal: null,
      timedOut: false,
      stdout: "",
      stderr: `perf-report: --summary 的文件名应以 .csv 或 .json 结尾，不是 ${txt}\n`,
    });
    expect(cli(["check", "test/fixtures/valid/minimal.yaml", "--summary", txt, "--lang", "en"]).stderr).toBe(`perf-report: --summary takes a .csv or .json file name, not ${txt}\n`);
    expect(existsSync(txt)).toBe(false);
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

  describe("findings about the prior dataset stand on this dataset's prior: line", () => {
    let priorDir: string;
    beforeAll(() => {
      priorDir = join(root, "prior");
      mkdirSync(priorDir);
      const y2019 = readFileSync("test/fixtures/prior/2019.yaml", "utf8");
      const y2020 = readFileSync("test/fixtures/prior/2020.yaml", "utf8");
      writeFileSync(join(priorDir, "2019-other.yaml"), y2019.replace("测试县财政局", "别的局"));
      writeFileSync(join(priorDir, "2018.yaml"), y2019.replace("year: 2019", "year: 2018"));
      writeFileSync(join(priorDir, "2020-other.yaml"), y2020.replace("prior: ./2019.yaml", "prior: ./2019-other.yaml"));
      writeFileSync(join(priorDir, "2020-year.yaml"), y2020.replace("prior: ./2019.yaml", "prior: ./2018.yaml"));
      writeFileSync(join(priorDir, "2020-missing.yaml"), y2020.replace("prior: ./2019.yaml", "prior: ./nothere.yaml"));
    });

    it("a prior dataset of another unit is a warning, and its figures are still used", () => {
      const r = cli(["check", "2020-other.yaml"], { cwd: priorDir });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(
        [
          "2020-other.yaml:5:8: warning[prior-year] 上年数据集 2019-other.yaml 的单位是“别的局”，不是“测试县财政局”",
          "  |",
          "5 | prior: ./2019-other.yaml",
          "  |        ^^^^^^^^^^^^^^^^^",
          "",
          "检查了 1 个文件：0 个错误，1 个警告",
          "",
        ].join("\n"),
      );
      expect(cli(["check", "2020-other.yaml", "--lang", "en"], { cwd: priorDir }).stderr.split("\n")[0]).toBe(
        "2020-other.yaml:5:8: warning[prior-year] the prior year's dataset 2019-other.yaml is for “别的局”, not “测试县财政局”",
      );
      expect(cli(["check", "2020-other.yaml", "--strict"], { cwd: priorDir }).code).toBe(1);
    });

    it("a prior dataset of the wrong year, or one that cannot be used, is an error at the prior: line", () => {
      const year = cli(["check", "2020-year.yaml"], { cwd: priorDir });
      expect(year.code).toBe(2);
      expect(year.stderr.split("\n").slice(0, 4)).toEqual([
        "2020-year.yaml:5:8: error[prior-year] 上年数据集 2018.yaml 的年度是 2018，应为 2019",
        "  |",
        "5 | prior: ./2018.yaml",
        "  |        ^^^^^^^^^^^",
      ]);
      const missing = cli(["check", "2020-missing.yaml", "--lang", "en"], { cwd: priorDir });
      expect(missing.code).toBe(2);
      // One finding, on this dataset's line: the prior file is named, never quoted (issue 11 item 1).
      expect(missing.stderr.split("\n").filter((l) => / error\[|= hint/.test(l))).toEqual([
        "2020-missing.yaml:5:8: error[prior-year] the prior year's dataset nothere.yaml is unusable",
        "  = hint: file not found",
      ]);
      // In the summary, the unit whose prior is unusable keeps its name and year.
      cli(["check", "2020-other.yaml", "2020-missing.yaml", "--summary", "prior.csv"], { cwd: priorDir });
      expect(readFileSync(join(priorDir, "prior.csv"), "utf8").slice(1).trimEnd().split("\r\n").slice(1)).toEqual([
        "2020-other.yaml,测试县财政局,2020,ok,1,1614.63,1530,84.63,,",
        "2020-missing.yaml,测试县财政局,2020,unusable,1,,,,,",
      ]);
    });
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
    expect(cli(["--help", "--lang", "en"]).stdout).toContain("validate a YAML dataset, reconcile every\nfigure, write the DOCX");
    expect(cli(["build", "--help"]).stdout).toContain("perf-report build data/ -o out/ --jobs 2");
    expect(cli(["--version"]).stdout).toBe(`${JSON.parse(readFileSync("package.json", "utf8")).version}\n`);
  });
});
