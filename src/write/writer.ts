import type { OutputFormat } from "../cli/formats.js";
import type { Model } from "../compute/model.js";
import type { Block } from "../render/blocks.js";
import type { DocStyle } from "./style.js";

/** What a writer is given: the rendered blocks, and the model they came from (for JSON). */
export interface ReportDocument {
  blocks: readonly Block[];
  model: Model;
}

/** The document's properties, made once (src/render/meta.ts) for every writer. */
export interface DocumentMeta {
  title: string;
  /** The unit's name and the title: "永州市工业和信息化局2020年度部门整体支出绩效自评报告". */
  subject: string;
  unit: string;
  year: string;
  /** The date written into the file (reproducible: never the clock). */
  date: Date;
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
