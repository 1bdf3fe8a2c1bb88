import { runText, shareWidths, type Block, type Cell, type Table } from "../render/blocks.js";
import { mm, pt, type DocStyle } from "./style.js";
import { escapeXml as esc } from "../text/escape-xml.js";
import { zip } from "./zip.js";

export interface DocMeta {
  title: string;
  unit: string;
  year: string;
}

/**
 * The official-format DOCX (GB/T 9704-2012), written as WordprocessingML directly: real
 * Word styles (Title, Heading 1–4, Normal, Table Text, Table Caption) with the East Asian
 * font slot and zh-CN set on each, odd/even page-number footers, fixed-width tables.
 *
 * Why not the docx package: for a report of this size its object model and XML serialiser
 * cost about 15 ms of CPU per report and its module ~40 ms to load (measured, see
 * BENCHMARKS.md); the whole document here is a few templates of strings. Every part is
 * checked against the ISO/IEC 29500 schemas in the tests.
 */
export async function toDocx(blocks: readonly Block[], meta: DocMeta, style: DocStyle): Promise<Buffer> {
  return zip(parts(blocks, meta, style, new Date()));
}

export function parts(blocks: readonly Block[], meta: DocMeta, style: DocStyle, now: Date): [string, string][] {
  return [
    ["[Content_Types].xml", CONTENT_TYPES],
    ["_rels/.rels", ROOT_RELS],
    ["docProps/core.xml", coreXml(meta, now)],
    ["docProps/app.xml", APP_XML],
    ["word/document.xml", documentXml(blocks, style)],
    ["word/styles.xml", stylesXml(style)],
    ["word/settings.xml", SETTINGS_XML],
    ["word/fontTable.xml", fontTableXml(style)],
    ["word/footer1.xml", footerXml(style, "right")],
    ["word/footer2.xml", footerXml(style, "left")],
    ["word/_rels/document.xml.rels", DOCUMENT_RELS],
  ];
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';


const CONTENT_TYPES = `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const ROOT_RELS = `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const DOCUMENT_RELS = `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/settings" Target="settings.xml"/><Relationship Id="rId3" Type="${REL}/fontTable" Target="fontTable.xml"/><Relationship Id="rId4" Type="${REL}/footer" Target="footer1.xml"/><Relationship Id="rId5" Type="${REL}/footer" Target="footer2.xml"/></Relationships>`;

const APP_XML = `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>perf-report</Application></Properties>`;

/** Odd and even pages carry different footers (page numbers right and left). */
const SETTINGS_XML = `${DECL}<w:settings ${W}><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>`;

function coreXml(meta: DocMeta, now: Date): string {
  const date = now.toISOString().replace(/\.\d+Z$/, "Z");
  return `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(meta.title)}</dc:title><dc:subject>${esc(`${meta.unit}${meta.year}年度部门整体支出绩效自评报告`)}</dc:subject><dc:creator>${esc(meta.unit)}</dc:creator><cp:keywords>${esc(`绩效自评; ${meta.year}; ${meta.unit}`)}</cp:keywords><dc:description>Generated by perf-report</dc:description><cp:lastModifiedBy>perf-report</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`;
}

/** Latin text and digits in the Latin font, Chinese in the East Asian one. */
function fonts(style: DocStyle, eastAsia: string, latin = style.fonts.latin): string {
  return `<w:rFonts w:ascii="${esc(latin)}" w:cs="${esc(latin)}" w:eastAsia="${esc(eastAsia)}" w:hAnsi="${esc(latin)}"/>`;
}

const size = (points: number) => `<w:sz w:val="${Math.round(points * 2)}"/><w:szCs w:val="${Math.round(points * 2)}"/>`;
const bold = (on: boolean) => (on ? "<w:b/><w:bCs/>" : '<w:b w:val="false"/><w:bCs w:val="false"/>');
const LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN"/>';

function stylesXml(style: DocStyle): string {
  const line = `<w:spacing w:after="0" w:before="0" w:line="${pt(style.lineSpacing)}" w:lineRule="exact"/>`;
  const indent = `<w:ind w:firstLine="${pt(style.sizes.body * 2)}" w:firstLineChars="200"/>`;
  const heading = (level: number, font: string, isBold: boolean) =>
    `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/>${line}${indent}<w:jc w:val="both"/><w:outlineLvl w:val="${level - 1}"/></w:pPr><w:rPr>${fonts(style, font)}${bold(isBold)}<w:color w:val="000000"/>${size(style.sizes.body)}${LANG}</w:rPr></w:style>`;
  const titleLine = pt(Math.max(style.lineSpacing, style.sizes.title * 1.5));
  return `${DECL}<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr>${fonts(style, style.fonts.body)}${size(style.sizes.body)}${LANG}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>${line}</w:pPr></w:pPrDefault></w:docDefaults>`
    + `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr>${line}${indent}<w:jc w:val="both"/></w:pPr><w:rPr>${fonts(style, style.fonts.body)}${size(style.sizes.body)}${LANG}</w:rPr></w:style>`
    + `<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="0" w:before="0" w:line="${titleLine}" w:lineRule="exact"/><w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/></w:pPr><w:rPr>${fonts(style, style.fonts.title)}${bold(false)}<w:color w:val="000000"/>${size(style.sizes.title)}${LANG}</w:rPr></w:style>`
    + heading(1, style.fonts.heading1, style.bold.heading1)
    + heading(2, style.fonts.heading2, style.bold.heading2)
    + heading(3, style.fonts.body, style.bold.heading3)
    + heading(4, style.fonts.body, style.bold.heading4)
    + `<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="0" w:before="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0" w:firstLineChars="0"/></w:pPr><w:rPr>${fonts(style, style.fonts.table)}${size(style.sizes.table)}</w:rPr></w:style>`
    + `<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableCaption"><w:name w:val="Table Caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/></w:pPr><w:rPr>${bold(true)}${size(12)}</w:rPr></w:style>`
    + `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`
    + `</w:styles>`;
}

/** Fonts that Linux and macOS often lack, each with the common face to fall back to. */
const FALLBACK: Record<string, string> = {
  方正小标宋简体: "宋体",
  仿宋_GB2312: "仿宋",
  楷体_GB2312: "楷体",
  黑体: "SimHei",
  宋体: "SimSun",
};

function fontTableXml(style: DocStyle): string {
  const names = [...new Set(Object.values(style.fonts))];
  const font = (name: string) => {
    const cjk = /[^\u0000-\u00ff]/.test(name);
    const alt = FALLBACK[name] ? `<w:altName w:val="${esc(FALLBACK[name])}"/>` : "";
    return `<w:font w:name="${esc(name)}">${alt}<w:charset w:val="${cjk ? "86" : "00"}"/><w:family w:val="${cjk ? "modern" : "roman"}"/><w:pitch w:val="${cjk ? "fixed" : "variable"}"/></w:font>`;
  };
  return `${DECL}<w:fonts ${W}>${names.map(font).join("")}</w:fonts>`;
}

/** "— 1 —" in 4号 宋体, one character in from the edge (GB/T 9704 7.5). */
function footerXml(style: DocStyle, side: "left" | "right"): string {
  const rPr = `<w:rPr>${fonts(style, style.fonts.pageNumber, style.fonts.pageNumber)}${size(style.sizes.pageNumber)}</w:rPr>`;
  const run = (inner: string) => `<w:r>${rPr}${inner}</w:r>`;
  const inset = pt(style.sizes.pageNumber);
  return `${DECL}<w:ftr ${W}><w:p><w:pPr><w:spacing w:after="0" w:before="0" w:line="240" w:lineRule="auto"/><w:ind w:${side}="${inset}" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="${side}"/></w:pPr>${run('<w:t xml:space="preserve">— </w:t>')}${run('<w:fldChar w:fldCharType="begin"/>')}${run('<w:instrText xml:space="preserve"> PAGE </w:instrText>')}${run('<w:fldChar w:fldCharType="separate"/>')}${run("<w:t>1</w:t>")}${run('<w:fldChar w:fldCharType="end"/>')}${run('<w:t xml:space="preserve"> —</w:t>')}</w:p></w:ftr>`;
}

function runs(text: string, isBold = false): string {
  if (text === "") return "";
  return `<w:r>${isBold ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : ""}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

const paragraph = (styleId: string, content: string, extra = "") => `<w:p><w:pPr><w:pStyle w:val="${styleId}"/>${extra}</w:pPr>${content}</w:p>`;

function documentXml(blocks: readonly Block[], style: DocStyle): string {
  const body: string[] = [];
  blocks.forEach((block, i) => {
    switch (block.type) {
      case "title":
        body.push(paragraph("Title", runs(block.text)));
        // 公文: one empty line between the title and the text.
        if (blocks[i + 1]?.type !== "title") body.push(paragraph("Normal", ""));
        break;
      case "heading":
        body.push(paragraph(`Heading${block.level}`, runs(block.text)));
        break;
      case "paragraph":
        body.push(paragraph("Normal", `${block.lead ? runs(block.lead, style.bold.heading3) : ""}${runs(runText(block.runs))}`));
        break;
      case "table":
        body.push(tableXml(block.table, mm(style.page.width - style.page.left - style.page.right)));
        break;
      case "pagebreak":
        body.push(paragraph("Normal", "", "<w:pageBreakBefore/>"));
        break;
      case "signature":
        for (const line of block.lines) body.push(paragraph("Normal", runs(line), '<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="right"/>'));
        break;
      case "section":
    }
  });
  const { page } = style;
  const sect = `<w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:footerReference w:type="even" r:id="rId5"/><w:pgSz w:w="${mm(page.width)}" w:h="${mm(page.height)}" w:orient="portrait"/><w:pgMar w:top="${mm(page.top)}" w:right="${mm(page.right)}" w:bottom="${mm(page.bottom)}" w:left="${mm(page.left)}" w:header="${mm(15)}" w:footer="${mm(page.footer)}" w:gutter="0"/><w:pgNumType w:start="1"/><w:docGrid w:linePitch="${pt(style.lineSpacing)}"/></w:sectPr>`;
  return `${DECL}<w:document ${W}><w:body>${body.join("")}${sect}</w:body></w:document>`;
}

const ALIGN = { left: "left", center: "center", right: "right" } as const;
const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';
const MARGINS = '<w:tcMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tcMar>';

/**
 * A table with its caption and unit line. Widths are fixed on the grid and on every cell
 * (WPS and LibreOffice ignore one without the other); a cell spanning rows starts a
 * vertical merge that the covered cells below continue; the header row repeats on each page.
 */
function tableXml(t: Table, textWidth: number): string {
  const widths = shareWidths(t.columns, textWidth);
  const total = widths.reduce((a, b) => a + b, 0);
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const cell = (c: Cell, col: number, merge: "" | "restart" | "continue", header = false) => {
    const span = c.colSpan ?? 1;
    const props = `<w:tcPr><w:tcW w:type="dxa" w:w="${spanWidth(col, span)}"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}${merge ? `<w:vMerge w:val="${merge}"/>` : ""}${MARGINS}<w:vAlign w:val="center"/></w:tcPr>`;
    const align = ALIGN[header ? "center" : (c.align ?? "left")];
    const text = merge === "continue" ? "" : runs(c.text, header || c.bold === true);
    return `<w:tc>${props}${paragraph("TableText", text, `<w:jc w:val="${align}"/>`)}</w:tc>`;
  };

  const header = `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="${pt(20)}" w:hRule="atLeast"/><w:tblHeader/></w:trPr>${t.columns.map((c, i) => cell({ text: c.header }, i, "", true)).join("")}</w:tr>`;
  // Which grid columns each row has covered by a row span from above, and by what cell.
  const covered: (Cell | undefined)[][] = t.rows.map(() => new Array<Cell | undefined>(t.columns.length).fill(undefined));
  const rows = t.rows.map((row, r) => {
    const out: string[] = [];
    let col = 0;
    const flushCovered = () => {
      while (col < t.columns.length && covered[r]![col]) {
        const above = covered[r]![col]!;
        out.push(cell({ ...above, text: "" }, col, "continue"));
        col += above.colSpan ?? 1;
      }
    };
    for (const c of row) {
      flushCovered();
      const rowSpan = c.rowSpan ?? 1;
      for (let dr = 1; dr < rowSpan && r + dr < t.rows.length; dr++) covered[r + dr]![col] = c;
      out.push(cell(c, col, rowSpan > 1 ? "restart" : ""));
      col += c.colSpan ?? 1;
    }
    flushCovered();
    return `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="${pt(18)}" w:hRule="atLeast"/></w:trPr>${out.join("")}</w:tr>`;
  });

  const tblPr = `<w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>`;
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  const caption = paragraph("TableCaption", runs(t.caption));
  const unit = t.unit ? paragraph("TableText", runs(t.unit), '<w:keepNext/><w:jc w:val="right"/>') : "";
  return `${caption}${unit}<w:tbl>${tblPr}${grid}${header}${rows.join("")}</w:tbl>${paragraph("Normal", "")}`;
}
