/**
 * The writer contract of the DOCX (issue 12), asserted on the parts as XML trees: paragraph
 * texts and their styles, the style definitions, the sections and the table grids — whatever
 * library serialises them.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { Block } from "../../src/render/blocks.js";
import { documentMeta } from "../../src/render/meta.js";
import { toDocx } from "../../src/write/docx.js";
import { GB9704, mergeStyle, type DocStyle } from "../../src/write/style.js";
import { buildBlocks } from "../helpers/build-example.js";
import { descendants, parseXml, type XmlElement } from "../helpers/xml.js";

type Parts = Record<string, XmlElement>;

async function docx(blocks: readonly Block[], dataset: Parameters<typeof documentMeta>[0], style: DocStyle = GB9704, epoch?: string): Promise<{ buffer: Uint8Array; parts: Parts }> {
  const buffer = await toDocx({ blocks }, documentMeta(dataset, epoch), style);
  const files = unzipSync(buffer);
  const parts = Object.fromEntries(Object.entries(files).filter(([n]) => /\.(xml|rels)$/.test(n)).map(([name, data]) => [name, parseXml(strFromU8(data))]));
  return { buffer, parts };
}

async function exampleDocx(file?: string, style?: DocStyle) {
  const { model, blocks } = await buildBlocks(file);
  return docx(blocks, model.dataset, style);
}

const child = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name);
const val = (el: XmlElement | undefined, name: string, attr = "w:val") => child(el, name)?.attributes[attr];
const textOf = (el: XmlElement) => descendants(el, "w:t").map((t) => t.text).join("");

/** Each body paragraph (outside tables too) with its style and text, in document order. */
function paragraphs(doc: XmlElement): { style: string | undefined; text: string }[] {
  return descendants(doc, "w:p").map((p) => ({ style: val(child(p, "w:pPr"), "w:pStyle"), text: textOf(p) }));
}

const styled = (doc: XmlElement, style: string) => paragraphs(doc).filter((p) => p.style === style).map((p) => p.text);

function styleDef(styles: XmlElement, id: string): XmlElement {
  const found = descendants(styles, "w:style").find((s) => s.attributes["w:styleId"] === id);
  if (!found) throw new Error(`no style ${id}`);
  return found;
}

