import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cli, ensureBuilt, STACK_FRAME } from "../helpers/cli.js";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "import-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOSTILE_DUTIES = ["key: value # 不是注释", "- 以短横线开头 'single' \"double\" &anchor *alias !tag @at `tick` | > % {a: 1} [b]", "true"];

const REPORT = [
  "测试局",
  "2021年度部门整体支出绩效自评报告",
  "根据《关于开展绩效自评的通知》要求，现将自评情况报告如下：",
  "一、部门（单位）概况",
  "（一）部门（单位）基本情况",
  "1、部门职能职责",
  ...HOSTILE_DUTIES.map((d, i) => `（${i + 1}）${d}`),
].join("\n");

function write(name: string, text: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe("perf-report import", () => {
  it("writes report text into the draft as data, whatever YAML would make of it", () => {
    const out = join(dir, "hostile.yaml");
    const run = cli(["import", write("hostile.txt", REPORT), "-o", out]);
    expect(run.code, run.stderr).toBe(0);
    const data = parse(readFileSync(out, "utf8")) as { unit: { name: string }; year: number; profile: { duties: string[] } };
    expect(data.unit.name).toBe("测试局");
    expect(data.year).toBe(2021);
    expect(data.profile.duties).toEqual(HOSTILE_DUTIES);
    expect([0, 1]).toContain(cli(["check", out]).code);
  });

  it("reports what it could not place as a warning at its line, and keeps it in the draft as a TODO comment", () => {
    const out = join(dir, "todo.yaml");
    const report = write("todo.txt", REPORT);
    const run = cli(["import", report, "-o", out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${report}:3:1: warning[import.unplaced] 未能归入数据集，已作为 TODO 注释写入草稿：“根据《关于开展绩效自评的通知》要求，现将自评情况报告如下：”`);
    const yaml = readFileSync(out, "utf8");
    expect(yaml).toContain("# TODO 未能归入数据集（报告第 3 行）：根据《关于开展绩效自评的通知》要求，现将自评情况报告如下：\nunit:\n");
    // Only unit and year are required: what the report did not say is left out, never a 0 placeholder.
    expect(yaml).not.toContain("finance:");
    expect(yaml).not.toContain("占位值");
  });

  it("words the draft's comments in English with --lang en", () => {
    const out = join(dir, "en.yaml");
    const run = cli(["import", write("en.txt", REPORT), "-o", out, "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("warning[import.unplaced] not placed in the dataset; written into the draft as a TODO comment");
    expect(readFileSync(out, "utf8")).toContain("# TODO not placed in the dataset (report line 3): 根据");
  });

  it("never writes over an existing file", () => {
    const out = write("exists.yaml", "unit: {name: 原有}\n");
    const run = cli(["import", write("exists.txt", REPORT), "-o", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`perf-report: ${out} 已存在，不会覆盖；请用 -o 指定另一个文件\n`);
    expect(readFileSync(out, "utf8")).toBe("unit: {name: 原有}\n");
  });

  it("writes only a .yaml or .yml draft", () => {
    const run = cli(["import", write("ext.txt", REPORT), "-o", join(dir, "draft.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("草稿应写成 .yaml 或 .yml 文件");
    expect(existsSync(join(dir, "draft.json"))).toBe(false);
  });

  it.each([
    ["missing.txt", undefined, "io.not-found", "找不到文件"],
    ["broken.docx", Buffer.from("PK\u0003\u0004 not really a zip"), "audit.unreadable", "不是有效的 DOCX（ZIP）文件"],
    ["report.xyz", "2020年度收入5万元。", "audit.unreadable", "无法审核扩展名为 .xyz 的文件"],
  ])("an unreadable report (%s) exits 2 as audit does, and writes nothing", (name, content, code, words) => {
    const report = content === undefined ? join(dir, name) : write(name, content);
    const out = join(dir, `${name}.yaml`);
    const run = cli(["import", report, "-o", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error[${code}]`);
    expect(run.stderr).toContain(words);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(existsSync(out)).toBe(false);
  });
});
