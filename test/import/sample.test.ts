import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, ensureBuilt, ROOT } from "../helpers/cli.js";
import { paragraphs, sampleParagraphs, sentences } from "../helpers/sample-text.js";

const SAMPLE = "test/fixtures/seed/yongzhou-2020-sample.txt";
const LABELLED = "test/fixtures/audit";

/** The five figures `check` finds wrong in examples/yongzhou-2020-as-published.yaml: the draft of the sample must report the same. */
const WRONG = [
  { code: "growth-rate", actual: "352.13%", expected: "352.263023…%" },
  { code: "share", actual: "69.1%", expected: "69.905296…%" },
  { code: "completion-rate", actual: "170%", expected: "170.943396…%" },
  { code: "completion-rate", actual: "201.92%", expected: "201.925%" },
  { code: "completion-rate", actual: "114.16%", expected: "114.166667…%" },
];

interface JsonFinding {
  code: string;
  severity: string;
  actual?: string;
  expected?: string;
}

let dir: string;
beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "import-sample-"));
  // The sample as a Word file, one paragraph per line, as test/audit/sample.test.ts makes it.
  const lines = sampleParagraphs(readFileSync(join(ROOT, SAMPLE), "utf8"));
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
  writeFileSync(join(dir, "sample.docx"), await Packer.toBuffer(doc));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function draftOf(report: string, name: string): { code: number | null; yaml: string; out: string; stderr: string } {
  const out = join(dir, name);
  const run = cli(["import", report, "-o", out]);
  return { code: run.code, yaml: run.code === 0 ? readFileSync(out, "utf8") : "", out, stderr: run.stderr };
}

function checked(file: string): { code: number | null; findings: JsonFinding[] } {
  const run = cli(["check", file, "--format", "json"]);
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings };
}

/** The share of the sample's sentences that the Markdown built from `draft` prints as the sample does. */
function reproduction(draft: string, md: string): { share: number; missing: string[] } {
  const run = cli(["build", draft, "--force", "-f", "md", "-o", md]);
  expect(run.code, run.stderr).toBe(1); // built, with the sample's own wrong figures as findings
  const built = new Set(sentences(paragraphs(readFileSync(md, "utf8"))));
  const sample = sentences(sampleParagraphs(readFileSync(join(ROOT, SAMPLE), "utf8")));
  const missing = sample.filter((s) => !built.has(s));
  return { share: (sample.length - missing.length) / sample.length, missing };
}

describe("import of the published sample", () => {
  it("drafts a dataset that starts with the schema line and loads", () => {
    const { code, yaml, stderr } = draftOf(SAMPLE, "sample.yaml");
    expect(code, stderr).toBe(0);
    // As `init` writes it: the schema's path relative to the draft's folder.
    expect(yaml.split("\n")[0]).toBe(`# yaml-language-server: $schema=${relative(dir, join(ROOT, "schemas/perf-report.schema.json"))}`);
    expect(stderr).toContain("已起草");
  });

  it("checked, reports exactly the sample's own five wrong figures", () => {
    const { out } = draftOf(SAMPLE, "sample-check.yaml");
    const { code, findings } = checked(out);
    expect(code).toBe(1);
    expect(findings.map((f) => ({ code: f.code, actual: f.actual, expected: f.expected }))).toEqual(WRONG);
  });

  it("reads the figures into the fields the hand-written dataset uses", () => {
    const { yaml } = draftOf(SAMPLE, "sample-fields.yaml");
    expect(yaml).toContain("  name: 永州市工业和信息化局\n  selfName: 我局\n");
    expect(yaml).toContain("year: 2020\n");
    expect(yaml).toContain("      - { id: appropriation, name: 财政拨款收入, amount: 5296 }\n    prior: 1171\n");
    expect(yaml).toContain("    basic:\n      personnel: 713\n      public: 145\n    project: 1993\n    prior: 1171\n");
    expect(yaml).toContain("    basicAdjustment:\n      amount: 136.44\n      purpose: 用于贴补人员经费、办公经费不足\n");
    expect(yaml).toContain("      allocated: 4086.21\n      spent: 1724.58\n      featured: true\n");
    expect(yaml).toContain("2020年该专项支出{{fund.fund1.spent}}，结余{{fund.fund1.balance}}。");
    expect(yaml).toContain("      - { type: 行政编制, count: 38 }\n");
    expect(yaml).toContain("    staffInPost: 56\n    temporaryStaff: 4\n    retirees: 28\n");
    expect(yaml).toContain("      - { id: ind5, name: 中小企业“上云”, unit: 家, target: 4000, actual: 8077, period: 截止12月15日 }\n");
    expect(yaml).toContain("  - title: 新入统规模工业企业{{ind7.target}}以上\n    text: 全市新入统规模工业企业{{ind7}}，超额完成全年目标任务。\n");
    expect(yaml).toContain("  score: 94\n");
    for (const line of ["  income.growth: 352.13", "  expenditure.project.share: 69.1", "  carryOver.basic: 12", "  income.project: 4426", "  ind4.completion: 170"]) expect(yaml).toContain(`${line}\n`);
  });

  it("after build -f md, reproduces at least 90 % of the sample's sentences", () => {
    const { out } = draftOf(SAMPLE, "sample-md.yaml");
    const { share, missing } = reproduction(out, join(dir, "sample.md"));
    console.log(`import → build -f md reproduces ${(share * 100).toFixed(1)} % of the sample's sentences; not reproduced:\n  ${missing.join("\n  ")}`);
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  it("drafts the same dataset from the sample as a DOCX, with the same findings", () => {
    const txt = draftOf(SAMPLE, "from-txt.yaml");
    const docx = draftOf(join(dir, "sample.docx"), "from-docx.yaml");
    expect(docx.code, docx.stderr).toBe(0);
    const values = (yaml: string) => yaml.split("\n").filter((l) => !l.trimStart().startsWith("#"));
    expect(values(docx.yaml)).toEqual(values(txt.yaml));
    expect(checked(docx.out).findings.map((f) => f.actual)).toEqual(WRONG.map((w) => w.actual));
  });
});

describe("import of the labelled reports of other units", () => {
  const reports = readdirSync(join(ROOT, LABELLED)).filter((f) => f.endsWith(".txt"));
  it.each(reports)("%s gives a draft that loads (check exits 0 or 1, never 2)", (name) => {
    const { code, out, stderr } = draftOf(join(LABELLED, name), name.replace(/\.txt$/, ".yaml"));
    expect(code, stderr).toBe(0);
    const check = cli(["check", out]);
    expect([0, 1], check.stderr).toContain(check.code);
  });
});