describe("the DOCX of the example", () => {
  let parts: Parts;
  let buffer: Uint8Array;
  beforeAll(async () => {
    ({ parts, buffer } = await exampleDocx());
  });

  it("has the titles and headings in order, each in its named style", () => {
    const doc = parts["word/document.xml"]!;
    expect(styled(doc, "Title")).toEqual(["永州市工业和信息化局", "2020年度部门整体支出绩效自评报告"]);
    expect(styled(doc, "Heading1")).toEqual([
      "一、部门（单位）概况",
      "二、部门整体支出管理及使用情况",
      "三、部门（单位）专项组织实施情况",
      "四、部门整体支出绩效情况",
      "五、存在的主要问题",
      "六、改进措施和有关建议",
    ]);
    expect(styled(doc, "Heading2")).toEqual([
      "（一）部门（单位）基本情况",
      "（二）部门整体支出规模、使用方向和主要内容、涉及范围",
      "（一）基本支出",
      "（二）项目支出",
      "（一）专项组织情况分析",
      "（二）专项管理情况分析",
    ]);
    expect(styled(doc, "Heading3")).toEqual(["1、部门职能职责", "1、专项资金安排落实、总投入等情况分析", "2、专项资金实际使用情况分析", "3、专项资金管理情况分析"]);
    expect(styled(doc, "Caption")).toEqual(["2020年度收入支出情况表", "2020年度专项资金使用情况表"]);
    // A run-in heading: its lead is a bold run before the text, in a Normal paragraph.
    const organisation = descendants(doc, "w:p").find((p) => textOf(p).startsWith("2、机构设置情况。"))!;
    const [lead, text] = descendants(organisation, "w:r");
    expect(textOf(lead!)).toBe("2、机构设置情况。");
    expect(child(child(lead, "w:rPr"), "w:b")).toBeDefined();
    expect(textOf(text!)).toMatch(/^2020年末，我局内设科室/);
  });

  it("names its styles as Word does and sets the East Asian font slot and zh-CN on them", () => {
    const styles = parts["word/styles.xml"]!;
    const names = Object.fromEntries(["Normal", "Title", "Heading1", "Heading2", "Heading3", "Heading4", "Caption", "TableText"].map((id) => [id, val(styleDef(styles, id), "w:name")]));
    expect(names).toEqual({ Normal: "Normal", Title: "Title", Heading1: "Heading 1", Heading2: "Heading 2", Heading3: "Heading 3", Heading4: "Heading 4", Caption: "caption", TableText: "Table Text" });
    const eastAsia = (id: string) => child(child(styleDef(styles, id), "w:rPr"), "w:rFonts")?.attributes["w:eastAsia"];
    expect([eastAsia("Title"), eastAsia("Heading1"), eastAsia("Heading2"), eastAsia("Heading3"), eastAsia("Heading4"), eastAsia("TableText")]).toEqual(["方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312", "仿宋_GB2312", "仿宋_GB2312"]);
    expect(val(child(styleDef(styles, "Title"), "w:rPr"), "w:sz")).toBe("44");
    expect(val(child(styleDef(styles, "Heading1"), "w:pPr"), "w:outlineLvl")).toBe("0");
    const defaults = child(child(descendants(styles, "w:docDefaults")[0], "w:rPrDefault"), "w:rPr")!;
    expect(child(defaults, "w:rFonts")!.attributes).toEqual({ "w:ascii": "Times New Roman", "w:cs": "Times New Roman", "w:eastAsia": "仿宋_GB2312", "w:hAnsi": "Times New Roman" });
    expect(child(defaults, "w:lang")!.attributes).toEqual({ "w:val": "en-US", "w:eastAsia": "zh-CN" });
    for (const lang of descendants(styles, "w:lang")) expect(lang.attributes["w:eastAsia"] ?? "zh-CN").toBe("zh-CN");
    for (const fonts of descendants(styles, "w:rFonts")) expect(fonts.attributes["w:eastAsiaTheme"]).toBeUndefined();
  });

  it("sets body text in 28 pt exact lines, justified, with a two-character first-line indent", () => {
    const pPr = child(child(descendants(parts["word/styles.xml"]!, "w:docDefaults")[0], "w:pPrDefault"), "w:pPr")!;
    expect(child(pPr, "w:spacing")!.attributes).toEqual({ "w:after": "0", "w:before": "0", "w:line": "560", "w:lineRule": "exact" });
    expect(child(pPr, "w:ind")!.attributes).toEqual({ "w:firstLine": "640", "w:firstLineChars": "200" });
    expect(val(pPr, "w:jc")).toBe("both");
  });

  it("is A4 with the official margins 37/35/28/26 mm and page numbers from 1", () => {
    const sect = descendants(parts["word/document.xml"]!, "w:sectPr");
    expect(sect).toHaveLength(1);
    expect(child(sect[0], "w:pgSz")!.attributes).toMatchObject({ "w:w": "11906", "w:h": "16838" });
    expect(child(sect[0], "w:pgMar")!.attributes).toMatchObject({ "w:top": "2098", "w:right": "1474", "w:bottom": "1984", "w:left": "1587" });
    expect(val(sect[0], "w:pgNumType", "w:start")).toBe("1");
  });

  it("numbers pages “— 1 —” in 宋体 4号, odd pages right and even pages left", () => {
    const sect = descendants(parts["word/document.xml"]!, "w:sectPr")[0]!;
    const rels = descendants(parts["word/_rels/document.xml.rels"]!, "Relationship");
    const footer = (type: string) => {
      const id = sect.children.find((c) => c.name === "w:footerReference" && c.attributes["w:type"] === type)!.attributes["r:id"];
      return parts[`word/${rels.find((r) => r.attributes.Id === id)!.attributes.Target}`]!;
    };
    for (const [type, align] of [["default", "right"], ["even", "left"]] as const) {
      const xml = footer(type);
      expect(val(descendants(xml, "w:pPr")[0], "w:jc")).toBe(align);
      expect(textOf(xml)).toBe("—  —");
      expect(descendants(xml, "w:instrText").map((i) => i.text.trim())).toEqual(["PAGE"]);
      expect(descendants(xml, "w:rFonts")[0]!.attributes["w:eastAsia"]).toBe("宋体");
      expect(val(descendants(xml, "w:rPr")[0], "w:sz")).toBe("28");
    }
    expect(child(parts["word/settings.xml"]!, "w:evenAndOddHeaders")).toBeDefined();
  });

  it("has fixed widths on grid and cells that fill the text area, and repeated header rows", () => {
    const tables = descendants(parts["word/document.xml"]!, "w:tbl");
    expect(tables).toHaveLength(2);
    for (const t of tables) {
      expect(val(child(t, "w:tblPr"), "w:tblLayout", "w:type")).toBe("fixed");
      const grid = descendants(t, "w:gridCol").map((g) => Number(g.attributes["w:w"]));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(8844);
      const rows = descendants(t, "w:tr");
      expect(child(child(rows[0], "w:trPr"), "w:tblHeader")).toBeDefined();
      for (const cell of descendants(t, "w:tc")) expect(val(child(cell, "w:tcPr"), "w:tcW", "w:type")).toBe("dxa");
      // Cell margins (2 pt above and below, 4 pt at the sides) once on the table, not repeated in every cell.
      const margins = child(child(t, "w:tblPr"), "w:tblCellMar");
      expect(["w:top", "w:bottom", "w:left", "w:right"].map((side) => val(margins, side, "w:w"))).toEqual(["40", "40", "80", "80"]);
      expect(descendants(t, "w:tcMar")).toEqual([]);
    }
    // 合计 spans the 序号 and 专项名称 columns.
    const total = descendants(tables[1]!, "w:tc").find((c) => textOf(c) === "合计")!;
    expect(val(child(total, "w:tcPr"), "w:gridSpan")).toBe("2");
    expect(textOf(tables[0]!)).toContain("352.26");
    expect(textOf(tables[1]!)).toContain("4,426.12");
  });

  it("records title, subject, unit and the dataset's year end in the document properties", () => {
    const core = parts["docProps/core.xml"]!;
    const text = (name: string) => child(core, name)?.text;
    expect([text("dc:title"), text("dc:creator"), text("dc:subject"), text("dcterms:created"), text("dcterms:modified")]).toEqual([
      "2020年度部门整体支出绩效自评报告",
      "永州市工业和信息化局",
      "永州市工业和信息化局2020年度部门整体支出绩效自评报告",
      "2020-12-31T00:00:00Z",
      "2020-12-31T00:00:00Z",
    ]);
  });

  const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
  it.skipIf(!hasXmllint)("passes the ISO/IEC 29500 schema check (vendor/tools/validate-docx)", () => {
    const dir = mkdtempSync(join(tmpdir(), "perf-report-"));
    const file = join(dir, "example.docx");
    writeFileSync(file, buffer);
    expect(execFileSync("python3", ["vendor/tools/validate-docx", file], { encoding: "utf8" })).toContain("valid");
  });
});

