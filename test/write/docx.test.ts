import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { toDocx } from "../../src/write/docx.js";
import { GB9704 } from "../../src/write/style.js";
import { buildBlocks } from "../helpers/build-example.js";

type Parts = Record<string, string>;

async function docxParts(file?: string): Promise<{ buffer: Buffer; parts: Parts }> {
  const { model, blocks } = await buildBlocks(file);
  const d = model.dataset;
  const buffer = await toDocx(blocks, { title: `${d.year}年度部门整体支出绩效自评报告`, unit: d.unit.name, year: String(d.year) }, GB9704);
  const files = unzipSync(new Uint8Array(buffer));
  const parts = Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
  return { buffer, parts };
}

/** The text of every paragraph with the given style, in document order. */
function styled(documentXml: string, style: string): string[] {
  const out: string[] = [];
  for (const p of documentXml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? []) {
    if (p.includes(`<w:pStyle w:val="${style}"/>`)) out.push([...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
  }
  return out;
}

function styleXml(styles: string, id: string): string {
  const match = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`).exec(styles);
  if (!match) throw new Error(`no style ${id}`);
  return match[0];
}

describe("the DOCX of the example", () => {
  let parts: Parts;
  let buffer: Buffer;
  beforeAll(async () => {
    ({ parts, buffer } = await docxParts());
  });

  it("has the six level-1 headings in order, as Heading 1", () => {
    expect(styled(parts["word/document.xml"]!, "Heading1")).toEqual([
      "一、部门（单位）概况",
      "二、部门整体支出管理及使用情况",
      "三、部门（单位）专项组织实施情况",
      "四、部门整体支出绩效情况",
      "五、存在的主要问题",
      "六、改进措施和有关建议",
    ]);
    expect(styled(parts["word/document.xml"]!, "Heading2")).toEqual([
      "（一）部门（单位）基本情况",
      "（二）部门整体支出规模、使用方向和主要内容、涉及范围",
      "（一）基本支出",
      "（二）项目支出",
      "（一）专项组织情况分析",
      "（二）专项管理情况分析",
    ]);
    expect(styled(parts["word/document.xml"]!, "Heading3")).toEqual([
      "1、部门职能职责",
      "1、专项资金安排落实、总投入等情况分析",
      "2、专项资金实际使用情况分析",
      "3、专项资金管理情况分析",
    ]);
    expect(styled(parts["word/document.xml"]!, "Title")).toEqual(["永州市工业和信息化局", "2020年度部门整体支出绩效自评报告"]);
  });

  it("sets East Asian fonts and zh-CN on the styles, not only Latin ones", () => {
    const styles = parts["word/styles.xml"]!;
    expect(styles).toContain('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    expect(styleXml(styles, "Title")).toContain('w:eastAsia="方正小标宋简体"');
    expect(styleXml(styles, "Title")).toContain('<w:sz w:val="44"/>');
    expect(styleXml(styles, "Title")).toContain('<w:jc w:val="center"/>');
    expect(styleXml(styles, "Heading1")).toContain('w:eastAsia="黑体"');
    expect(styleXml(styles, "Heading2")).toContain('w:eastAsia="楷体_GB2312"');
    expect(styleXml(styles, "Heading3")).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styleXml(styles, "Heading4")).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styleXml(styles, "Heading1")).toContain('<w:outlineLvl w:val="0"/>');
    expect(styles).not.toContain('w:eastAsia="en-US"');
    expect(styles).not.toContain("eastAsiaTheme");
  });

  it("uses fixed 28 pt line spacing and a two-character first-line indent on body text", () => {
    const normal = styleXml(parts["word/styles.xml"]!, "Normal");
    expect(normal).toContain('<w:spacing w:after="0" w:before="0" w:line="560" w:lineRule="exact"/>');
    expect(normal).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
    expect(normal).toContain('<w:jc w:val="both"/>');
  });

  it("is A4 with the official margins 37/35/28/26 mm", () => {
    const sect = /<w:sectPr>.*<\/w:sectPr>/.exec(parts["word/document.xml"]!)![0];
    expect(sect).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(sect).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" /);
  });

  it("numbers pages “— 1 —” in 宋体 4号, odd pages right and even pages left", () => {
    const sect = /<w:sectPr>.*<\/w:sectPr>/.exec(parts["word/document.xml"]!)![0];
    const rels = parts["word/_rels/document.xml.rels"]!;
    const footer = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"/>`).exec(sect)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
      return parts[`word/${target[1] ?? target[2]}`]!;
    };
    for (const [type, align] of [["default", "right"], ["even", "left"]] as const) {
      const xml = footer(type);
      expect(xml).toContain(`<w:jc w:val="${align}"/>`);
      expect(xml).toMatch(/<w:t xml:space="preserve">— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —<\/w:t>/);
      expect(xml).toContain('w:eastAsia="宋体"');
      expect(xml).toContain('<w:sz w:val="28"/>');
    }
    expect(parts["word/settings.xml"]).toContain("<w:evenAndOddHeaders/>");
  });

  it("has the finance and special-fund tables with fixed widths on grid and cells and repeated headers", () => {
    const doc = parts["word/document.xml"]!;
    const tables = doc.match(/<w:tbl>.*?<\/w:tbl>/g)!;
    expect(tables).toHaveLength(2);
    for (const t of tables) {
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      expect(t).toContain("<w:tblHeader/>");
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(8844);
      expect(t.match(/<w:tcW w:type="dxa" w:w="\d+"\/>/g)!.length).toBe(t.match(/<w:tc>/g)!.length);
    }
    expect(styled(doc, "TableCaption")).toEqual(["2020年度收入支出情况表", "2020年度专项资金使用情况表"]);
    // 合计 spans the 序号 and 专项名称 columns.
    expect(tables[1]).toMatch(/<w:gridSpan w:val="2"\/>.*?<w:t xml:space="preserve">合计<\/w:t>|<w:gridSpan w:val="2"\/>.*?<w:t>合计<\/w:t>/);
    expect(tables[0]).toContain(">352.26<");
    expect(tables[1]).toContain(">4,426.12<");
  });

  it("records title, unit and year in the document properties", () => {
    const core = parts["docProps/core.xml"]!;
    expect(core).toContain("<dc:title>2020年度部门整体支出绩效自评报告</dc:title>");
    expect(core).toContain("<dc:creator>永州市工业和信息化局</dc:creator>");
    expect(core).toContain("<dc:subject>永州市工业和信息化局2020年度部门整体支出绩效自评报告</dc:subject>");
  });

  const validator = "vendor/tools/validate-docx";
  const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
  it.skipIf(!hasXmllint)("passes the ISO/IEC 29500 schema check (vendor/tools/validate-docx)", () => {
    const dir = mkdtempSync(join(tmpdir(), "perf-report-"));
    const file = join(dir, "example.docx");
    writeFileSync(file, buffer);
    expect(execFileSync("python3", [validator, file], { encoding: "utf8" })).toContain("valid");
  });
});

describe("the self-evaluation scorecard table", () => {
  it("merges 一级/二级 cells vertically and spans the total rows", async () => {
    const { parts } = await docxParts("test/fixtures/valid/scorecard.yaml");
    const tables = parts["word/document.xml"]!.match(/<w:tbl>.*?<\/w:tbl>/g)!;
    expect(tables).toHaveLength(3);
    const card = tables[2]!;
    const rows = card.match(/<w:tr>.*?<\/w:tr>|<w:tr [^>]*>.*?<\/w:tr>/g)!;
    // header + 7 items + 合计 + 自评等级
    expect(rows).toHaveLength(10);
    // 投入 spans 2 rows, 过程 3; 预算执行 spans 2.
    expect(card.match(/<w:vMerge w:val="restart"\/>/g)!.length).toBe(3);
    expect(card.match(/<w:vMerge w:val="continue"\/>|<w:vMerge\/>/g)!.length).toBe(4);
    expect(rows[8]).toContain('<w:gridSpan w:val="5"/>');
    expect(rows[8]).toContain(">94.5<");
    expect(rows[9]).toContain(">优秀<");
  });
});
