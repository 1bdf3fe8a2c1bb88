import type { OutputFormat } from "./formats.js";
import type { Model } from "../compute/model.js";
import type { Block } from "../render/blocks.js";
import type { DocumentMeta } from "../render/meta.js";
import type { DocStyle } from "./style.js";

export type { DocumentMeta } from "../render/meta.js";

/** What a writer is given: the rendered blocks, and the model they came from (for JSON). */
export interface ReportDocument {
  blocks: readonly Block[];
  model: Model;
}

/** One output format. A writer is pure: the same document, meta and style give the same bytes. */
export interface Writer {
  format: OutputFormat;
  write(document: ReportDocument, meta: DocumentMeta, style: DocStyle): Promise<Uint8Array | string>;
}

/** A writer's failure, worded from the catalogue by whoever reports it (a writer knows no language). */
export class WriterError extends Error {
  constructor(
    readonly key: "pdf.no-libreoffice" | "pdf.failed",
    readonly detail = "",
  ) {
    super(`${key}${detail ? `: ${detail}` : ""}`);
  }
}
