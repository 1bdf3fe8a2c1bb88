import type { Figure } from "../audit/figures.js";
import { subjectOf } from "../audit/figures.js";
import { readBlock } from "../audit/sentences.js";
import { Dec } from "../load/numbers.js";
import { Exact } from "./draft.js";
import type { Piece } from "./sections.js";

/** One sentence of a piece, with its figures (offsets relative to the sentence). */
export interface Sentence {
  text: string;
  /** Offset of the sentence in the piece's text. */
  start: number;
  figures: Figure[];
  piece: Piece;
}

/** The sentences of a piece as audit reads them (the same splitting and the same figures). */
export function sentencesOf(piece: Piece): Sentence[] {
  const rb = readBlock({ kind: "paragraph", number: 1, line: piece.block.line, text: piece.text });
  return rb.sentences.map((s) => ({
    text: piece.text.slice(s.start, s.end),
    start: s.start,
    piece,
    figures: rb.figures.filter((f) => f.sentence === s).map(({ sentence: _s, readBlock: _r, ...f }) => ({ ...f, label: f.label || leadOf(piece.text.slice(s.start, f.start)), start: f.start - s.start, numberEnd: f.numberEnd - s.start, end: f.end - s.start })),
  }));
}

/** A figure right after a lead (`1、收入：816.23万元`, the yiyang outline's lines) is named by the lead. */
function leadOf(before: string): string {
  return /^\s*(?:\d+[、.．])?\s*([^，,。；;：:、\s]{1,12})[：:]\s*$/.exec(before)?.[1] ?? "";
}

/** What the figure's clause names, with time words and verbs taken off ("2020年度支出为" → "支出"). */
export function subject(f: Figure): string {
  return subjectOf(f.label).replace(/^\s*(?:\d+|[一二三四五六七八九十]+)[、.．]/, "").replace(/^(全市|全县|全省|全区|(我|本)(局|单位|委|院|办|厅|部|会)|共|有|其中)+/, "");
}

const SCALE: Record<string, Dec> = { 元: new Dec(1), 千元: new Dec(1000), 万元: new Dec(10000), 亿元: new Dec(100000000) };

/** A money figure in the dataset's amount unit, with the decimals it was printed with (moved with the unit). */
export function amountIn(f: Figure, unit: string): Exact {
  const from = SCALE[f.unit] ?? new Dec(1);
  const to = SCALE[unit] ?? new Dec(1);
  const value = f.value.times(from).div(to);
  const shift = Math.round(Math.log10(from.div(to).toNumber()));
  return Exact.of(value, Math.max(f.dp - shift, decimalsOf(value)));
}

function decimalsOf(value: Dec): number {
  return Math.max(0, value.decimalPlaces());
}

/** A figure's number as printed, without separators. */
export function exactOf(f: Figure): Exact {
  return Exact.of(f.value, f.dp);
}
