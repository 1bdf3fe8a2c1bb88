import { isScalar } from "yaml";
import type { SourcePos } from "../findings/finding.js";
import { parseNumberText, type Dec } from "../load/numbers.js";
import { nodePos, type Located } from "../load/parse.js";

/** A number as the user wrote it: exact value, written decimals, and where it stands. */
export interface Quantity {
  value: Dec;
  dp: number;
  /** As written: "1074.00". */
  text: string;
  pointer: string;
  pos: SourcePos;
}

/**
 * Reads numbers from the YAML source text, never from the JavaScript numbers the schema
 * saw: `47.20` is 47.20 with two decimals, and 25 significant digits stay 25.
 */
export class Inputs {
  constructor(readonly located: Located) {}

  /** The number at a JSON pointer, or undefined when the dataset does not give it. */
  at(pointer: string): Quantity | undefined {
    const node = this.located.nodes.get(pointer);
    if (!isScalar(node) || typeof node.value !== "number") return undefined;
    const text = node.source ?? String(node.value);
    const { value, dp } = parseNumberText(text);
    return { value, dp, text, pointer, pos: nodePos(this.located.positions, node) };
  }

  /** Where a pointer's value (or key, when the value is absent) is written. */
  pos(pointer: string): SourcePos | undefined {
    const node = this.located.nodes.get(pointer) ?? this.located.keys.get(pointer);
    return node ? nodePos(this.located.positions, node) : undefined;
  }

  /** Where the key of the property at `pointer` is written. */
  keyPos(pointer: string): SourcePos | undefined {
    const node = this.located.keys.get(pointer);
    return node ? nodePos(this.located.positions, node) : this.pos(pointer);
  }
}
