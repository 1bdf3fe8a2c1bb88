/**
 * Prose in a dataset refers to figures as {{id}}, {{id:n}} (number without unit) or
 * {{id:2}} (two decimals). Data never runs as a template: this is the whole language.
 */
export interface Placeholder {
  raw: string;
  id: string;
  spec?: string;
  /** Offset of `{{` in the text. */
  offset: number;
}

const PATTERN = /\{\{\s*([^{}:\s]+)\s*(?::\s*([^{}\s]*)\s*)?\}\}/g;

export function scanPlaceholders(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (const m of text.matchAll(PATTERN)) {
    out.push({ raw: m[0], id: m[1]!, spec: m[2], offset: m.index });
  }
  return out;
}

export type Spec = { bare: boolean; dp?: number };

/** Parses the part after the colon; undefined when it is not a valid spec. */
export function parseSpec(spec: string | undefined): Spec | undefined {
  if (spec === undefined) return { bare: false };
  if (spec === "n") return { bare: true };
  if (/^[0-6]$/.test(spec)) return { bare: false, dp: Number(spec) };
  return undefined;
}

/**
 * The first brace that is not part of a placeholder but looks meant as one: "{{" or "}}"
 * left over ({{x} or {x}}), or a single brace against a placeholder ({{income.total}}}
 * would print a stray "}"). `raw` is the brace text, `index` its offset in `text`.
 */
export function strayBraces(text: string): { raw: string; index: number } | undefined {
  // Placeholders blanked with NUL, which a dataset cannot contain (io.nul).
  const blanked = text.replace(PATTERN, (m) => "\u0000".repeat(m.length));
  const m = /\{\{|\}\}|\{(?=\u0000)|(?<=\u0000)\}/.exec(blanked);
  return m ? { raw: m[0], index: m.index } : undefined;
}

/** Replaces every placeholder with what `render` returns for it. */
export function fillPlaceholders(text: string, render: (p: Placeholder) => string): string {
  return text.replace(PATTERN, (raw, id: string, spec: string | undefined, offset: number) => render({ raw, id, spec, offset }));
}