describe("the self-evaluation scorecard table", () => {
  it("merges 一级/二级 cells vertically and spans the total rows", async () => {
    const { parts } = await exampleDocx("test/fixtures/valid/scorecard.yaml");
    const card = descendants(parts["word/document.xml"]!, "w:tbl")[2]!;
    const rows = descendants(card, "w:tr");
    // header + 7 items + 合计 + 自评等级
    expect(rows).toHaveLength(10);
    const merges = descendants(card, "w:vMerge").map((m) => m.attributes["w:val"] ?? "continue");
    // 投入 spans 2 rows, 过程 3; 预算执行 spans 2.
    expect(merges.filter((m) => m === "restart")).toHaveLength(3);
    expect(merges.filter((m) => m === "continue")).toHaveLength(4);
    // Every row covers the whole grid.
    for (const row of rows) {
      const spans = descendants(row, "w:tc").map((c) => Number(val(child(c, "w:tcPr"), "w:gridSpan") ?? 1));
      expect(spans.reduce((a, b) => a + b, 0)).toBe(7);
    }
    expect(val(child(descendants(rows[8]!, "w:tc")[0], "w:tcPr"), "w:gridSpan")).toBe("5");
    expect(textOf(rows[8]!)).toContain("94.5");
    expect(textOf(rows[9]!)).toContain("优秀");
  });
});

