import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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
    expect(r.stderr).toContain(`perf-report: ${PUBLISHED} 有 5 处数字不能核对，未生成报告；确需生成请加 --force`);
    expect(readdirSync(dir)).toEqual([]);
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
    expect(r.stderr).toBe(`${template}:1:5: error[template.error] "nmae" not defined\n  |\n1 | # {{unit.nmae}}\n  |     ^\n\n处理了 1 个文件：1 个错误，0 个警告\n`);
    expect(readFileSync(target, "utf8")).toBe("previous good report");
    expect(readdirSync(dir).sort()).toEqual(["bad.hbs", "report.docx"]);
  });

  it("names the line and column of an unknown helper and of a syntax error in a user's template", () => {
    const helper = join(dir, "helper.hbs");
    writeFileSync(helper, "# 标题\n{{#each duties}}\n{{fmtMony this}}\n{{/each}}\n");
    expect(cli(["build", EXAMPLE, "-o", dir, "--template", helper]).stderr).toBe(
      `${helper}:3:1: error[template.error] You specified knownHelpersOnly, but used the unknown helper fmtMony\n  |\n3 | {{fmtMony this}}\n  | ^\n\n处理了 1 个文件：1 个错误，0 个警告\n`,
    );
    const syntax = join(dir, "syntax.hbs");
    writeFileSync(syntax, "# a\n{{#if x}\n");
    const r = cli(["build", EXAMPLE, "-o", dir, "--template", syntax]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${syntax.replace(/[.]/g, "\\.")}:2:8: error\\[template\\.syntax\\] Parse error: Expecting `));
  });

  it("renders nothing from constructor or __proto__ in a template", () => {
    const template = join(dir, "proto.hbs");
    writeFileSync(template, '# [{{unit.constructor}}][{{unit.__proto__}}][{{lookup unit "constructor"}}][{{#with unit}}{{constructor}}{{/with}}]\n');
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

  it("rejects an unknown output format as a usage error", () => {
    const r = cli(["build", EXAMPLE, "-o", dir, "--format", "pdf"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format takes docx, md, html, json, not "pdf"');
  });
});
