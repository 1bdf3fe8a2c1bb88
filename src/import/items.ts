import type { Draft } from "./draft.js";
import type { Part } from "./outline.js";
import { NUMBERING, type Piece } from "./sections.js";

export interface Item {
  title: string;
  text?: string;
  piece: Piece;
  /** Offset of the title in the piece's text, and of the text. */
  titleAt: number;
  textAt: number;
}

/** Numbered items `1、标题。说明……`: the title up to the first 。, the rest its text; an unnumbered line continues the item before it. */
export function readItems(pieces: Piece[], part: Part, draft: Draft): Item[] {
  const items: Item[] = [];
  for (const piece of pieces) {
    const numbered = NUMBERING.exec(piece.text);
    if (!numbered) {
      const last = items[items.length - 1];
      if (last) last.text = `${last.text ?? ""}${piece.text}`;
      else draft.leave(part, piece);
      continue;
    }
    const body = piece.text.slice(numbered[0].length);
    const stop = body.indexOf("。");
    const title = (stop < 0 ? body : body.slice(0, stop)).trim();
    const text = stop < 0 ? "" : body.slice(stop + 1).trim();
    items.push({ title, ...(text ? { text } : {}), piece, titleAt: numbered[0].length, textAt: numbered[0].length + stop + 1 });
  }
  return items.filter((i) => i.title !== "");
}

/** Paragraphs as they stand; `numbered` takes off the numbering the template prints again. */
export function paragraphs(pieces: Piece[], numbered: boolean): string[] {
  return pieces.map((p) => (numbered ? p.text.replace(NUMBERING, "") : p.text).trim()).filter((t) => t !== "");
}