describe("geometry from the style's page", () => {
  it("gives an A5 style tables no wider than its text area", async () => {
    const a5 = mergeStyle(GB9704, { page: { width: 148, height: 210, top: 20, bottom: 20, left: 20, right: 20 } });
    const { parts } = await exampleDocx("test/fixtures/valid/scorecard.yaml", a5);
    const textWidth = Math.round((108 * 1440) / 25.4);
    const tables = descendants(parts["word/document.xml"]!, "w:tbl");
    expect(tables).toHaveLength(3);
    for (const t of tables) {
      expect(descendants(t, "w:gridCol").reduce((n, g) => n + Number(g.attributes["w:w"]), 0)).toBe(textWidth);
      expect(Number(val(child(t, "w:tblPr"), "w:tblW", "w:w"))).toBe(textWidth);
    }
  });

  it("follows a table that ends the document with a one-point paragraph, so that it cannot spill onto a blank page", async () => {
    const table = { id: "t", caption: "表", columns: [{ header: "项目", weight: 1, align: "left" as const }], rows: [[{ text: "合计" }]] };
    const { parts } = await docx([{ type: "paragraph", runs: [{ text: "正文" }] }, { type: "table", table }, { type: "table", table }], { unit: { name: "测试局" }, year: 2020 });
    const body = child(parts["word/document.xml"]!, "w:body")!;
    const kinds = body.children.map((c) => c.name);
    expect(kinds).toEqual(["w:p", "w:p", "w:tbl", "w:p", "w:p", "w:tbl", "w:p", "w:sectPr"]);
    // Between the tables a full empty line; after the last, a paragraph one point high.
    expect(child(body.children[3], "w:pPr")).toBeUndefined();
    const last = child(body.children[6], "w:pPr");
    expect(child(last, "w:spacing")?.attributes).toMatchObject({ "w:line": "20", "w:lineRule": "exact" });
    expect(val(child(last, "w:rPr"), "w:sz")).toBe("2");
  });

  it("puts a landscape block on a landscape section, its table as wide as the page's long side allows", async () => {
    const { model, blocks } = await buildBlocks();
    const table = blocks.find((b) => b.type === "table")!;
    const { parts } = await docx([{ type: "paragraph", runs: [{ text: "前" }] }, { type: "section", orientation: "landscape" }, table, { type: "section", orientation: "portrait" }, { type: "paragraph", runs: [{ text: "后" }] }], model.dataset);
    const sections = descendants(parts["word/document.xml"]!, "w:sectPr").map((s) => child(s, "w:pgSz")!.attributes);
    expect(sections).toEqual([
      { "w:w": "11906", "w:h": "16838", "w:orient": "portrait" },
      { "w:w": "16838", "w:h": "11906", "w:orient": "landscape" },
      { "w:w": "11906", "w:h": "16838", "w:orient": "portrait" },
    ]);
    const grid = descendants(parts["word/document.xml"]!, "w:gridCol").reduce((n, g) => n + Number(g.attributes["w:w"]), 0);
    expect(grid).toBe(Math.round(((297 - 28 - 26) * 1440) / 25.4));
  });
});

describe("reproducible output", () => {
  it("gives byte-identical files for the same dataset, whatever the clock and the time zone", async () => {
    const { model, blocks } = await buildBlocks();
    const first = (await docx(blocks, model.dataset)).buffer;
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    await new Promise((r) => setTimeout(r, 1100));
    const second = (await docx(blocks, model.dataset)).buffer;
    process.env.TZ = zone;
    if (zone === undefined) delete process.env.TZ;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it("takes its date from SOURCE_DATE_EPOCH when set, into core.xml and every zip entry", async () => {
    const { model, blocks } = await buildBlocks();
    const { buffer, parts } = await docx(blocks, model.dataset, GB9704, "1700000000");
    expect(child(parts["docProps/core.xml"]!, "dcterms:created")!.text).toBe("2023-11-14T22:13:20Z");
    // Every local header's DOS date: 2023-11-14 22:13:20 UTC.
    const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const dates = new Set<string>();
    for (let at = 0; view.getUint32(at, true) === 0x04034b50; at += 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) + view.getUint32(at + 18, true)) {
      dates.add(`${view.getUint16(at + 10, true)}/${view.getUint16(at + 12, true)}`);
    }
    expect([...dates]).toEqual([`${(22 << 11) | (13 << 5) | 10}/${((2023 - 1980) << 9) | (11 << 5) | 14}`]);
  });
});
