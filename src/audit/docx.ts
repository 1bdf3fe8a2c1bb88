import type { Element } from "@xmldom/xmldom";
import { unzipSync } from "fflate";
import { DocumentBuilder, type AuditDocument } from "./document.js";
import { ReadFailure, parseXml, childElements } from "./xml.js";

/** The limits a DOCX is read within: a hostile file ends in a refusal, not in exhausted memory. */
export const DOCX_LIMITS = {
  /** The main document part, uncompressed (a 300-page report is about 5 MB). */
  documentBytes: 32 * 1024 * 1024,
  /** Every part inflated, together. */
  totalBytes: 48 * 1024 * 1024,
};

const MAIN_PART = "word/document.xml";
const W = new Set(["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]);

/**
 * Word and WPS files: the ZIP container opened with fflate, whose filter sees each entry's
 * uncompressed size in the central directory before anything is inflated (and which inflates
 * into a buffer of that size, so a size that lies cannot make it bigger); the XML parsed by
 * @xmldom/xmldom, with any DOCTYPE refused.
 */
export function readDocx(file: string, bytes: Uint8Array, limits = DOCX_LIMITS): AuditDocument {
  let parts: Record<string, Uint8Array>;
  let oversized: { name: string; size: number; limit: number } | undefined;
  let total = 0;
  try {
    parts = unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name !== MAIN_PART || oversized) return false;
        const limit = Math.min(limits.documentBytes, limits.totalBytes - total);
        if (entry.originalSize > limit) {
          oversized = { name: entry.name, size: entry.originalSize, limit };
          return false;
        }
        total += entry.originalSize;
        return true;
      },
    });
  } catch (error) {
    throw new ReadFailure("audit.read.not-zip", { reason: error instanceof Error ? error.message : String(error) });
  }
  if (oversized) throw new ReadFailure("audit.read.part-too-large", { part: oversized.name, size: oversized.size, limit: oversized.limit });
  const main = parts[MAIN_PART];
  if (!main) throw new ReadFailure("audit.read.not-docx", { part: MAIN_PART });
  const root = parseXml(main, MAIN_PART);
  const builder = new DocumentBuilder();
  const body = childElements(root).find((e) => isW(e, "body"));
  if (body) walkBody(body, builder);
  return builder.done(file);
}

function walkBody(parent: Element, out: DocumentBuilder): void {
  for (const el of childElements(parent)) {
    if (isW(el, "p")) out.paragraph(paragraphText(el));
    else if (isW(el, "tbl")) table(el, out);
    else if (isW(el, "sdt") || isW(el, "sdtContent") || isW(el, "customXml")) walkBody(el, out);
  }
}

function table(tbl: Element, out: DocumentBuilder): void {
  out.startTable();
  for (const tr of childElements(tbl).filter((e) => isW(e, "tr"))) {
    const cells = childElements(tr)
      .filter((e) => isW(e, "tc"))
      .map((tc) => textOf(tc));
    out.row(cells);
  }
}

/** The text of a paragraph's runs in order: w:t, tabs and breaks as spaces; deleted text and field codes are not w:t. */
function paragraphText(p: Element): string {
  return textOf(p);
}

function textOf(node: Element): string {
  let text = "";
  const visit = (el: Element): void => {
    for (const child of childElements(el)) {
      if (isW(child, "t")) text += child.textContent ?? "";
      else if (isW(child, "tab") || isW(child, "br") || isW(child, "cr")) text += " ";
      else if (isW(child, "noBreakHyphen")) text += "-";
      else if (isW(child, "p") && text !== "" && !text.endsWith(" ")) {
        text += " ";
        visit(child);
      } else visit(child);
    }
  };
  visit(node);
  return text;
}

function isW(el: Element, name: string): boolean {
  return el.localName === name && W.has(el.namespaceURI ?? "");
}
