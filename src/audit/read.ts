import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { decodeText } from "../load/source.js";
import { DocumentBuilder, textDocument, type AuditDocument } from "./document.js";
import { readDocx } from "./docx.js";
import { readHtml } from "./html.js";
import { pdfText } from "./pdf.js";
import { ReadFailure } from "./xml.js";

/** Text reports are refused above this; a DOCX or PDF may be bigger (images). */
export const DEFAULT_AUDIT_MAX_BYTES = 5 * 1024 * 1024;
const BINARY_MAX_BYTES = 64 * 1024 * 1024;

export type ReportKind = "docx" | "txt" | "md" | "html" | "pdf";

export function reportKind(file: string): ReportKind | undefined {
  const ext = extname(file).toLowerCase().slice(1);
  if (ext === "docx" || ext === "wps") return "docx";
  if (ext === "txt" || ext === "text") return "txt";
  if (ext === "md" || ext === "markdown") return "md";
  if (ext === "html" || ext === "htm") return "html";
  if (ext === "pdf") return "pdf";
  return undefined;
}

/** Reads a report into paragraphs and table rows; every way it can fail is a ReadFailure. */
export async function readReport(file: string, maxBytes?: number): Promise<AuditDocument> {
  const kind = reportKind(file);
  if (!kind) throw new ReadFailure("audit.read.kind", { ext: extname(file) || "—" });
  const limit = maxBytes ?? (kind === "docx" || kind === "pdf" ? BINARY_MAX_BYTES : DEFAULT_AUDIT_MAX_BYTES);
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new ReadFailure("io.is-directory");
    if (!info.isFile()) throw new ReadFailure("io.not-a-file");
    if (info.size > limit) throw new ReadFailure("io.too-large", { size: info.size, limit });
    bytes = kind === "pdf" ? Buffer.alloc(0) : await readFile(file);
  } catch (error) {
    if (error instanceof ReadFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ReadFailure("io.not-found");
    throw new ReadFailure("io.unreadable", { reason: code ?? String(error) });
  }
  const doc = kind === "docx" ? readDocx(file, bytes) : kind === "pdf" ? pdfDocument(file, await pdfText(file)) : textKind(file, kind, bytes);
  if (!doc.blocks.some((b) => /[0-9０-９\p{Script=Han}]/u.test(b.text))) throw new ReadFailure("audit.read.no-text");
  return doc;
}

function textKind(file: string, kind: "txt" | "md" | "html", bytes: Uint8Array): AuditDocument {
  const decoded = decodeText(bytes);
  if ("error" in decoded) throw new ReadFailure(`io.${decoded.error}` as "io.utf16" | "io.utf32" | "io.nul" | "io.encoding", { offset: decoded.offset });
  return kind === "html" ? readHtml(file, decoded.text) : textDocument(file, decoded.text);
}

/** pdftotext breaks lines at the page's width: a line continues its paragraph unless the last one ended a sentence or a heading starts. */
function pdfDocument(file: string, text: string): AuditDocument {
  const out = new DocumentBuilder();
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const heading = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\(\d+\)|\d+[、.．])/.test(line);
    if (line === "" || heading || /[。！？：:]$/.test(current)) {
      out.paragraph(current);
      current = "";
    }
    current += line;
  }
  out.paragraph(current);
  return out.done(file);
}
