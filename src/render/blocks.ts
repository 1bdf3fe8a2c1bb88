/**
 * The document model every writer turns into its own format. Template helpers build these
 * blocks directly ({{#para}}, {{#heading 1}}, {{table "finance"}} …); text from the dataset is
 * only ever the text of a run, never read again for structure.
 */
export type Block =
  /** One line of the document title (the unit's name, the report's name). */
  | { type: "title"; text: string }
  /** `numbering`: the heading's number is computed once empty sections are dropped (src/render/outline.ts). */
  | { type: "heading"; level: 1 | 2 | 3 | 4; text: string; numbering?: string }
  /**
   * A paragraph; `lead` is a run-in heading ("2、机构设置情况。") printed before its runs;
   * `numbering` numbers it among the headings of `level` ("1、" after "1、部门职能职责").
   */
  | { type: "paragraph"; runs: Run[]; lead?: string; numbering?: { style: string; level: 1 | 2 | 3 | 4 } }
  | { type: "table"; table: Table }
  | { type: "pagebreak" }
  /** The blocks after this one, up to the next section block, sit on pages of this orientation. */
  | { type: "section"; orientation: "portrait" | "landscape" }
  /** 落款: lines set flush right (the issuing unit, the date). */
  | { type: "signature"; lines: string[] };

/** A stretch of text with one look; a new kind of run (an image) is a new member here. */
export interface Run {
  text: string;
  bold?: boolean;
}

export interface Cell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  align?: "left" | "center" | "right";
  bold?: boolean;
}

export interface Column {
  header: string;
  /** A relative width: each writer shares out the width of its page's text area by these. */
  weight: number;
  align: "left" | "center" | "right";
}

/** A table; a cell covered by a span above or to the left is omitted from its row. */
export interface Table {
  id: string;
  caption: string;
  unit?: string;
  columns: Column[];
  rows: Cell[][];
  /** A form (label and value cells, as on a printed 表格式 report): no header row; its headers are empty. */
  form?: boolean;
}

/** The paragraph's text, runs joined. */
export const runText = (runs: readonly Run[]): string => runs.map((r) => r.text).join("");

/**
 * `total` shared out by the columns' weights in whole units, the last column taking what
 * rounding left, so that the parts add up to exactly `total`.
 */
export function shareWidths(columns: readonly Column[], total: number): number[] {
  const sum = columns.reduce((n, c) => n + c.weight, 0);
  let used = 0;
  return columns.map((c, i) => {
    const width = i === columns.length - 1 ? total - used : Math.round((total * c.weight) / sum);
    used += width;
    return width;
  });
}
