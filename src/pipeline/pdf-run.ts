import type { Finding } from "../findings/finding.js";
import { message } from "../i18n/messages.js";
import { writeAtomic } from "../write/atomic.js";
import { convertToPdf, type Converted } from "../write/libreoffice.js";
import { WriterError } from "../write/writer.js";
import { Cancelled, worse, type Outcome } from "./outcome.js";
import { statusOf, type UnitResult } from "./result.js";
import { machineFailure, pdfFailure, writeFailure, type Failure } from "./write-failure.js";

export interface PdfControl {
  /** Aborted by the first Ctrl-C: LibreOffice is stopped (nothing is written yet) and no PDF is written. */
  stop: AbortSignal;
  /** Throws `Cancelled` after a second Ctrl-C: the PDF being written is called off, its temporary file removed. */
  checkpoint(): void;
}

export interface PdfsWritten {
  /** Every unit's result with its PDFs folded in: written, failed or cancelled; none still pending. */
  results: UnitResult[];
  /** What each unit with PDFs gained (files written, errors), in input order: printed after what it printed before. */
  added: UnitResult[];
}

/**
 * The end of a build run: the DOCX of every PDF its units asked for go to ONE LibreOffice
 * start (a start costs seconds; `--jobs` does not multiply it), then each PDF is written
 * atomically, never over an input (its target passed the unit's guard before the unit
 * rendered). A file LibreOffice does not convert, or a PDF that cannot be written, is its
 * unit's error; the other units' PDFs are written all the same.
 */
export async function writePdfs(results: readonly UnitResult[], control: PdfControl): Promise<PdfsWritten> {
  const pending = results.flatMap((r, unit) => (r.pdf ?? []).map((p) => ({ ...p, unit })));
  const gained = new Map<number, { written: string[]; errors: Finding[]; outcome: Outcome }>();
  for (const { unit } of pending) gained.set(unit, { written: [], errors: [], outcome: "clean" });
  const fail = (unit: number, failure: Failure) => {
    const g = gained.get(unit)!;
    g.errors.push(failure.error);
    g.outcome = worse(g.outcome, failure.outcome);
  };

  let converted: Converted[] | undefined;
  try {
    converted = await convertToPdf(pending.map((p) => p.docx), control.stop);
  } catch (error) {
    if (control.stop.aborted) for (const g of gained.values()) g.outcome = "cancelled";
    else for (const { unit } of pending) fail(unit, conversionFailure(error, results[unit]!.file));
  }
  if (converted) {
    for (const [i, p] of pending.entries()) {
      const c = converted[i]!;
      if ("error" in c) {
        fail(p.unit, pdfFailure(c.error, results[p.unit]!.file));
        continue;
      }
      try {
        control.checkpoint();
        await writeAtomic(p.target, c.pdf, control.checkpoint);
        gained.get(p.unit)!.written.push(p.target);
      } catch (error) {
        if (error instanceof Cancelled) gained.get(p.unit)!.outcome = worse(gained.get(p.unit)!.outcome, "cancelled");
        else fail(p.unit, writeFailure(error, p.target));
      }
    }
  }

  const added: UnitResult[] = [];
  const merged = results.map((r, unit) => {
    const { pdf: _, ...rest } = r;
    const g = gained.get(unit);
    if (!g) return rest;
    const messages = g.written.map((file) => message("build.wrote", { file }));
    const outcome = worse(r.outcome, g.outcome);
    added.push({ ...rest, findings: g.errors, messages });
    const row = { ...r.row, status: statusOf(outcome), findings: r.row.findings + g.errors.length };
    return { ...rest, outcome, row, findings: [...r.findings, ...g.errors], written: [...r.written, ...g.written], messages: [...r.messages, ...messages] };
  });
  return { results: merged, added };
}

/** LibreOffice missing, or its temporary folder refused by the machine: the same failure for every unit that asked for a PDF. */
function conversionFailure(error: unknown, file: string): Failure {
  return error instanceof WriterError ? pdfFailure(error, file) : machineFailure(error, file);
}
