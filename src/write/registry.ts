import type { OutputFormat } from "./formats.js";
import type { Writer } from "./writer.js";

/**
 * The writers by output format, each loaded on first use: a build for Markdown never loads
 * the docx package, and `check` never reaches this file (it sits behind render-unit's door).
 */
const LOADERS: Record<OutputFormat, () => Promise<Writer>> = {
  docx: () => import("./docx.js").then((m) => m.writer),
  md: () => import("./markdown.js").then((m) => m.writer),
  html: () => import("./html.js").then((m) => m.writer),
  json: () => import("./json.js").then((m) => m.writer),
  pdf: () => import("./pdf.js").then((m) => m.writer),
};

const loaded = new Map<OutputFormat, Promise<Writer>>();

export function writerFor(format: OutputFormat): Promise<Writer> {
  let writer = loaded.get(format);
  if (!writer) loaded.set(format, (writer = LOADERS[format]()));
  return writer;
}
