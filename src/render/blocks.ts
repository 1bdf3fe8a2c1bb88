/** The document model every writer turns into its own format. */
export type Block =
  | { type: "title"; text: string }
  | { type: "heading"; level: 1 | 2 | 3 | 4; text: string }
  /** A paragraph; `lead` is a run-in heading ("2、机构设置情况。") printed before the text. */
  | { type: "paragraph"; text: string; lead?: string }
  | { type: "table"; table: Table }
  | { type: "pagebreak" };

export interface Cell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  align?: "left" | "center" | "right";
  bold?: boolean;
}

export interface Column {
  header: string;
  /** Width in twentieths of a point. */
  width: number;
  align: "left" | "center" | "right";
}

/** A table; a cell covered by a span above or to the left is omitted from its row. */
export interface Table {
  id: string;
  caption: string;
  unit?: string;
  columns: Column[];
  /** Extra header rows above the column headers (for grouped headers); usually none. */
  rows: Cell[][];
}

/**
 * Reads the template's output: one line per block.
 * `# ` title · `## `…`##### ` headings 1–4 · `#### lead||text` run-in heading ·
 * `::table NAME` · `::pagebreak` · any other non-empty line is a paragraph.
 */
export function parseBlocks(text: string, tables: (name: string) => Table | null | undefined, onUnknownTable: (name: string, line: number) => void): Block[] {
  const blocks: Block[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    const heading = /^(#{1,5})\s+(.*)$/.exec(line);
    if (heading) {
      const depth = heading[1]!.length;
      const body = heading[2]!.trim();
      if (depth === 1) return void blocks.push({ type: "title", text: body });
      const split = body.indexOf("||");
      if (split >= 0) return void blocks.push({ type: "paragraph", lead: body.slice(0, split).trim(), text: body.slice(split + 2).trim() });
      return void blocks.push({ type: "heading", level: (depth - 1) as 1 | 2 | 3 | 4, text: body });
    }
    const directive = /^::(\w+)(?:\s+(\S+))?$/.exec(line);
    if (directive?.[1] === "pagebreak") return void blocks.push({ type: "pagebreak" });
    if (directive?.[1] === "table") {
      const table = tables(directive[2] ?? "");
      if (table) blocks.push({ type: "table", table });
      else if (table === undefined) onUnknownTable(directive[2] ?? "", i + 1);
      return;
    }
    blocks.push({ type: "paragraph", text: line });
  });
  return blocks;
}
