import { runText, type Block, type Table } from "../render/blocks.js";
import type { Writer } from "./writer.js";

/** Markdown for preview and diffs: one block per paragraph, GFM tables. */
export function toMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case "title":
        out.push(`# ${escape(block.text)}`);
        break;
      case "heading":
        out.push(`${"#".repeat(block.level + 1)} ${escape(block.text)}`);
        break;
      case "paragraph":
        out.push(escapeStart(escape(`${block.lead ?? ""}${runText(block.runs)}`)));
        break;
      case "table":
        out.push(table(block.table));
        break;
      case "pagebreak":
        out.push("---");
        break;
      case "signature":
        // Two trailing spaces: a line break inside one Markdown paragraph.
        out.push(block.lines.map((l) => escapeStart(escape(l))).join("  \n"));
        break;
      case "section":
    }
  }
  return `${out.join("\n\n")}\n`;
}

/** Spans cannot be expressed in GFM: a merged cell's text goes in its first cell, the rest stay empty. */
export function tableGrid(table: Table): string[][] {
  const width = table.columns.length;
  const grid: (string | undefined)[][] = table.rows.map(() => new Array<string | undefined>(width).fill(undefined));
  const taken = table.rows.map(() => new Array<boolean>(width).fill(false));
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < width && taken[r]![c]) c++;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
          if (taken[r + dr]) {
            taken[r + dr]![c + dc] = true;
            grid[r + dr]![c + dc] = "";
          }
        }
      }
      grid[r]![c] = cell.text;
      c += cell.colSpan ?? 1;
    }
  });
  return grid.map((row) => row.map((v) => v ?? ""));
}

function table(t: Table): string {
  const align = t.columns.map((c) => (c.align === "right" ? "---:" : c.align === "center" ? ":---:" : "---"));
  const lines = [
    ...(t.caption ? [`**${escape(t.caption)}**${t.unit ? `（${t.unit}）` : ""}`, ""] : []),
    `| ${t.columns.map((c) => cell(c.header)).join(" | ")} |`,
    `| ${align.join(" | ")} |`,
    ...tableGrid(t).map((row) => `| ${row.map(cell).join(" | ")} |`),
  ];
  return lines.join("\n");
}

function cell(text: string): string {
  return escape(text).replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function escape(text: string): string {
  return text.replace(/([\\`*_<>[\]])/g, "\\$1");
}

/** A paragraph that starts like a Markdown block marker must not become one. */
function escapeStart(text: string): string {
  return text.replace(/^(#|>|-|\+|=|\d+(?=\.\s))/, "\\$1");
}

export const writer: Writer = { format: "md", write: async (document) => toMarkdown(document.blocks) };
