import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, ensureBuilt, ROOT } from "../helpers/cli.js";

const SAMPLE = "test/fixtures/seed/yongzhou-2020-sample.txt";
/** The five figures `check` finds wrong in examples/yongzhou-2020-as-published.yaml, at their sentences (two sentences are printed twice). */
const WRONG = [
  { code: "audit.growth", where: "第25段第1句", stated: "352.13%", computed: "352.26%" },
  { code: "audit.share", where: "第33段第1句", stated: "69.1%", computed: "69.9%" },
  { code: "audit.completion", where: "第57段第2句", stated: "170%", computed: "170.87%～170.99%" },
  { code: "audit.completion", where: "第59段第4句", stated: "201.92%", computed: "201.93%" },
  { code: "audit.completion", where: "第59段第5句", stated: "114.16%", computed: "114.17%" },
  { code: "audit.completion", where: "第60段第3句", stated: "201.92%", computed: "201.93%" },
  { code: "audit.completion", where: "第60段第4句", stated: "114.16%", computed: "114.17%" },
];

interface JsonFinding {
  code: string;
  severity: string;
  message: string;
  pos: { line: number; col: number; endCol: number };
}

function errors(args: string[]): { code: number | null; findings: JsonFinding[] } {
  const run = cli(["audit", ...args, "--format", "json"]);
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings };
}

function summary(f: JsonFinding) {
  const where = /^(第\d+段第\d+句)/.exec(f.message)?.[1];
  const stated = /所载 (\S+?)(?:[，,]|$)/.exec(f.message)?.[1];
  return { code: f.code, where, stated };
}

let dir: string;
beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "audit-sample-"));
  // The sample as a Word file: one paragraph per line of the text, written by the docx package.
  const lines = readFileSync(join(ROOT, SAMPLE), "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
  writeFileSync(join(dir, "sample.docx"), await Packer.toBuffer(doc));
  const table = new Document({
    sections: [
      {
        children: [
          new Paragraph("表1 收支情况"),
          new Table({ rows: [["项目", "金额（万元）"], ["收入", "5,296"], ["支出", "2851"]].map((cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }),
          new Paragraph("2020年度收入5,296万元，比上年1171万元增加4,125万元，增长352.13%。"),
        ],
      },
    ],
  });
  writeFileSync(join(dir, "table.docx"), await Packer.toBuffer(table));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("audit on the published sample", () => {
  it("reports each figure check finds wrong, at its sentence, and nothing that reconciles (text)", () => {
    const { code, findings } = errors([SAMPLE]);
    expect(code).toBe(1);
    expect(findings.map(summary)).toEqual(WRONG.map(({ code: c, where, stated }) => ({ code: c, where, stated })));
    for (const [i, f] of findings.entries()) expect(f.message).toContain(WRONG[i]!.computed);
    // The figure is marked in the quoted sentence and by the position.
    expect(findings[0]!.message).toContain("增长【352.13%】");
    const line = readFileSync(join(ROOT, SAMPLE), "utf8").split("\n")[findings[0]!.pos.line - 1]!;
    expect([...line].slice(findings[0]!.pos.col - 1, findings[0]!.pos.endCol).join("")).toBe("352.13%");
  });

  it("reads the same report as a DOCX and reports the same figures at the same sentences", () => {
    const { code, findings } = errors([join(dir, "sample.docx")]);
    expect(code).toBe(1);
    expect(findings.map(summary)).toEqual(WRONG.map(({ code: c, where, stated }) => ({ code: c, where, stated })));
  });

  it("prints the text format with the excerpt, the tolerance and the rounding hint", () => {
    const run = cli(["audit", SAMPLE]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${SAMPLE}:26:38: error[audit.growth] 第25段第1句“2020年度收入5,296万元，比上年1171万元增加4,125万元，增长【352.13%】；`);
    expect(run.stderr).toContain("  = 容差: 按书写精度 2 位小数、四舍五入，计算值应在 [352.125, 352.135)% 内");
    expect(run.stderr).toContain("  = 算式: 8077家 ÷ 4000家 × 100%\n  = 提示: 按四舍六入五成双或截尾可得到所载数字：原报告可能用了不同的舍入方式");
    expect(run.stderr).toContain("检查了 1 个文件：7 个错误，0 个警告");
  });

  it("speaks English with --lang en and gives GitHub annotations and JUnit", () => {
    const en = cli(["audit", SAMPLE, "--lang", "en"]);
    expect(en.stderr).toContain("error[audit.share] paragraph 33, sentence 1 “2020年度专项资金共支出1993万元，占总支出的【69.1%】。”: share of 总支出 stated 69.1%, computed 69.9%");
    const gh = cli(["audit", SAMPLE, "--format", "github"]);
    expect(gh.stdout.split("\n").filter((l) => l.startsWith("::error file=test/fixtures/seed/yongzhou-2020-sample.txt,line=")).length).toBe(7);
    const junit = cli(["audit", SAMPLE, "--format", "junit"]);
    expect(junit.stdout).toContain('<testcase classname="test/fixtures/seed/yongzhou-2020-sample.txt" name="audit.completion">');
    expect(junit.stdout).toContain('<testcase classname="test/fixtures/seed/yongzhou-2020-sample.txt" name="audit.sum"/>');
  });

  it("reads DOCX tables as rows and finds the sentence after them", () => {
    const { findings } = errors([join(dir, "table.docx")]);
    expect(findings.map(summary)).toEqual([{ code: "audit.growth", where: "第2段第1句", stated: "352.13%" }]);
  });
});
