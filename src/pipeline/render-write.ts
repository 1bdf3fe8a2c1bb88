import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import type { Model } from "../compute/model.js";
import type { Finding } from "../findings/finding.js";
import { message } from "../i18n/messages.js";
import { PACKAGE_ROOT } from "../paths.js";
import { renderLimits, RenderInterrupted } from "../render/budget.js";
import { renderBlocks } from "../render/render.js";
import { TemplateError, type CompiledTemplate } from "../render/helpers.js";
import { bundledTemplate } from "../render/precompiled.js";
import { DEFAULT_FAMILY, FAMILIES, familyFile, isBundledTemplate, isFamily } from "../families.js";
import { ReadRefused, readTextGuarded } from "../load/guarded-read.js";
import { DEFAULT_MAX_BYTES } from "../load/source.js";
import { writeAtomic } from "../write/atomic.js";
import { documentMeta } from "../render/meta.js";
import type { OutputFormat } from "../write/formats.js";
import { findSoffice } from "../write/libreoffice.js";
import { writerFor } from "../write/registry.js";
import { WriterError } from "../write/writer.js";
import { GB9704 } from "../write/style.js";
import { inputKeys, overwrittenInput } from "./guard.js";
import { Cancelled, type Outcome } from "./outcome.js";
import { outputName } from "./output-names.js";
import { machineFailure, pdfFailure, writeFailure } from "./write-failure.js";
import type { BuildUnitOptions, PendingPdf } from "./result.js";

// Compiled once per process (per worker): a batch reuses the template.
const templates = new Map<string, Promise<CompiledTemplate>>();

function template(file: string, maxBytes: number): Promise<CompiledTemplate> {
  let t = templates.get(file);
  if (!t) {
    const family = FAMILIES.find((f) => familyFile(f.name) === file);
    t = family ? bundledTemplate(family.name) : Promise.all([readTextGuarded(file, maxBytes), import("../render/template.js")]).then(([source, m]) => m.compileTemplate(source));
    templates.set(file, t);
  }
  return t;
}

export type Rendered = { written: string[]; pdf?: PendingPdf[]; cancelled?: true } | { error: Finding; outcome: Outcome; text?: string };

/**
 * Renders every requested format in memory, then writes each atomically. No output may
 * replace a file the run reads (`reads`: this unit's dataset and prior year, and the run's
 * own list). A template error in the user's template is input; one in the bundled template is
 * ours (internal), named without the install path. Other errors of the machine are
 * environment; anything else propagates as a bug. A render gives up, as cancelled, when
 * `stopped()` says so (the first Ctrl-C): it has written nothing yet. A PDF is not written
 * here: its DOCX comes back in `pdf`, for the run to convert with every other unit's.
 */
export async function renderAndWrite(model: Model, file: string, options: BuildUnitOptions, reads: readonly string[], checkpoint: () => void, stopped: () => boolean = () => false): Promise<Rendered> {
  // --template (a file, or a family's name), else the family the dataset names, else six-part.
  const named = options.family ?? model.dataset.report?.template;
  const templateFile = options.template ?? familyFile(named !== undefined && isFamily(named) ? named : DEFAULT_FAMILY);
  const inputs = [...(await inputKeys([...reads, ...(options.style ? [options.style] : []), ...(options.template ? [options.template] : [])])), ...(options.reads ?? [])];
  const targets = options.formats.map((format) => [format, outputName(file, format, options.out)] as const);
  for (const [, target] of targets) {
    const input = await overwrittenInput(target, inputs);
    if (input !== undefined) return { outcome: "input", error: { code: "build.overwrite-input", severity: "error", ...message("build.overwrite-input", { file: input }), file: target } };
  }
  // Without LibreOffice a PDF cannot be made: say so before anything is rendered or written.
  if (targets.some(([format]) => format === "pdf") && !(await findSoffice())) return pdfFailure(new WriterError("pdf.no-libreoffice"), file);
  const outputs: [string, Uint8Array | string][] = [];
  const pdf: PendingPdf[] = [];
  try {
    const blocks = renderBlocks(await template(templateFile, options.maxBytes ?? DEFAULT_MAX_BYTES), model, { limits: renderLimits(), interrupted: stopped });
    const docStyle = options.docStyle ?? GB9704;
    const meta = documentMeta(model.dataset, process.env.SOURCE_DATE_EPOCH);
    // Each writer once: -f docx,pdf makes one DOCX, which is also the PDF's source.
    const made = new Map<OutputFormat, Uint8Array | string>();
    for (const [format, target] of targets) {
      const source = format === "pdf" ? "docx" : format;
      if (!made.has(source)) made.set(source, await (await writerFor(source)).write({ blocks, model }, meta, docStyle));
      if (format === "pdf") pdf.push({ target, docx: made.get(source) as Uint8Array });
      else outputs.push([target, made.get(source)!]);
    }
  } catch (error) {
    if (error instanceof RenderInterrupted) return { written: [], cancelled: true };
    templates.delete(templateFile);
    if (error instanceof ReadRefused) return { outcome: "input", error: { code: error.refusal.key, severity: "error", key: error.refusal.key, params: error.refusal.params, file: templateFile } };
    if (error instanceof TemplateError) return templateFailure(error, templateFile, file);
    return machineFailure(error, file);
  }
  const written: string[] = [];
  for (const [target, content] of outputs) {
    try {
      checkpoint();
      await writeAtomic(target, content, checkpoint);
      written.push(target);
    } catch (error) {
      if (error instanceof Cancelled) return { written, cancelled: true };
      return writeFailure(error, target);
    }
  }
  return pdf.length > 0 ? { written, pdf } : { written };
}

/** The user's template is their input; the bundled one failing is a bug of ours, named relative to the package. */
async function templateFailure(error: TemplateError, templateFile: string, file: string): Promise<Rendered> {
  const finding = error.finding;
  if (!isBundledTemplate(templateFile)) {
    const text = await readFile(templateFile, "utf8").catch(() => undefined);
    // How far a template runs depends on the data: a budget run out names the dataset too.
    const related = finding.code === "template.budget" ? { related: [{ file, ...message("template.budget-dataset") }] } : {};
    return { outcome: "input", error: { ...finding, file: templateFile, ...related }, text };
  }
  const where = `${relative(PACKAGE_ROOT, templateFile)}${finding.pos ? `:${finding.pos.line}:${finding.pos.col}` : ""}`;
  const reason = message("build.error-at", { path: where, reason: { key: finding.key, params: finding.params } });
  return { outcome: "internal", error: { code: "internal", severity: "error", ...message("internal.error", { reason }), file } };
}
