import type { Finding } from "../findings/finding.js";
import { message } from "../i18n/messages.js";
import type { WriterError } from "../write/writer.js";
import { kindOf, reasonMessage } from "./classify.js";
import type { Outcome } from "./outcome.js";

export interface Failure {
  outcome: Outcome;
  error: Finding;
}

/** No LibreOffice, or a DOCX it would not convert: the machine's doing, not the input's. */
export function pdfFailure(error: WriterError, file: string): Failure {
  return { outcome: "environment", error: { code: "build.pdf", severity: "error", key: error.key, params: { detail: error.detail }, file } };
}

/** An output that could not be written, for the reason the system gave; a failure that is no system error is a bug, and propagates. */
export function writeFailure(error: unknown, target: string): Failure {
  const kind = kindOf(error);
  if (kind === "internal") throw error;
  return { outcome: kind, error: { code: "build.write", severity: "error", ...message("build.cannot-write", { reason: reasonMessage(error) }), file: target } };
}

/** A step that failed for a reason of the machine (a full disk, a missing folder), named at its path; anything else is a bug, and propagates. */
export function machineFailure(error: unknown, file: string): Failure {
  const kind = kindOf(error);
  if (kind === "internal") throw error;
  const e = error as NodeJS.ErrnoException;
  return { outcome: kind, error: { code: "build.error", severity: "error", ...message("build.error-at", { path: e.path ?? file, reason: reasonMessage(e) }), file } };
}
