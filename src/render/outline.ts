import type { Block } from "./blocks.js";
import { chineseNumeral } from "./format.js";

/**
 * The outline made final, after the template ran: a heading with nothing under it before the
 * next heading of its level or higher (or the end) is dropped, as is a paragraph with no text;
 * then the numbers of the headings and numbered paragraphs that remain are computed, so that a
 * dropped section never leaves a gap (一、二、…, （一）（二）…, 1、2、…).
 */
export function finishOutline(blocks: readonly Block[]): Block[] {
  return numberOutline(dropEmpty(blocks));
}

const isContent = (b: Block) => b.type === "paragraph" || b.type === "table" || b.type === "signature";

function dropEmpty(blocks: readonly Block[]): Block[] {
  const kept = blocks.filter((b) => !(b.type === "paragraph" && b.runs.every((r) => r.text === "")));
  // From the end: a heading is kept when content follows it before a heading of its level or higher.
  const out: Block[] = [];
  let contentBelow: boolean[] = [false, false, false, false, false];
  for (let i = kept.length - 1; i >= 0; i--) {
    const b = kept[i]!;
    if (b.type === "heading") {
      if (!contentBelow[b.level]) continue;
      out.push(b);
      // A kept heading is content for the levels above it; its own and deeper levels start again.
      contentBelow = contentBelow.map((_, level) => level < b.level);
      continue;
    }
    if (isContent(b)) contentBelow = contentBelow.map(() => true);
    out.push(b);
  }
  return out.reverse();
}

/** "一、" "（一）" "1、" "（1）" "1." "任务1：": the first 一 or 1 in the style is where the number goes. */
export function formatNumber(style: string, n: number): string {
  const cn = style.indexOf("一");
  const ar = style.indexOf("1");
  if (cn >= 0 && (ar < 0 || cn < ar)) return `${style.slice(0, cn)}${chineseNumeral(n)}${style.slice(cn + 1)}`;
  if (ar >= 0) return `${style.slice(0, ar)}${n}${style.slice(ar + 1)}`;
  return style;
}

function numberOutline(blocks: readonly Block[]): Block[] {
  const counters = [0, 0, 0, 0, 0];
  const next = (level: number) => {
    counters[level]!++;
    for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
    return counters[level]!;
  };
  return blocks.map((b) => {
    if (b.type === "heading") {
      const n = next(b.level);
      if (!b.numbering) return b;
      const { numbering, ...rest } = b;
      return { ...rest, text: `${formatNumber(numbering, n)}${b.text}` };
    }
    if (b.type === "paragraph" && b.numbering) {
      const { numbering, ...rest } = b;
      const number = formatNumber(numbering.style, next(numbering.level));
      return rest.lead !== undefined ? { ...rest, lead: `${number}${rest.lead}` } : { ...rest, runs: [{ text: number }, ...rest.runs] };
    }
    return b;
  });
}
