import { convertToPdf } from "./libreoffice.js";
import { writerFor } from "./registry.js";
import type { Writer } from "./writer.js";

/**
 * The PDF: the DOCX, converted by LibreOffice (src/write/libreoffice.ts). A build does not
 * convert unit by unit: it hands the DOCX files of the whole run to LibreOffice at its end
 * (src/pipeline/pdf-run.ts), since each start of LibreOffice costs seconds.
 */
export const writer: Writer = {
  format: "pdf",
  write: async (document, meta, style) => {
    const converted = (await convertToPdf([(await (await writerFor("docx")).write(document, meta, style)) as Uint8Array]))[0]!;
    if ("error" in converted) throw converted.error;
    return converted.pdf;
  },
};
