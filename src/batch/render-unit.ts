import { resolve } from "node:path";
import type { Model } from "../compute/model.js";
import type { Finding } from "../findings/finding.js";
import { msg } from "../i18n/messages.js";
import { renderBlocks } from "../render/render.js";
import { TemplateError, type CompiledTemplate } from "../render/helpers.js";
import { DEFAULT_TEMPLATE, defaultTemplate } from "../render/precompiled.js";
import { ReadRefused, readTextGuarded } from "../load/guarded-read.js";
import { DEFAULT_MAX_BYTES } from "../load/source.js";
import { writeAtomic } from "../write/atomic.js";
import { writeReason } from "../write/reason.js";
import { Cancelled, throwIfCancelled } from "./cancel.js";
import { toDocx } from "../write/docx.js";
import { toHtml } from "../write/html.js";
import { toJson } from "../write/json.js";
import { toMarkdown } from "../write/markdown.js";
import { GB9704, mergeStyle, type DocStyle } from "../write/style.js";
import { outputName, readStyle, type BuildUnitOptions } from "./unit.js";

// Compiled once per process (per worker): a batch reuses the template and the style.
const templates = new Map<string, Promise<CompiledTemplate>>();
const styles = new Map<string, Promise<DocStyle>>();

function template(file: string, maxBytes: number): Promise<CompiledTemplate> {
  let t = templates.get(file);
  if (!t) {
    t = file === DEFAULT_TEMPLATE ? defaultTemplate() : Promise.all([readTextGuarded(file, maxBytes), import("../render/template.js")]).then(([source, m]) => m.compileTemplate(source));
    templates.set(file, t);
  }
  return t;
}

function style(file: string | undefined): Promise<DocStyle> {
  const key = file ?? "";
  let s = styles.get(key);
  if (!s) styles.set(key, (s = readStyle(file).then((data) => mergeStyle(GB9704, data as Partial<DocStyle> | undefined))));
  return s;
}

/** Renders every requested format in memory, then writes each atomically. */
export async function renderAndWrite(model: Model, file: string, options: BuildUnitOptions): Promise<{ written: string[]; cancelled?: true } | { error: Finding; text?: string }> {
  const templateFile = options.template ?? DEFAULT_TEMPLATE;
  const outputs: [string, Uint8Array | string][] = [];
  try {
    const blocks = renderBlocks(await template(templateFile, options.maxBytes ?? DEFAULT_MAX_BYTES), model);
    const docStyle = await style(options.style);
    const d = model.dataset;
    const title = d.title ?? `${d.year}年度部门整体支出绩效自评报告`;
    for (const format of options.formats) {
      const target = outputName(file, format, options.out);
      if (resolve(target) === resolve(file)) throw new Error(msg(options.lang, "build.overwrite-input", { file }));
      const content =
        format === "docx"
          ? await toDocx(blocks, { title, unit: d.unit.name, year: String(d.year) }, docStyle)
          : format === "md"
            ? toMarkdown(blocks)
            : format === "html"
              ? toHtml(blocks, `${d.unit.name}${title}`, docStyle)
              : toJson(model);
      outputs.push([target, content]);
    }
  } catch (error) {
    templates.delete(templateFile);
    if (error instanceof ReadRefused) {
      return { error: { code: error.refusal.key, severity: "error", message: msg(options.lang, error.refusal.key, error.refusal.params), file: templateFile } };
    }
    if (error instanceof TemplateError) {
      const text = await readTextGuarded(templateFile, options.maxBytes ?? DEFAULT_MAX_BYTES).catch(() => undefined);
      return { error: { ...error.localized(options.lang), file: templateFile }, text };
    }
    const e = error as NodeJS.ErrnoException;
    const message = e.code === "ENOENT" ? `${msg(options.lang, "io.not-found")}: ${e.path}` : e.message;
    return { error: { code: "build.error", severity: "error", message, file: e.code === "ENOENT" ? (e.path ?? file) : file } };
  }
  const written: string[] = [];
  for (const [target, content] of outputs) {
    try {
      throwIfCancelled();
      await writeAtomic(target, content, throwIfCancelled);
      written.push(target);
    } catch (error) {
      if (error instanceof Cancelled) return { written, cancelled: true };
      return { error: { code: "build.write", severity: "error", message: msg(options.lang, "build.cannot-write", { reason: writeReason(error, options.lang) }), file: target } };
    }
  }
  return { written };
}
