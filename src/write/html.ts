import { shareWidths, type Block, type Table } from "../render/blocks.js";
import type { Writer } from "./writer.js";
import { escapeXml as esc } from "../text/escape-xml.js";
import type { DocStyle } from "./style.js";

/** A standalone page that previews the report in the official layout. */
export function toHtml(blocks: readonly Block[], title: string, style: DocStyle): string {
  const body = blocks
    .map((block) => {
      switch (block.type) {
        case "title":
          return `<h1 class="title">${esc(block.text)}</h1>`;
        case "heading":
          return `<h${block.level + 1}>${esc(block.text)}</h${block.level + 1}>`;
        case "paragraph":
          return `<p>${block.lead ? `<strong>${esc(block.lead)}</strong>` : ""}${block.runs.map((r) => (r.bold ? `<strong>${esc(r.text)}</strong>` : esc(r.text))).join("")}</p>`;
        case "table":
          return table(block.table);
        case "pagebreak":
          return `<hr class="page-break">`;
        case "signature":
          return `<p class="signature">${block.lines.map(esc).join("<br>")}</p>`;
        case "section":
          return "";
      }
    })
    .join("\n");
  const f = style.fonts;
  const css = `
body { background: #eee; margin: 0; }
main { background: #fff; width: ${style.page.width - style.page.left - style.page.right}mm; margin: 1em auto; padding: ${style.page.top}mm ${style.page.right}mm ${style.page.bottom}mm ${style.page.left}mm; box-shadow: 0 0 4px #999;
  font: ${style.sizes.body}pt/${style.lineSpacing}pt ${cssString(f.latin)}, ${cssString(f.body)}, FangSong, STFangsong, "Noto Serif CJK SC", serif; text-align: justify; }
p { margin: 0; text-indent: 2em; }
h1.title { font: ${style.sizes.title}pt/1.5 ${cssString(f.title)}, "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", serif; text-align: center; margin: 0; }
h2, h3, h4, h5 { font-size: ${style.sizes.body}pt; font-weight: normal; margin: 0; text-indent: 2em; }
h2 { font-family: ${cssString(f.heading1)}, SimHei, "Noto Sans CJK SC", sans-serif; }
h3 { font-family: ${cssString(f.heading2)}, KaiTi, STKaiti, serif; }
h4 { font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: ${style.sizes.table}pt; line-height: 1.4; margin: 0.5em 0 1em; }
caption { font-weight: bold; font-size: 12pt; }
caption small { display: block; text-align: right; font-weight: normal; font-size: ${style.sizes.table}pt; }
th, td { border: 1px solid #000; padding: 2px 4px; }
td.right { text-align: right; } td.center { text-align: center; }
p.signature { text-align: right; text-indent: 0; }
hr.page-break { border: 0; border-top: 1px dashed #aaa; margin: 2em 0; }`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${css}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/**
 * A CSS string literal: every character that could end the string, the declaration, the rule
 * or the <style> element (quotes, backslash, ; { } < > and control characters) written as a
 * CSS hex escape. Font names are checked by the style schema; this holds even if one is not.
 */
export function cssString(text: string): string {
  const escaped = text.replace(/["'\\;{}<>\u0000-\u001f\u007f]/g, (c) => `\\${c === "\u0000" ? "fffd" : c.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}

function table(t: Table): string {
  // Widths in per mille of the table's width, from the columns' weights.
  const cols = shareWidths(t.columns, 1000).map((w) => `<col style="width: ${w / 10}%">`).join("");
  const head = `<tr>${t.columns.map((c) => `<th>${esc(c.header)}</th>`).join("")}</tr>`;
  const rows = t.rows
    .map(
      (row) =>
        `<tr>${row
          .map((c) => {
            const attrs = [c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : "", c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : "", c.align && c.align !== "left" ? ` class="${c.align}"` : ""].join("");
            const text = c.text.split("\n").map((line) => (c.bold ? `<strong>${esc(line)}</strong>` : esc(line))).join("<br>");
            return `<td${attrs}>${text}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("\n");
  return `<table>\n<caption>${esc(t.caption)}${t.unit ? `<small>${esc(t.unit)}</small>` : ""}</caption>\n<colgroup>${cols}</colgroup>\n${t.form ? "" : `<thead>${head}</thead>`}\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

export const writer: Writer = { format: "html", write: async (document, meta, style) => toHtml(document.blocks, meta.subject, style) };
