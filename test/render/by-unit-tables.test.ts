import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { familyFile } from "../../src/families.js";
import { documentMeta } from "../../src/render/meta.js";
import { toDocx } from "../../src/write/docx.js";
import { toMarkdown } from "../../src/write/markdown.js";
import { GB9704 } from "../../src/write/style.js";
import { buildBlocks } from "../helpers/build-example.js";
import { descendants, parseXml } from "../helpers/xml.js";

const BY_UNIT = "test/fixtures/check/by-unit.yaml";

// Income: no row gives 政府基金拨款 or 非税收入拨款, so those columns are left out.
const INCOME = [
  "**2020年度收入情况表（按单位）**（单位：万元）\n",
  "| 单位名称 | 收入合计 | 上年结转 | 公共财政拨款 | 其他 |",
  "| --- | ---: | ---: | ---: | ---: |",
  "| 局机关 | 850.50 | 50.50 | 700.00 | 100.00 |",
  "| 二级机构 | 350.00 | 0.00 | 300.00 | 50.00 |",
  "| 合计 | 1,200.50 | 50.50 | 1,000.00 | 150.00 |",
].join("\n");
const EXPENDITURE = [
  "**2020年度支出情况表（按单位）**（单位：万元）\n",
  "| 单位名称 | 支出合计 | 基本支出 | 项目支出 |",
  "| --- | ---: | ---: | ---: |",
  "| 局机关 | 800.00 | 500.00 | 300.00 |",
  "| 二级机构 | 300.00 | 200.00 | 100.00 |",
  "| 合计 | 1,100.00 | 700.00 | 400.00 |",
].join("\n");

describe("per-sub-unit income and expenditure tables", () => {
  for (const family of ["six-part", "yiyang", "table-form"] as const) {
    it(`${family}: both tables, exact cells, the income table before the expenditure table`, async () => {
      const md = toMarkdown((await buildBlocks(BY_UNIT, familyFile(family))).blocks);
      expect(md).toContain(`${INCOME}\n\n${EXPENDITURE}`);
    });
  }
  it("six-part: right after the finance table", async () => {
    const md = toMarkdown((await buildBlocks(BY_UNIT, familyFile("six-part"))).blocks);
    expect(md).toContain(`| 年末结转结余 | 100.50 | — | — | — |\n\n${INCOME}`);
  });
  it("no table when the dataset has no rows", async () => {
    const { blocks } = await buildBlocks("test/fixtures/render/nanxian-2021.yaml", familyFile("table-form"));
    expect(blocks.filter((b) => b.type === "table").map((b) => (b.type === "table" ? b.table.id : ""))).toEqual(["finance"]);
  });
  it("the DOCX grid: 5 and 4 columns, a 合计 row without spans, valid OOXML", async () => {
    const { model, blocks } = await buildBlocks(BY_UNIT, familyFile("table-form"));
    const buffer = await toDocx({ blocks }, documentMeta(model.dataset, undefined), GB9704);
    const doc = parseXml(strFromU8(unzipSync(buffer)["word/document.xml"]!));
    const tables = descendants(doc, "w:tbl");
    const texts = (el: Parameters<typeof descendants>[0]) => descendants(el, "w:t").map((t) => t.text).join("");
    const grid = tables.map((t) => {
      const rows = descendants(t, "w:tr");
      return {
        columns: descendants(t, "w:gridCol").length,
        rows: rows.map((r) => descendants(r, "w:tc").map((c) => texts(c))),
        spans: descendants(t, "w:gridSpan").length + descendants(t, "w:vMerge").length,
      };
    });
    const income = grid.find((g) => g.rows[0]![0] === "单位名称" && g.rows[0]![1] === "收入合计")!;
    const spending = grid.find((g) => g.rows[0]![0] === "单位名称" && g.rows[0]![1] === "支出合计")!;
    expect(income.columns).toBe(5);
    expect(income.rows).toEqual([
      ["单位名称", "收入合计", "上年结转", "公共财政拨款", "其他"],
      ["局机关", "850.50", "50.50", "700.00", "100.00"],
      ["二级机构", "350.00", "0.00", "300.00", "50.00"],
      ["合计", "1,200.50", "50.50", "1,000.00", "150.00"],
    ]);
    expect(income.spans).toBe(0);
    expect(spending.columns).toBe(4);
    expect(spending.rows.at(-1)).toEqual(["合计", "1,100.00", "700.00", "400.00"]);
    expect(spending.spans).toBe(0);
    if (spawnSync("xmllint", ["--version"]).status === 0) {
      const file = join(mkdtempSync(join(tmpdir(), "perf-report-")), "by-unit.docx");
      writeFileSync(file, buffer);
      expect(execFileSync("python3", ["vendor/tools/validate-docx", file], { encoding: "utf8" })).toContain("valid");
    }
  });
});

describe("table words come from the labels module, report.labels over the defaults", () => {
  it("report.labels.personnel and .public name the finance table's lines", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perf-report-"));
    const file = join(dir, "labels.yaml");
    writeFileSync(file, `${readFileSync(BY_UNIT, "utf8")}report:\n  labels: { personnel: 工资福利支出, public: 商品和服务支出 }\n`);
    const md = toMarkdown((await buildBlocks(file, familyFile("table-form"))).blocks);
    expect(md).toContain("| 　　其中：工资福利支出 | 500.00 | — | — | — |\n| 　　　　　商品和服务支出 | 200.00 | — | — | — |");
  });
});
