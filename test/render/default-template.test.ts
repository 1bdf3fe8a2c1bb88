/**
 * The bundled template's wording where it depends on the data: how featured funds follow the
 * income sources, when basic spending is called 财政拨款基本支出, and how amounts are printed
 * (exact by default, significant on request, 元 shown in 万元 to two decimals).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "perf-report-template-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The Markdown `perf-report build` writes with the bundled template (as shipped: precompiled), unescaped. */
async function markdown(name: string, text: string): Promise<string> {
  const file = join(tmp, name);
  writeFileSync(file, text);
  const out = file.replace(/\.yaml$/, ".md");
  const r = cli(["build", file, "-o", out]);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(out, "utf8").replace(/\\(.)/g, "$1");
}

const dataset = (sources: string, settings = "") => `unit: { name: 测试局, selfName: 我局 }
year: 2020
${settings}profile: { duties: [负责测试。] }
finance:
  income:
    sources:
${sources}
  expenditure: { basic: { personnel: 500, public: 100.25 }, project: 120 }
  specialFunds:
    - { id: a, name: 甲专项资金, sourceName: 甲专项经费, allocated: 80, spent: 70, featured: true }
    - { id: b, name: 乙专项资金, allocated: 60.5, spent: 50 }
`;
const TWO = "      - { id: appropriation, name: 财政拨款收入, amount: 713 }\n      - { id: other, name: 其他收入, amount: 145.5 }";

describe("featured funds and the income sources", () => {
  it("with several sources, the featured funds follow them as “，其中专项资金含…” (not in brackets after the last source)", async () => {
    const md = await markdown("two.yaml", dataset(TWO));
    expect(md).toContain(
      "\n财政拨款收入713万元，其他收入145.5万元，其中专项资金含甲专项经费80万元；本年总支出720.25万元，其中：基本支出600.25万元，项目支出120万元（含甲专项经费70万元），本年结转结余138.25万元。",
    );
    expect(md).not.toContain("其他收入145.5万元（含");
    // Several sources: basic spending is not all appropriation.
    expect(md).toContain("\n2020年度基本支出600.25万元，占全年总支出的83.3%。");
  });

  it("with one source, they are named in brackets after it", async () => {
    const md = await markdown("one-app.yaml", dataset("      - { id: appropriation, name: 财政拨款收入, amount: 858.5 }"));
    expect(md).toContain("\n财政拨款收入858.5万元（含甲专项经费80万元）；本年总支出720.25万元，");
    expect(md).not.toContain("其中专项资金含");
  });

  it("财政拨款基本支出 only when the one source is 财政拨款…", async () => {
    const app = await markdown("one-app.yaml", dataset("      - { id: appropriation, name: 财政拨款收入, amount: 858.5 }"));
    expect(app).toContain("\n2020年度财政拨款基本支出600.25万元，占全年总支出的83.3%。");
    const own = await markdown("one-own.yaml", dataset("      - { id: own, name: 事业收入, amount: 858.5 }"));
    expect(own).toContain("\n事业收入858.5万元（含甲专项经费80万元）；");
    expect(own).toContain("\n2020年度基本支出600.25万元，占全年总支出的83.3%。");
    expect(own).not.toContain("财政拨款基本支出");
  });
});

describe("amount decimals", () => {
  it("exact (the default): 713 + 145.5 prints as 858.5, every decimal of the parts kept", async () => {
    const md = await markdown("exact.yaml", dataset(TWO));
    expect(md).toContain("\n2020年度收入858.5万元；2020年度支出为720.25万元。其中：");
    expect(md).toContain("基本支出结转结余117.75万元。");
  });

  it("significant: sums only as precise as their least precise term (713 + 145.5 prints as 859)", async () => {
    const md = await markdown("significant.yaml", dataset(TWO, "settings: { amountDecimals: significant }\n"));
    expect(md).toContain("\n2020年度收入859万元；2020年度支出为720万元。其中：");
    // Inputs still print as written.
    expect(md).toContain("财政拨款收入713万元，其他收入145.5万元，");
    expect(md).toContain("其中：工资福利支出500万元，日常公用支出100.25万元。基本支出结转结余118万元。");
  });

  it("an integer fixes the decimals of every amount", async () => {
    const md = await markdown("fixed.yaml", dataset(TWO, "settings: { amountDecimals: 1 }\n"));
    expect(md).toContain("\n2020年度收入858.5万元；2020年度支出为720.3万元。其中：");
    expect(md).toContain("财政拨款收入713.0万元，其他收入145.5万元，");
  });

  describe("amounts written in 元 and shown in 万元", () => {
    const YUAN = `unit: { name: 测试局, selfName: 我局 }
year: 2020
settings: { amountUnit: 元, displayUnit: 万元 SETTINGS}
profile: { duties: [负责测试。] }
finance:
  income:
    sources:
      - { id: appropriation, name: 财政拨款收入, amount: 7130000 }
  expenditure: { basic: { personnel: 5000000, public: 1002512.34 }, project: 1200000 }
narrative:
  spendingDirections: 收入{{income.total:n}}，一位{{income.total:1}}，零位{{income.total:0}}。
`;

    it("print to two decimals, whatever decimals they were written with; an explicit spec still wins", async () => {
      const md = await markdown("yuan.yaml", YUAN.replace("SETTINGS", ""));
      expect(md).toContain("\n2020年度收入713.00万元；2020年度支出为720.25万元。其中：");
      expect(md).toContain(
        "\n财政拨款收入713.00万元；本年总支出720.25万元，其中：基本支出600.25万元，项目支出120.00万元。收入713.00，一位713.0万元，零位713万元。",
      );
      expect(md).toContain("| 收入合计 | 713.00 |");
    });

    it("an integer amountDecimals overrides the two decimals", async () => {
      const md = await markdown("yuan3.yaml", YUAN.replace("SETTINGS", ", amountDecimals: 3 "));
      expect(md).toContain("\n2020年度收入713.000万元；2020年度支出为720.251万元。其中：");
      expect(md).toContain("收入713.000，一位713.0万元，零位713万元。");
    });
  });
});

describe("the grade sentence (issue 11 item 8)", () => {
  const scored = (score: number) => `unit: { name: 测试局, selfName: 我局 }
year: 2020
settings:
  gradeBands: [{ grade: 优秀, min: 90 }, { grade: 合格, min: 60 }]
profile: { duties: [负责测试。] }
finance:
  income:
    sources:
      - { id: appropriation, name: 财政拨款收入, amount: 100 }
  expenditure: { basic: { personnel: 50, public: 10 }, project: 30 }
evaluation: { score: ${score} }
`;

  it("a graded score gets the sentence with its grade", async () => {
    expect(await markdown("graded.yaml", scored(61))).toContain("\n自评得分为61分，自评等级为合格。");
  });

  it("a score below every band is a finding, and built with --force the report leaves the grade out (never 自评等级为。)", () => {
    const file = join(tmp, "below.yaml");
    writeFileSync(file, scored(55));
    const out = file.replace(/\.yaml$/, ".md");
    const r = cli(["build", file, "-o", out, "--force"]);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toBe(`${file}:11:22: error[grade-bands] 自评得分 55 低于最低等级“合格”的下限 60，无法评定等级；报告中不写自评等级`);
    const md = readFileSync(out, "utf8").replace(/\\(.)/g, "$1");
    expect(md).toContain("\n自评得分为55分。");
    expect(md).not.toContain("自评等级为");
  });
});
