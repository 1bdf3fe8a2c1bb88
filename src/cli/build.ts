import { readFile, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { reconcile } from "../check/check.js";
import type { Finding } from "../findings/finding.js";
import { formatFinding } from "../findings/format-text.js";
import type { Lang } from "../i18n/lang.js";
import { loadDataset } from "../load/load.js";
import { renderBlocks } from "../render/render.js";
import { compileTemplate, TemplateError, type CompiledTemplate } from "../render/template.js";
import { writeAtomic } from "../write/atomic.js";
import { toDocx } from "../write/docx.js";
import { toHtml } from "../write/html.js";
import { toJson } from "../write/json.js";
import { toMarkdown } from "../write/markdown.js";
import { GB9704, mergeStyle, type DocStyle } from "../write/style.js";
import { report, type FileResult } from "./check.js";
import { EXIT } from "./exit.js";
import type { OutputFormat } from "./formats.js";
import type { Io } from "./main.js";


export const DEFAULT_TEMPLATE = fileURLToPath(new URL("../../templates/report.hbs", import.meta.url));

export interface BuildOptions {
  lang: Lang;
  out?: string;
  formats: OutputFormat[];
  template?: string;
  style?: string;
  force?: boolean;
  maxBytes?: number;
}

export async function runBuild(files: string[], options: BuildOptions, io: Io): Promise<number> {
  const templateFile = options.template ?? DEFAULT_TEMPLATE;
  let template: CompiledTemplate;
  let style: DocStyle;
  try {
    template = compileTemplate(await readFile(templateFile, "utf8"));
    style = await loadStyle(options.style);
  } catch (error) {
    return fail(io, error, templateFile, options.lang);
  }
  const outDir = await outputDirectory(options.out, files.length * options.formats.length);
  let worst: number = EXIT.ok;
  for (const file of files) {
    const code = await buildOne(file, template, style, templateFile, outDir, options, io);
    worst = Math.max(worst, code);
  }
  return worst;
}

async function buildOne(file: string, template: CompiledTemplate, style: DocStyle, templateFile: string, outDir: string | undefined, options: BuildOptions, io: Io): Promise<number> {
  const { lang } = options;
  const loaded = await loadDataset(file, options);
  if (!loaded.located) {
    return report([{ file, usable: false, findings: loaded.findings, checks: 0, text: loaded.source?.text }], { lang, format: "text" }, io);
  }
  const checked = reconcile(loaded.located, lang);
  const errors = checked.findings.filter((f) => f.severity === "error");
  const result: FileResult = { file, usable: true, findings: checked.findings, checks: checked.checks, text: loaded.source?.text };
  if (checked.findings.length > 0) await report([result], { lang, format: "text" }, io);
  if (errors.length > 0 && !options.force) {
    io.err(lang === "zh" ? `perf-report: ${file} 有 ${errors.length} 处数字不能核对，未生成报告；确需生成请加 --force\n` : `perf-report: ${file} has ${errors.length} figure(s) that do not reconcile; nothing was built (use --force to build anyway)\n`);
    return EXIT.findings;
  }

  // Everything is rendered in memory first: a failure leaves no file behind.
  const outputs: [string, Uint8Array | string][] = [];
  try {
    const blocks = renderBlocks(template, checked.model);
    const d = checked.model.dataset;
    const title = d.title ?? `${d.year}年度部门整体支出绩效自评报告`;
    for (const format of options.formats) {
      const target = outputPath(file, format, options.out, outDir);
      if (resolve(target) === resolve(file)) throw new Error(lang === "zh" ? `输出文件不能覆盖输入文件 ${file}` : `refusing to overwrite the input file ${file}`);
      const content =
        format === "docx"
          ? await toDocx(blocks, { title, unit: d.unit.name, year: String(d.year) }, style)
          : format === "md"
            ? toMarkdown(blocks)
            : format === "html"
              ? toHtml(blocks, `${d.unit.name}${title}`, style)
              : toJson(checked.model);
      outputs.push([target, content]);
    }
  } catch (error) {
    return fail(io, error, templateFile, lang);
  }
  try {
    for (const [target, content] of outputs) {
      await writeAtomic(target, content);
      io.err(`${lang === "zh" ? "已生成" : "wrote"} ${target}\n`);
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.err(`perf-report: ${lang === "zh" ? "无法写入" : "cannot write"} ${e.path ?? ""}: ${e.code ?? e.message}\n`);
    return EXIT.usage;
  }
  return errors.length > 0 ? EXIT.findings : EXIT.ok;
}

/** -o names a directory when it is one, ends with a slash, or several outputs are asked for. */
async function outputDirectory(out: string | undefined, count: number): Promise<string | undefined> {
  if (out === undefined) return ".";
  if (out.endsWith("/")) return out;
  const info = await stat(out).catch(() => undefined);
  if (info?.isDirectory() || count > 1) return out;
  return undefined;
}

function outputPath(file: string, format: OutputFormat, out: string | undefined, outDir: string | undefined): string {
  if (outDir === undefined) return out!;
  // The name comes from the dataset's file name, never from its content.
  const stem = basename(file, extname(file)).replace(/[^\p{L}\p{N}._-]+/gu, "_") || "report";
  return join(outDir, `${stem}.${format}`);
}

async function loadStyle(file: string | undefined): Promise<DocStyle> {
  if (!file) return GB9704;
  const text = await readFile(file, "utf8");
  const data = parseYaml(text) as unknown;
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error(`${file}: a style file must be a mapping (page:, fonts:, sizes: …)`);
  return mergeStyle(GB9704, data as Partial<DocStyle>);
}

function fail(io: Io, error: unknown, templateFile: string, lang: Lang): number {
  if (error instanceof TemplateError) {
    const finding: Finding = { ...error.finding, file: templateFile };
    io.err(`${formatFinding(finding, () => undefined, lang)}\n`);
    return EXIT.usage;
  }
  const e = error as NodeJS.ErrnoException;
  io.err(`perf-report: ${e.code === "ENOENT" ? `${lang === "zh" ? "找不到文件" : "file not found"}: ${e.path}` : e.message}\n`);
  return EXIT.usage;
}
