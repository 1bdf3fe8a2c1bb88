import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Model } from "../compute/model.js";
import type { Finding } from "../findings/finding.js";
import type { Lang } from "../i18n/lang.js";
import { isMessageKey, msg } from "../i18n/messages.js";
import { renderBlocks } from "../render/render.js";
import { TemplateError, type CompiledTemplate } from "../render/helpers.js";
import { DEFAULT_TEMPLATE, defaultTemplate } from "../render/precompiled.js";
import { writeAtomic } from "../write/atomic.js";
import { Cancelled, throwIfCancelled } from "./cancel.js";
import { documentMeta } from "../render/meta.js";
import { WriterError } from "../write/writer.js";
import { writerFor } from "../write/registry.js";
import { GB9704, mergeStyle, type DocStyle } from "../write/style.js";
import { outputName, readStyle, type BuildUnitOptions } from "./unit.js";

// Compiled once per process (per worker): a batch reuses the template and the style.
const templates = new Map<string, Promise<CompiledTemplate>>();
const styles = new Map<string, Promise<DocStyle>>();

function template(file: string): Promise<CompiledTemplate> {
  let t = templates.get(file);
  if (!t) {
    t = file === DEFAULT_TEMPLATE ? defaultTemplate() : Promise.all([readFile(file, "utf8"), import("../render/template.js")]).then(([source, m]) => m.compileTemplate(source));
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

/** A write error's reason in words, for the codes the catalogue has ("write.ENOSPC", …). */
function writeReason(code: string | undefined, lang: Lang): string | undefined {
  const key = `write.${code}`;
  return isMessageKey(key) ? msg(lang, key) : undefined;
}

/** Renders every requested format in memory, then writes each atomically. */
export async function renderAndWrite(model: Model, file: string, options: BuildUnitOptions): Promise<{ written: string[]; cancelled?: true } | { error: Finding; text?: string }> {
  const templateFile = options.template ?? DEFAULT_TEMPLATE;
  const outputs: [string, Uint8Array | string][] = [];
  try {
    const blocks = renderBlocks(await template(templateFile), model);
    const docStyle = await style(options.style);
    const meta = documentMeta(model.dataset, process.env.SOURCE_DATE_EPOCH);
    for (const format of options.formats) {
      const target = outputName(file, format, options.out);
      if (resolve(target) === resolve(file)) throw new Error(msg(options.lang, "build.overwrite-input", { file }));
      const writer = await writerFor(format);
      outputs.push([target, await writer.write({ blocks, model }, meta, docStyle)]);
    }
  } catch (error) {
    templates.delete(templateFile);
    if (error instanceof TemplateError) {
      const text = await readFile(templateFile, "utf8").catch(() => undefined);
      return { error: { ...error.localized(options.lang), file: templateFile }, text };
    }
    if (error instanceof WriterError) {
      return { error: { code: "build.pdf", severity: "error", message: msg(options.lang, error.key, { detail: error.detail }), file } };
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
      const e = error as NodeJS.ErrnoException;
      return { error: { code: "build.write", severity: "error", message: msg(options.lang, "build.cannot-write", { reason: writeReason(e.code, options.lang) ?? e.code ?? e.message }), file: target } };
    }
  }
  return { written };
}
