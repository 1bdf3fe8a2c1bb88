import type { Finding } from "../findings/finding.js";
import { unreadableFinding } from "../audit/finding.js";
import { readReport } from "../audit/read.js";
import { ReadFailure } from "../audit/xml.js";
import type { Lang } from "../i18n/lang.js";
import type { UnitResult } from "../pipeline/result.js";
import { emptyRow } from "../pipeline/result.js";
import { draftReport } from "./draft-report.js";
import type { Draft } from "./draft.js";
import { draftYaml } from "./to-yaml.js";

export interface ImportOptions {
  lang: Lang;
  maxBytes?: number;
  /** The schema's path relative to the draft, for its first line. */
  schemaRef: string;
}

/** One report drafted as a dataset: the YAML text, and the result `check`'s formatters print. */
export async function importFile(file: string, options: ImportOptions): Promise<{ result: UnitResult; yaml?: string; draft?: Draft; family?: string }> {
  const base = { file, checks: 0, messages: [], written: [], reads: [file], rules: [] };
  let doc;
  try {
    doc = await readReport(file, options.maxBytes);
  } catch (error) {
    if (!(error instanceof ReadFailure)) throw error;
    return { result: { ...base, texts: {}, outcome: "input", findings: [unreadableFinding(file, error.key, error.params)], row: { ...emptyRow(file), findings: 1 } } };
  }
  const { draft, family } = draftReport(doc);
  const yaml = draftYaml(draft, { schemaRef: options.schemaRef, source: file, lang: options.lang });
  // What was not placed is a warning at its place in the report: the draft holds it as a TODO comment.
  const findings: Finding[] = draft.unplaced.map((u) => {
    const line = u.piece.block.text;
    const col = [...line.slice(0, u.piece.offset)].length + 1;
    return { code: "import.unplaced", severity: "warning", key: "import.unplaced", params: { text: clip(u.piece.text) }, file, pos: { line: u.piece.block.line, col, endCol: col + [...u.piece.text].length - 1 } };
  });
  return {
    result: { ...base, texts: { [file]: doc.text }, outcome: "clean", findings, row: { ...emptyRow(file), status: "ok", findings: findings.length } },
    yaml,
    draft,
    family,
  };
}

function clip(text: string): string {
  const chars = [...text];
  return chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : text;
}
