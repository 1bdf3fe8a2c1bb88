import type { AuditDocument, Block } from "../audit/document.js";
import { FAMILIES, type Family, type Part } from "./outline.js";

/** Text of the report with where it came from: a block, and the offset of `text` in the block's text. */
export interface Piece {
  text: string;
  block: Block;
  offset: number;
}

export interface Outlined {
  family: Family;
  /** Before the first heading of the outline: the title, the preamble. */
  front: Piece[];
  parts: Map<Part, Piece[]>;
  headings: number;
}

/** 一、 （一） (1) 1、 1. ① — the numbering before a heading or an item. */
export const NUMBERING = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)][、.．]?|\d+[、.．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])\s*/;

const HEADING_MAX = 60;

/** Splits a report into the parts of the family whose outline matches most of its headings. */
export function outline(doc: AuditDocument): Outlined {
  const tries = FAMILIES.map((f) => split(doc, f));
  return tries.reduce((best, t) => (t.headings > best.headings ? t : best));
}

function split(doc: AuditDocument, family: Family): Outlined {
  const front: Piece[] = [];
  const parts = new Map<Part, Piece[]>();
  let at = -1;
  let current: Piece[] = front;
  let headings = 0;
  for (const block of doc.blocks) {
    // A Markdown heading's marks (`## 一、基本情况`) are not part of its text.
    // A Markdown rule (`---`, a page break) holds nothing.
    if (/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(block.text)) continue;
    const lead = /^\s*(?:#{1,6}\s+)?/.exec(block.text)![0].length;
    const piece: Piece = { text: block.text.slice(lead).trim(), block, offset: lead };
    const heading = headingOf(piece.text);
    const found = heading ? family.outline.findIndex((h, i) => i > at && h.pattern.test(heading.title)) : -1;
    if (heading && found >= 0) {
      at = found;
      headings++;
      const part = family.outline[found]!.part;
      current = parts.get(part) ?? [];
      parts.set(part, current);
      if (heading.rest !== "") current.push({ text: heading.rest, block, offset: piece.offset + piece.text.length - heading.rest.length });
      continue;
    }
    current.push(piece);
  }
  return { family, front, parts, headings };
}

/** A numbered line's title (up to its first 。) and what runs on after it. */
function headingOf(text: string): { title: string; rest: string } | undefined {
  const numbered = NUMBERING.exec(text);
  const body = numbered ? text.slice(numbered[0].length) : text;
  const stop = body.indexOf("。");
  const title = (stop < 0 ? body : body.slice(0, stop)).trim();
  if (title.length === 0 || title.length > HEADING_MAX) return undefined;
  if (!numbered && stop >= 0) return undefined;
  return { title, rest: stop < 0 ? "" : body.slice(stop + 1).trim() };
}
