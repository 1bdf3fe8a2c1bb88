import type { Dec } from "../load/numbers.js";
import type { Message } from "../i18n/messages.js";
import type { Part } from "./outline.js";
import type { Piece } from "./sections.js";

/** A number as the report printed it ("47.20" keeps its two decimals): never a binary float. */
export class Exact {
  constructor(readonly text: string) {}
  static of(value: Dec, dp: number): Exact {
    return new Exact(value.toFixed(Math.max(0, dp)));
  }
}

export type Value = string | boolean | Exact | Value[] | { [key: string]: Value };

/** Text of the report that import could not place: it goes into the draft as a TODO comment. */
export interface Unplaced {
  part: Part | "front";
  piece: Piece;
}

/**
 * The dataset being drafted: plain values (numbers as Exact), with notes (comments) on some
 * paths and the text that found no place. Paths are dotted, array items by index
 * (`achievements.3.indicators.0`).
 */
export class Draft {
  readonly data: { [key: string]: Value } = {};
  readonly notes = new Map<string, Message[]>();
  readonly unplaced: Unplaced[] = [];
  private readonly stated = new Map<string, Exact>();

  get(path: string): Value | undefined {
    let at: Value | undefined = this.data;
    for (const key of path.split(".")) {
      if (at === undefined || typeof at !== "object" || at instanceof Exact) return undefined;
      at = (at as Record<string, Value>)[key];
    }
    return at;
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  /** Sets a value unless one is there already: the first place a report states a figure wins. */
  set(path: string, value: Value): boolean {
    if (this.has(path)) return false;
    this.put(path, value);
    return true;
  }

  put(path: string, value: Value): void {
    const keys = path.split(".");
    let at = this.data as Record<string, Value>;
    keys.slice(0, -1).forEach((key, i) => {
      if (at[key] === undefined) at[key] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
      at = at[key] as Record<string, Value>;
    });
    at[keys[keys.length - 1]!] = value;
  }

  /** A derived figure as the report printed it, for `check` to compare with the computed one. */
  state(id: string, value: Exact): boolean {
    if (this.stated.has(id)) return false;
    this.stated.set(id, value);
    return true;
  }

  statedValue(id: string): Exact | undefined {
    return this.stated.get(id);
  }

  note(path: string, note: Message): void {
    this.notes.set(path, [...(this.notes.get(path) ?? []), note]);
  }

  leave(part: Part | "front", piece: Piece): void {
    if (piece.text.trim() !== "") this.unplaced.push({ part, piece });
  }

  /** The dataset in the order a person reads it, with `stated:` last. */
  finished(): { [key: string]: Value } {
    const order = ["unit", "year", "title", "report", "documents", "settings", "profile", "finance", "narrative", "achievements", "evaluation"];
    const out: { [key: string]: Value } = {};
    for (const key of [...order, ...Object.keys(this.data)]) if (this.data[key] !== undefined && out[key] === undefined) out[key] = this.data[key]!;
    if (this.stated.size > 0) out.stated = Object.fromEntries(this.stated);
    return out;
  }
}
