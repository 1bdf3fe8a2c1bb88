import { isScalar } from "yaml";
import type { Figure } from "../../src/compute/figure.js";
import type { Located } from "../../src/load/parse.js";
import { formatScaled, q, writtenDecimals } from "./exact.js";

/** An input amount of the dataset: where its number is written, and the figure it is. */
export interface InputScalar {
  figure: string;
  pointer: string;
  /** The scalar's text as written, e.g. "47.2". */
  text: string;
  start: number;
  end: number;
  line: number;
}

/**
 * The number scalar a leaf figure was read from, or undefined when its source is not a
 * YAML number (a counted list, say).
 */
export function inputScalar(located: Located, leaf: Figure): InputScalar | undefined {
  const pointer = leaf.source?.pointer;
  if (pointer === undefined) return undefined;
  const node = located.nodes.get(pointer);
  if (!isScalar(node) || typeof node.value !== "number" || !node.range) return undefined;
  const [start, end] = node.range;
  const text = located.source.text.slice(start, end);
  if (text !== node.source) throw new Error(`range of ${pointer} does not hold its source text: “${text}” vs “${node.source}”`);
  return { figure: leaf.id, pointer, text, start, end, line: located.positions.at(start).line };
}

/** One unit more, keeping the written decimals: 5296 → 5297, 47.2 → 48.2, 32.6004 → 33.6004. */
export function plusOne(text: string): string {
  const dp = writtenDecimals(text);
  const x = q(text);
  const scale = 10n ** BigInt(dp);
  // x·10^dp is an integer because x is written with dp decimals.
  const scaled = (x.n * scale) / x.d + scale;
  return formatScaled(scaled, dp);
}

/** The source text with one scalar replaced. */
export function replaceAt(text: string, input: InputScalar, replacement: string): string {
  return `${text.slice(0, input.start)}${replacement}${text.slice(input.end)}`;
}
