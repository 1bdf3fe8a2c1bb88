import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

const EXAMPLE = resolve("examples/yongzhou-2020.yaml");
const PUBLISHED = resolve("examples/yongzhou-2020-as-published.yaml");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "perf-report-build-"));
});

describe("perf-report build", () => {
  it("writes the DOCX of the example, named after the dataset", () => {
    const r = cli(["build", EXAMPLE, "-o", dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`已生成 ${join(dir, "yongzhou-2020.docx")}\n处理了 1 个文件：0 个错误，0 个警告\n`);
    const files = unzipSync(new Uint8Array(readFileSync(join(dir, "yongzhou-2020.docx"))));
    expect(strFromU8(files["word/document.xml"]!)).toContain("一、部门（单位）概况");
    expect(readdirSync(dir)).toEqual(["yongzhou-2020.docx"]);
  });

  it("writes every format asked for", () => {
    const r = cli(["build", EXAMPLE, "-o", dir, "--format", "docx,md,html,json"]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["yongzhou-2020.docx", "yongzhou-2020.html", "yongzhou-2020.json", "yongzhou-2020.md"]);
    const json = JSON.parse(readFileSync(join(dir, "yongzhou-2020.json"), "utf8"));
    expect(json.figures["income.growth"]).toMatchObject({ kind: "percent", formula: "income.change ÷ income.prior × 100%", inputs: ["income.change", "income.prior"] });
    expect(json.figures["income.growth"].value).toMatch(/^352\.2630230572/);
    expect(json.figures["expenditure.basic.personnel"].source).toEqual({ pointer: "/finance/expenditure/basic/personnel", line: 93, col: 18 });
    const html = readFileSync(join(dir, "yongzhou-2020.html"), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<td colspan="2" class="center"><strong>合计</strong></td>');
  });

  it("refuses a dataset whose figures do not reconcile, and says why", () => {
    const r = cli(["build", PUBLISHED, "-o", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[growth-rate] 收入增长率：所载 352.13%，计算应为 352.26%");
    expect(r.stderr).toContain(`\nperf-report: ${PUBLISHED} 有 5 个错误，未生成报告；确需生成请加 --force\n处理了 1 个文件：5 个错误，0 个警告\n`);
    expect(readdirSync(dir)).toEqual([]);
    const en = cli(["build", PUBLISHED, "-o", dir, "--lang", "en"]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`\nperf-report: ${PUBLISHED} has 5 error(s); nothing was built (use --force to build anyway)\nprocessed 1 file: 5 errors, 0 warnings\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("counts only errors in the refusal: warnings alone do not stop a build", () => {
    const input = join(dir, "warned.yaml");
    // A placeholder followed by its own unit is a warning; a stated total one off is an error.
    const text = readFileSync("test/fixtures/valid/minimal.yaml", "utf8") + "narrative:\n  spendingDirections: 收入{{income.total}}万元。\n";
    writeFileSync(input, text);
    const warned = cli(["build", input, "-o", dir, "-f", "md"]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain("warning[placeholder]");
    expect(readdirSync(dir).sort()).toEqual(["warned.md", "warned.yaml"]);
    writeFileSync(input, `${text}stated:\n  income.total: 101\n`);
    const r = cli(["build", input, "-o", join(dir, "out.md")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`perf-report: ${input} 有 1 个错误，未生成报告；确需生成请加 --force\n处理了 1 个文件：1 个错误，1 个警告\n`);
    expect(existsSync(join(dir, "out.md"))).toBe(false);
  });

  it("builds it anyway with --force, still exiting 1 for the findings", () => {
    const r = cli(["build", PUBLISHED, "-o", join(dir, "out.docx"), "--force"]);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, "out.docx"))).toBe(true);
  });

  it("keeps the previous good output when a build fails", () => {
    const target = join(dir, "report.docx");
    writeFileSync(target, "previous good report");
    const template = join(dir, "bad.hbs");
    writeFileSync(template, "# {{unit.nmae}}\n");
    const r = cli(["build", EXAMPLE, "-o", target, "--template", template]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${template}:1:5: error[template.error] 模板引用的字段“nmae”不存在\n  |\n1 | # {{unit.nmae}}\n  |     ^\n\n处理了 1 个文件：1 个错误，0 个警告\n`);
    expect(readFileSync(target, "utf8")).toBe("previous good report");
    expect(readdirSync(dir).sort()).toEqual(["bad.hbs", "report.docx"]);
  });

  it("names the line and column of an unknown helper and of a syntax error in a user's template", () => {
    const helper = join(dir, "helper.hbs");
    writeFileSync(helper, "# 标题\n{{#each duties}}\n{{fmtMony this}}\n{{/each}}\n");
    expect(cli(["build", EXAMPLE, "-o", dir, "--template", helper]).stderr).toBe(
      `${helper}:3:1: error[template.error] 未知的辅助函数“fmtMony”；可用的有：fig, amount, num, pct, has, changeWord, growthWord, prose, inc, cn, join, positive, term, doctitle, heading, para, signature, landscape, table, pagebreak, clause\n  |\n3 | {{fmtMony this}}\n  | ^\n\n处理了 1 个文件：1 个错误，0 个警告\n`,
    );
    const syntax = join(dir, "syntax.hbs");
    writeFileSync(syntax, "# a\n{{#if x}\n");
    const r = cli(["build", EXAMPLE, "-o", dir, "--template", syntax]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${syntax.replace(/[.]/g, "\\.")}:2:8: error\\[template\\.syntax\\] 模板语法错误：Expecting `));
  });

  it("renders nothing from constructor or __proto__ in a template", () => {
    const template = join(dir, "proto.hbs");
    writeFileSync(template, '{{#doctitle}}[{{unit.constructor}}][{{unit.__proto__}}][{{lookup unit "constructor"}}][{{#with unit}}{{constructor}}{{/with}}]{{/doctitle}}\n');
    const r = cli(["build", EXAMPLE, "-o", join(dir, "proto.md"), "-f", "md", "--template", template]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "proto.md"), "utf8")).toBe("# \\[\\]\\[\\]\\[\\]\\[\\]\n");
  });

  it("refuses to overwrite its input", () => {
    const input = join(dir, "data.md");
    writeFileSync(input, readFileSync(EXAMPLE));
    const r = cli(["build", input, "-o", input, "-f", "md"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`输出文件不能覆盖输入文件 ${input}`);
    expect(readFileSync(input, "utf8")).toBe(readFileSync(EXAMPLE, "utf8"));
  });

  it("takes fonts and margins from a --style file without code changes", () => {
    const style = join(dir, "style.yaml");
    writeFileSync(style, "fonts:\n  body: 仿宋\n  heading1: 方正黑体_GBK\npage:\n  top: 30\nlineSpacing: 29\n");
    const r = cli(["build", EXAMPLE, "-o", join(dir, "styled.docx"), "--style", style]);
    expect(r.code).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(join(dir, "styled.docx"))));
    const styles = strFromU8(files["word/styles.xml"]!);
    expect(styles).toContain('w:eastAsia="仿宋"');
    expect(styles).toContain('w:eastAsia="方正黑体_GBK"');
    expect(styles).toContain('w:line="580" w:lineRule="exact"');
    expect(strFromU8(files["word/document.xml"]!)).toContain('w:top="1701"');
  });

  it("gives a --style, read and checked once for the run, to every unit of a batch built on two workers", () => {
    const style = join(dir, "a5.yaml");
    writeFileSync(style, "page: { width: 148, height: 210, top: 20, bottom: 20, left: 20, right: 20 }\n");
    const out = join(dir, "a5-batch");
    const r = cli(["build", EXAMPLE, "examples/suining-sifaju-2020.yaml", "examples/nanxian-zhengxie-2024.yaml", "-o", `${out}/`, "--style", style, "-j", "2"]);
    expect(r.code).toBe(0);
    for (const name of ["yongzhou-2020.docx", "suining-sifaju-2020.docx", "nanxian-zhengxie-2024.docx"]) {
      const document = strFromU8(unzipSync(new Uint8Array(readFileSync(join(out, name))))["word/document.xml"]!);
      expect(document).toContain('<w:pgSz w:w="8391" w:h="11906" w:orient="portrait"/>');
    }
  });

  // In English (--lang en): the same errors are worded from the catalogue in either language.
  it("reports a template helper's error at the helper's line and column, with a did-you-mean (--lang en)", () => {
    const cases: [string, string, string][] = [
      ["amount.hbs", '# 标题\n收入{{amount "income.totl"}}\n', `amount.hbs:2:3: error[template.helper] amount: unknown figure "income.totl" (did you mean "income.total"?)\n  |\n2 | 收入{{amount "income.totl"}}\n  |     ^\n`],
      ["table.hbs", '# 标题\n\n  {{table "fund"}}\n', `table.hbs:3:3: error[template.helper] table: unknown table "fund"; the tables are "profile", "finance", "funds", "scorecard", "incomeByUnit", "expenditureByUnit"\n  |\n3 |   {{table "fund"}}\n  |   ^\n`],
      ["decimals.hbs", '# 标题\n{{pct "income.growth" "x"}}\n', `decimals.hbs:2:1: error[template.helper] pct: the second argument is the number of decimals (0–6), e.g. {{pct "income.growth" 1}}\n  |\n2 | {{pct "income.growth" "x"}}\n  | ^\n`],
      ["range.hbs", '# 标题\n{{pct "income.growth" 7}}\n', `range.hbs:2:1: error[template.helper] pct: decimals must be 0–6, not 7\n  |\n2 | {{pct "income.growth" 7}}\n  | ^\n`],
      ["word.hbs", '# 标题\n{{changeWord "income.chang"}}\n', `word.hbs:2:1: error[template.helper] changeWord: unknown figure "income.chang" (did you mean "income.change"?)\n  |\n2 | {{changeWord "income.chang"}}\n  | ^\n`],
      ["far.hbs", '# 标题\n{{amount "zzzzzz"}}\n', `far.hbs:2:1: error[template.helper] amount: unknown figure "zzzzzz"\n  |\n2 | {{amount "zzzzzz"}}\n  | ^\n`],
      ["unquoted.hbs", "# 标题\n{{amount nosuch}}\n", `unquoted.hbs:2:1: error[template.helper] amount: expected a figure id in quotes, e.g. {{amount "income.total"}}\n  |\n2 | {{amount nosuch}}\n  | ^\n`],
      ["bare-id.hbs", "# 标题\n{{amount income.total}}\n", `bare-id.hbs:2:10: error[template.helper] amount: the figure id must be in quotes: {{amount "income.total"}}\n  |\n2 | {{amount income.total}}\n  |          ^\n`],
    ];
    for (const [name, template, expected] of cases) {
      writeFileSync(join(dir, name), template);
      const r = cli(["build", EXAMPLE, "-o", join(dir, "out.md"), "--template", name, "--lang", "en"], { cwd: dir });
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toBe(`${expected}\nprocessed 1 file: 1 error, 0 warnings\n`);
    }
    expect(existsSync(join(dir, "out.md"))).toBe(false);
  });

  it("a figure id without quotes ({{amount income.total}}) is refused at the id; a missing field on a path inside a helper or block at its mustache", () => {
    writeFileSync(join(dir, "unquoted-path.hbs"), "# 标题\n{{amount income.total}}\n");
    const r = cli(["build", EXAMPLE, "-o", join(dir, "out.md"), "--template", "unquoted-path.hbs"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'unquoted-path.hbs:2:10: error[template.helper] amount：数字编号要加引号：{{amount "income.total"}}\n  |\n2 | {{amount income.total}}\n  |          ^\n\n处理了 1 个文件：1 个错误，0 个警告\n',
    );
    const paths: [string, string][] = [
      ["{{#if nosuch.x}}a{{/if}}", "“x”之前的字段不存在"],
      ["{{#each nosuch.items}}a{{/each}}", "“items”之前的字段不存在"],
      ["{{prose nosuch.x}}", "“x”之前的字段不存在"],
    ];
    for (const [line, message] of paths) {
      writeFileSync(join(dir, "path.hbs"), `# 标题\n${line}\n`);
      const p = cli(["build", EXAMPLE, "-o", join(dir, "out.md"), "--template", "path.hbs"], { cwd: dir });
      expect(p.code, line).toBe(2);
      expect(p.stderr.split("\n")[0], line).toBe(`path.hbs:2:1: error[template.error] ${message}`);
      expect(p.stderr, line).not.toContain("Cannot read properties");
    }
    expect(existsSync(join(dir, "out.md"))).toBe(false);
  });

  // The README: "a Handlebars template of your own (start from templates/report.hbs)". The
  // bundled template names figures through view fields ({{fig id}}, {{amount allocated}}):
  // a user's copy of it must compile as it is.
  it("a copy of the bundled template given as --template builds exactly what the default does", () => {
    const plain = cli(["build", EXAMPLE, "-o", join(dir, "default.md")]);
    expect(plain.code).toBe(0);
    // A copy: the bundled file itself is recognised and its precompiled form used instead.
    copyFileSync(resolve("templates/report.hbs"), join(dir, "my-report.hbs"));
    const own = cli(["build", EXAMPLE, "-o", join(dir, "own.md"), "--template", join(dir, "my-report.hbs")]);
    expect(own.stderr).toBe(`已生成 ${join(dir, "own.md")}\n处理了 1 个文件：0 个错误，0 个警告\n`);
    expect(own.code).toBe(0);
    expect(readFileSync(join(dir, "own.md"), "utf8")).toBe(readFileSync(join(dir, "default.md"), "utf8"));
  });

  it("checks a --style file against its schema first: typos and values out of range at their line, nothing built", () => {
    writeFileSync(join(dir, "style.yaml"), "fonts:\n  bdy: 仿宋\npage:\n  top: 300\n");
    const r = cli(["build", EXAMPLE, "-o", join(dir, "out.md"), "--style", "style.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        "style.yaml:2:3: error[schema.additional-property] 不允许有属性“bdy”",
        "  |",
        "2 |   bdy: 仿宋",
        "  |   ^^^",
        "  = 提示: 是否想写“body”？",
        "",
        "style.yaml:4:8: error[schema.maximum] 应当为 <= 200",
        "  |",
        "4 |   top: 300",
        "  |        ^^^",
        "",
        "",
      ].join("\n"),
    );
    writeFileSync(join(dir, "narrow.yaml"), "page:\n  left: 100\n  right: 80\n");
    const narrow = cli(["build", EXAMPLE, "-o", join(dir, "out.md"), "--style", "narrow.yaml", "--lang", "en"], { cwd: dir });
    expect(narrow.code).toBe(2);
    expect(narrow.stderr.split("\n")[0]).toBe("narrow.yaml:2:3: error[style.page] the margins leave less than 50 mm for the text");
    expect(existsSync(join(dir, "out.md"))).toBe(false);
    expect(JSON.parse(cli(["schema", "--style"]).stdout).title).toBe("文档样式");
  });

  it("rejects an unknown output format as a usage error", () => {
    const r = cli(["build", EXAMPLE, "-o", dir, "--format", "odt"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("perf-report: --format 可用的格式是 docx、md、html、json、pdf，不是“odt”\n");
  });
});

describe("where build writes", () => {
  const MINIMAL = resolve("test/fixtures/valid/minimal.yaml");

  it("datasets with the same file name in different folders are named after their folder too; the others keep their name", () => {
    for (const county of ["countyA", "countyB"]) {
      mkdirSync(join(dir, "data", county), { recursive: true });
      copyFileSync(MINIMAL, join(dir, "data", county, "2021.yaml"));
    }
    copyFileSync(MINIMAL, join(dir, "data", "solo.yaml"));
    const r = cli(["build", "data/countyA/2021.yaml", "data/countyB/2021.yaml", "data/solo.yaml", "-o", "out/", "-f", "md"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["countyA-2021.md", "countyB-2021.md", "solo.md"]);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("已生成")).sort()).toEqual(["已生成 out/countyA-2021.md", "已生成 out/countyB-2021.md", "已生成 out/solo.md"]);
    // The same from the directory itself.
    const all = cli(["build", "data", "-o", "all/", "-f", "md"], { cwd: dir });
    expect(all.code).toBe(0);
    expect(readdirSync(join(dir, "all")).sort()).toEqual(["countyA-2021.md", "countyB-2021.md", "solo.md"]);
  });

  it("-o FILE takes its format from the extension when --format is not given", () => {
    const r = cli(["build", MINIMAL, "-o", "report.md"], { cwd: dir });
    expect(r).toEqual({ code: 0, signal: null, timedOut: false, stdout: "", stderr: "已生成 report.md\n处理了 1 个文件：0 个错误，0 个警告\n" });
    expect(readFileSync(join(dir, "report.md"), "utf8")).toMatch(/^# 测试局\n/);
    expect(cli(["build", MINIMAL, "-o", "report.json"], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "report.json"), "utf8")).figures["income.total"]).toMatchObject({ kind: "amount" });
    expect(readdirSync(dir).sort()).toEqual(["report.json", "report.md"]);
  });

  it("-o FILE without an extension gets the format's (.docx by default)", () => {
    expect(cli(["build", MINIMAL, "-o", "report"], { cwd: dir }).stderr).toBe("已生成 report.docx\n处理了 1 个文件：0 个错误，0 个警告\n");
    expect(cli(["build", MINIMAL, "-o", "notes", "-f", "md", "--lang", "en"], { cwd: dir }).stderr).toBe("wrote notes.md\nprocessed 1 file: 0 errors, 0 warnings\n");
    expect(readdirSync(dir).sort()).toEqual(["notes.md", "report.docx"]);
  });

  it("-o FILE refuses an extension that contradicts --format, and several outputs (exit 2, nothing written)", () => {
    expect(cli(["build", MINIMAL, "-o", "r.md", "--format", "docx"], { cwd: dir })).toEqual({ code: 2, signal: null, timedOut: false, stdout: "", stderr: "perf-report: -o r.md 的扩展名与 --format docx 不一致\n" });
    expect(cli(["build", MINIMAL, "-o", "r.md", "--format", "docx", "--lang", "en"], { cwd: dir }).stderr).toBe("perf-report: -o r.md does not match --format docx\n");
    expect(cli(["build", MINIMAL, "-o", "r.md", "--format", "md,html"], { cwd: dir })).toEqual({
      code: 2,
      signal: null,
      timedOut: false,
      stdout: "",
      stderr: "perf-report: -o r.md 是一个文件，但要生成 2 个文件；请给出目录，例如 -o r/\n",
    });
    expect(cli(["build", MINIMAL, EXAMPLE, "-o", "r2.md"], { cwd: dir })).toEqual({
      code: 2,
      signal: null,
      timedOut: false,
      stdout: "",
      stderr: "perf-report: -o r2.md 是一个文件，但要生成 2 个文件；请给出目录，例如 -o r2/\n",
    });
    expect(cli(["build", MINIMAL, EXAMPLE, "-o", "r2.md", "--lang", "en"], { cwd: dir }).stderr).toBe(
      "perf-report: -o r2.md names one file, but 2 outputs are asked for; give a directory, e.g. -o r2/\n",
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  // A folder-derived name can meet another dataset's own name: data/countyA/2021.yaml and
  // data/countyA-2021.yaml (at c977fc2 both were written to countyA-2021.md).
  it("never writes two datasets to one file, even when a folder-name meets a dataset's own name", () => {
    for (const county of ["countyA", "countyB"]) {
      mkdirSync(join(dir, "data", county), { recursive: true });
      copyFileSync(MINIMAL, join(dir, "data", county, "2021.yaml"));
    }
    copyFileSync(MINIMAL, join(dir, "data", "countyA-2021.yaml"));
    const r = cli(["build", "data", "-o", "out/", "-f", "md"], { cwd: dir });
    expect(r.code).toBe(0);
    const written = r.stderr.split("\n").filter((l) => l.startsWith("已生成 "));
    expect(written).toHaveLength(3);
    expect(new Set(written).size).toBe(3);
    expect(readdirSync(join(dir, "out"))).toHaveLength(3);
  });

  // At c977fc2 build looped for ever on one file written two ways (solo.yaml and ./solo.yaml):
  // the search for the clashing names' common folder never stopped. A timeout guards the test.
  it("one dataset named twice, two ways (solo.yaml and ./solo.yaml), is built without hanging", () => {
    copyFileSync(MINIMAL, join(dir, "solo.yaml"));
    const r = spawnSync(process.execPath, [resolve("bin/perf-report.js"), "build", "solo.yaml", "./solo.yaml", "-o", "out/", "-f", "md"], {
      cwd: dir,
      env: { ...process.env, LANG: "zh_CN.UTF-8" },
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, "out"))).toEqual(["solo.md"]);
  });

  it("-o names a directory when it ends with / or exists, whatever its name", () => {
    mkdirSync(join(dir, "out.md"));
    expect(cli(["build", MINIMAL, "-o", "out.md", "-f", "md"], { cwd: dir }).code).toBe(0);
    expect(readdirSync(join(dir, "out.md"))).toEqual(["minimal.md"]);
    expect(cli(["build", MINIMAL, "-o", "new.docx/", "-f", "md"], { cwd: dir }).code).toBe(0);
    expect(readdirSync(join(dir, "new.docx"))).toEqual(["minimal.md"]);
  });
});
