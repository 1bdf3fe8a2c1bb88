import { readFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { packagePath } from "../paths.js";
import { parse as parseYaml } from "yaml";
import { reconcile } from "../check/check.js";
import type { PriorYear } from "../compute/build.js";
import type { Model } from "../compute/model.js";
import { hasErrors, type Finding } from "../findings/finding.js";
import type { Lang } from "../i18n/lang.js";
import { msg } from "../i18n/messages.js";
import { loadDataset } from "../load/load.js";
import { EXIT } from "../cli/exit.js";
import type { OutputFormat } from "../cli/formats.js";

export const DEFAULT_TEMPLATE = packagePath("templates", "report.hbs");

export interface UnitOptions {
  lang: Lang;
  strict?: boolean;
  maxBytes?: number;
}

export interface BuildUnitOptions extends UnitOptions {
  formats: OutputFormat[];
  /** Where outputs go: a directory (named after each dataset) or, for one output, a file. */
  out: { dir: string } | { file: string };
  template?: string;
  style?: string;
  force?: boolean;
}

/** One row of `check --summary`: the unit's headline figures. */
export interface SummaryRow {
  file: string;
  unit: string;
  year: string;
  status: "ok" | "findings" | "unusable";
  findings: number;
  income: string;
  expenditure: string;
  carryOver: string;
  score: string;
  grade: string;
}

/** Everything a run learns about one dataset; plain data, so it can cross a worker boundary. */
export interface UnitResult {
  file: string;
  code: number;
  findings: Finding[];
  checks: number;
  /** Source texts by file name, for excerpts under findings (the dataset, and its prior year). */
  texts: Record<string, string>;
  row: SummaryRow;
  /** Lines to print after the findings: files written, refusals, template errors. */
  messages: string[];
  written: string[];
}

interface Checked {
  result: UnitResult;
  model?: Model;
}

export async function checkUnit(file: string, options: UnitOptions): Promise<UnitResult> {
  return (await checkWithModel(file, options)).result;
}

export async function checkWithModel(file: string, options: UnitOptions): Promise<Checked> {
  const { lang } = options;
  const row: SummaryRow = { file, unit: "", year: "", status: "unusable", findings: 0, income: "", expenditure: "", carryOver: "", score: "", grade: "" };
  const loaded = await loadDataset(file, options);
  const texts: Record<string, string> = loaded.source ? { [file]: loaded.source.text } : {};
  const base = { file, checks: 0, texts, messages: [], written: [] };
  if (!loaded.located) {
    return { result: { ...base, code: EXIT.usage, findings: loaded.findings, row: { ...row, findings: loaded.findings.length } } };
  }
  const prior = await loadPrior(loaded.located.data as { prior?: string; year: number }, file, options, texts);
  if ("findings" in prior) {
    return { result: { ...base, code: EXIT.usage, findings: prior.findings, row: { ...row, findings: prior.findings.length } } };
  }
  const checked = reconcile(loaded.located, lang, prior.year);
  const findings = options.strict ? checked.findings.map((f) => ({ ...f, severity: "error" as const })) : checked.findings;
  const code = hasErrors(findings) ? EXIT.findings : EXIT.ok;
  const f = (id: string) => checked.model.figures.get(id)?.value?.toString() ?? "";
  const d = checked.model.dataset;
  return {
    model: checked.model,
    result: {
      ...base,
      code,
      findings,
      checks: checked.checks,
      row: {
        file,
        unit: d.unit.name,
        year: String(d.year),
        status: code === EXIT.ok ? "ok" : "findings",
        findings: findings.length,
        income: f("income.total"),
        expenditure: f("expenditure.total"),
        carryOver: f("carryOver.total"),
        score: f("score.total"),
        grade: checked.model.figures.get("score.grade")?.text ?? "",
      },
    },
  };
}

/** The dataset's predecessor (`prior: ./2019.yaml`), computed on its own; its own prior is not followed. */
async function loadPrior(data: { prior?: string; year: number }, file: string, options: UnitOptions, texts: Record<string, string>): Promise<{ year?: PriorYear } | { findings: Finding[] }> {
  if (!data.prior) return {};
  const priorFile = join(dirname(file), data.prior);
  const loaded = await loadDataset(priorFile, options);
  if (loaded.source) texts[priorFile] = loaded.source.text;
  if (!loaded.located) {
    const headline: Finding = { code: "prior-year", severity: "error", message: msg(options.lang, "prior.unusable", { file: priorFile }), file, path: "/prior" };
    return { findings: [headline, ...loaded.findings] };
  }
  const { model } = reconcile(loaded.located, options.lang);
  if (model.dataset.year !== data.year - 1) {
    return { findings: [{ code: "prior-year", severity: "error", message: msg(options.lang, "prior.year", { file: priorFile, found: model.dataset.year, expected: data.year - 1 }), file, path: "/prior" }] };
  }
  return { year: { file: priorFile, figures: model.figures, inputs: model.inputs } };
}

/** Checks, renders and writes one dataset. All outputs are rendered before any is written. */
export async function buildUnit(file: string, options: BuildUnitOptions): Promise<UnitResult> {
  const { lang } = options;
  const { result, model } = await checkWithModel(file, options);
  if (!model) return result;
  const errors = result.findings.filter((f) => f.severity === "error").length;
  if (errors > 0 && !options.force) {
    return { ...result, messages: [msg(lang, "build.refused", { file, count: errors })] };
  }
  const render = await import("./render-unit.js");
  const outcome = await render.renderAndWrite(model, file, options);
  if ("error" in outcome) {
    const texts = outcome.text !== undefined ? { ...result.texts, [outcome.error.file]: outcome.text } : result.texts;
    return { ...result, code: EXIT.usage, findings: [...result.findings, outcome.error], texts };
  }
  return { ...result, written: outcome.written, messages: outcome.written.map((w) => msg(lang, "build.wrote", { file: w })) };
}

export function outputName(file: string, format: OutputFormat, out: BuildUnitOptions["out"]): string {
  if ("file" in out) return out.file;
  // Named after the dataset's file name, never after its content.
  const stem = basename(file, extname(file)).replace(/[^\p{L}\p{N}._-]+/gu, "_").replace(/^\.+/, "") || "report";
  return join(out.dir, `${stem}.${format}`);
}

export async function readStyle(file: string | undefined): Promise<unknown> {
  if (!file) return undefined;
  const data = parseYaml(await readFile(resolve(file), "utf8")) as unknown;
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error(`${file}: a style file must be a mapping (page:, fonts:, sizes: …)`);
  return data;
}
