import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditDocument } from "../../../src/audit/audit.js";
import { textDocument } from "../../../src/audit/document.js";
import { readDocx } from "../../../src/audit/docx.js";
import { cli, ensureBuilt } from "../../helpers/cli.js";

/** Each verdict of the tables as relation:status:table/row/column:marked cell. */
function tableVerdicts(doc: ReturnType<typeof textDocument>): string[] {
  return auditDocument(doc)
    .filter((v) => v.at.rb.block.kind === "row")
    .map((v) => {
      const b = v.at.rb.block as Extract<typeof v.at.rb.block, { kind: "row" }>;
      const column = b.cellStarts.filter((s) => s <= v.at.start).length;
      return `${v.relation}:${v.status}:${b.table}/${b.row}/${column}:${b.text.slice(v.at.start, v.at.end)}`;
    });
}
const md = (text: string) => tableVerdicts(textDocument("r.md", text));

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "audit-table-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("audit: a table's total row and total column", () => {
  it("a 合计 row against the rows above it, column by column; a rate column is not added", () => {
    const table = (total: string) => ["| 项目 | 金额（万元） | 增长率（%） |", "| --- | ---: | ---: |", "| 基本支出 | 100.50 | 3.1 |", "| 项目支出 | 200.25 | 4.2 |", `| 合计 | ${total} | 9.9 |`].join("\n");
    expect(md(table("300.75"))).toEqual(["sum:ok:1/4/2:300.75"]);
    expect(md(table("310.75"))).toEqual(["sum:error:1/4/2:310.75"]);
    // Within what the parts' own rounding can make (two parts at 2 decimals: ±0.01, the total ±0.005): not certain.
    expect(md(table("300.76"))).toEqual(["sum:unresolved:1/4/2:300.76"]);
  });

  it("a 合计 column against its row's part columns", () => {
    const table = ["| 单位 | 合计 | 基本支出 | 项目支出 |", "| --- | --- | --- | --- |", "| 局机关 | 50 | 20 | 30 |", "| 中心 | 70 | 20 | 40 |"].join("\n");
    expect(md(table)).toEqual(["sum:ok:1/2/2:50", "sum:error:1/3/2:70"]);
  });

  it("blanks that may hide a value, levels (其中) and subtotals above are never an error, only unresolved", () => {
    expect(md(["| 项目 | 金额 |", "| --- | --- |", "| 甲 | 10 |", "| 乙 | — |", "| 丙 | 5 |", "| 合计 | 30 |"].join("\n"))).toEqual(["sum:unresolved:1/5/2:30"]);
    expect(md(["| 项目 | 金额 |", "| --- | --- |", "| 基本支出 | 10 |", "| 其中：人员经费 | 6 |", "| 项目支出 | 5 |", "| 合计 | 15 |"].join("\n"))).toEqual(["sum:unresolved:1/5/2:15"]);
    // 收入合计 is a total with its parts below, not a total row: not read as one.
    expect(md(["| 项目 | 本年数 |", "| --- | --- |", "| 收入合计 | 5,296.00 |", "| 财政拨款收入 | 5,296.00 |"].join("\n"))).toEqual([]);
  });

  it("the sample's built DOCX: its funds total reconciles and audit reports nothing wrong", () => {
    const run = cli(["build", "examples/yongzhou-2020.yaml", "-f", "docx", "-o", `${dir}/`]);
    expect(run.code, run.stderr).toBe(0);
    const file = join(dir, "yongzhou-2020.docx");
    // The merged 合计 label (序号 and 名称) makes the row one cell shorter: its cells line up from the right.
    expect(tableVerdicts(readDocx(file, readFileSync(file)))).toEqual(["sum:ok:2/9/2:4,426.12", "sum:unresolved:2/9/3:1,993.00", "sum:unresolved:2/9/4:2,433.12"]);
    const audit = cli(["audit", file]);
    expect(audit.stderr).toContain("0 个错误，0 个警告");
    expect(audit.code).toBe(0);
  });

  it("a DOCX whose table total is wrong: an error at table/row/column, exit 1", () => {
    const file = join(dir, "yongzhou-2020.docx");
    const zip = unzipSync(readFileSync(file));
    const xml = strFromU8(zip["word/document.xml"]!);
    const table = xml.lastIndexOf("<w:tbl>");
    const at = xml.lastIndexOf("4,426.12");
    expect(at).toBeGreaterThan(table);
    zip["word/document.xml"] = strToU8(`${xml.slice(0, at)}4,526.12${xml.slice(at + "4,426.12".length)}`);
    const wrong = join(dir, "wrong-total.docx");
    writeFileSync(wrong, zipSync(zip));
    const audit = cli(["audit", wrong]);
    expect(audit.stderr).toMatch(/error\[audit\.sum\] 表2第9行第2列“合计 \| 【4,526\.12】 \| 1,993\.00 \| 2,433\.12 \| 45\.03”：4526\.12 与上方 7 行之和 4426\.12 不符/);
    expect(audit.code).toBe(1);
  });
});
