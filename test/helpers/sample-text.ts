/**
 * Comparing a built report with the published sample: the same normalisation for every test
 * that does (the example's Markdown, the draft `import` makes of the sample).
 */

/** Thousands separators: the sample writes 5,296 and 1171 in one sentence; we group consistently. */
export const plain = (text: string) => text.replace(/(\d),(?=\d{3})/g, "$1");

/** The paragraphs of built Markdown (headings without their #, no tables, no bold table titles), unescaped. */
export function paragraphs(markdown: string): string[] {
  return markdown
    .split("\n\n")
    .map((b) => b.trim())
    .filter((b) => b !== "" && !b.startsWith("|") && !b.startsWith("**"))
    .map((b) => b.replace(/^#+ /, "").replace(/\\(.)/g, "$1"));
}

/** The sample's paragraphs: its non-empty lines, trimmed. */
export function sampleParagraphs(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Sentences of paragraphs, each ending at 。！？ (a heading is one sentence), separators dropped. */
export function sentences(paras: string[]): string[] {
  return paras.flatMap((p) => plain(p).split(/(?<=[。！？])/)).map((s) => s.trim()).filter(Boolean);
}
