/**
 * A report as audit reads it, whatever it was written in: paragraphs and table rows in
 * document order. Each block is one line of `text`, so that a finding's file:line:col and
 * the excerpt under it point into what was read (for .txt and .md, the file's own lines).
 */
export interface Paragraph {
  kind: "paragraph";
  /** 1-based, counting the paragraphs that hold text. */
  number: number;
  /** 1-based line of `AuditDocument.text`. */
  line: number;
  text: string;
}

export interface TableRow {
  kind: "row";
  /** 1-based table, row and the column each cell starts at in `text` (cells joined by " | "). */
  table: number;
  row: number;
  cells: string[];
  cellStarts: number[];
  line: number;
  text: string;
}

export type Block = Paragraph | TableRow;

export interface AuditDocument {
  file: string;
  blocks: Block[];
  /** The lines the blocks came from, for excerpts. */
  text: string;
}

export const CELL_SEPARATOR = " | ";

/** Builds a document from blocks read out of a structured file (DOCX, HTML): one line each. */
export class DocumentBuilder {
  private readonly blocks: Block[] = [];
  private readonly lines: string[] = [];
  private paragraphs = 0;
  private tables = 0;
  private rowInTable = 0;

  paragraph(raw: string): void {
    const text = oneLine(raw);
    if (text.trim() === "") return;
    this.lines.push(text);
    this.blocks.push({ kind: "paragraph", number: ++this.paragraphs, line: this.lines.length, text });
  }

  startTable(): void {
    this.tables++;
    this.rowInTable = 0;
  }

  row(rawCells: string[]): void {
    const cells = rawCells.map((c) => oneLine(c).trim());
    if (cells.every((c) => c === "")) return;
    const cellStarts: number[] = [];
    let at = 0;
    for (const cell of cells) {
      cellStarts.push(at);
      at += cell.length + CELL_SEPARATOR.length;
    }
    const text = cells.join(CELL_SEPARATOR);
    this.lines.push(text);
    this.blocks.push({ kind: "row", table: this.tables, row: ++this.rowInTable, cells, cellStarts, line: this.lines.length, text });
  }

  done(file: string): AuditDocument {
    return { file, blocks: this.blocks, text: this.lines.join("\n") };
  }
}

/** A plain-text report: each non-empty line is a paragraph; Markdown pipe rows are table rows. */
export function textDocument(file: string, text: string): AuditDocument {
  const blocks: Block[] = [];
  const lines = text.split(/\r?\n/);
  let paragraphs = 0;
  let tables = 0;
  let row = 0;
  lines.forEach((line, i) => {
    const cells = pipeCells(line);
    if (cells) {
      if (/^[\s|:-]+$/.test(line)) return; // the | --- | rule under a Markdown header
      if (row === 0) tables++;
      const cellStarts = cells.map((c) => c.start);
      blocks.push({ kind: "row", table: tables, row: ++row, cells: cells.map((c) => c.text), cellStarts, line: i + 1, text: line });
      return;
    }
    row = 0;
    if (line.trim() !== "") blocks.push({ kind: "paragraph", number: ++paragraphs, line: i + 1, text: line });
  });
  return { file, blocks, text };
}

/** A Markdown table row `| a | b |`, with where each cell's text starts in the line. */
function pipeCells(line: string): { text: string; start: number }[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith("|") || !trimmed.endsWith("|") || trimmed.length < 2) return undefined;
  const cells: { text: string; start: number }[] = [];
  let start = line.indexOf("|") + 1;
  for (let i = start; i < line.length; i++) {
    if (line[i] !== "|") continue;
    const raw = line.slice(start, i);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), start: start + lead });
    start = i + 1;
  }
  return cells;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t\u000b\u000c]+/g, " ");
}
