import type { Block } from "./document.js";
import { findFigures, normalise, parenDepths, type Figure } from "./figures.js";

export interface Sentence {
  /** 1-based within its block. */
  index: number;
  start: number;
  end: number;
}

/** A block read for audit: its normalised text, sentences and figures (each knowing its sentence). */
export interface ReadBlock {
  block: Block;
  text: string;
  depth: number[];
  sentences: Sentence[];
  figures: Located[];
}

export interface Located extends Figure {
  sentence: Sentence;
  readBlock: ReadBlock;
}

/** Sentences end at 。！？ (and ! ? ;) outside parentheses; a table row is one sentence. */
export function readBlock(block: Block): ReadBlock {
  const text = normalise(block.text);
  const depth = parenDepths(text);
  const sentences: Sentence[] = [];
  if (block.kind === "row") sentences.push({ index: 1, start: 0, end: text.length });
  else {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if (/[。！？!?]/.test(text[i]!) && (depth[i] ?? 0) === 0) {
        sentences.push({ index: sentences.length + 1, start, end: i + 1 });
        start = i + 1;
      }
    }
    if (text.slice(start).trim() !== "") sentences.push({ index: sentences.length + 1, start, end: text.length });
  }
  const rb: ReadBlock = { block, text, depth, sentences, figures: [] };
  rb.figures = findFigures(block.text, { bare: block.kind === "row" }).map((f) => ({ ...f, sentence: sentences.find((s) => f.start >= s.start && f.start < s.end) ?? sentences[sentences.length - 1]!, readBlock: rb }));
  return rb;
}

/** Figures of one sentence, in order. */
export function inSentence(rb: ReadBlock, s: Sentence): Located[] {
  return rb.figures.filter((f) => f.sentence === s);
}
