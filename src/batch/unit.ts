import { readFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { reconcile } from "../check/check.js";
import type { PriorYear } from "../compute/build.js";
import { Inputs } from "../compute/inputs.js";
import type { Model } from "../compute/model.js";
import type { Located } from "../load/parse.js";
import type { Dataset } from "../model/dataset.js";
import { hasErrors, type Finding } from "../findings/finding.js";
import type { Lang } from "../i18n/lang.js";
import { message, msg } from "../i18n/messages.js";
import { loadDataset } from "../load/load.js";
import { EXIT } from "../cli/exit.js";
import type { OutputFormat } from "../cli/formats.js";
import { throwIfCancelled } from "./cancel.js";

export interface UnitOptions {
  lang: Lang;
  strict?: boolean;
  maxBytes?: number;
}

export interface BuildUnitOptions extends UnitOptions {
  formats: OutputFormat[];
  /** Where outputs go: a directory (each output named after its dataset, or `stem`) or, for one output, a file. */
  out: { dir: string; stem?: string } | { file: string };
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
  /** The rules that made a check (JUnit's test cases). */
  rules: string[];
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
  const row: SummaryRow = { file, unit: "", year: "", status: "unusable", findings: 0, income: "", expenditure: "", carryOver: "", score: "", grade: "" };
  const loaded = await loadDataset(file, options);
  const texts: Record<string, string> = loaded.source ? { [file]: loaded.source.text } : {};
  const base = { file, checks: 0, rules: [], texts, messages: [], written: [] };
  if (!loaded.located) {
    const partial = loaded.data as { unit?: { name?: unknown }; year?: unknown } | undefined;
    const named = { unit: typeof partial?.unit?.name === "string" ? partial.unit.name : "", year: typeof partial?.year === "number" ? String(partial.year) : "" };
    return { result: { ...base, code: EXIT.usage, findings: loaded.findings, row: { ...row, ...named, findings: loaded.findings.length } } };
  }
  const prior = await loadPrior(loaded.located, file, options, texts);
  const d0 = loaded.located.data as Dataset;
  if ("unusable" in prior) {
    return { result: { ...base, code: EXIT.usage, findings: prior.findings, row: { ...row, unit: d0.unit.name, year: String(d0.year), findings: prior.findings.length } } };
  }
  const checked = reconcile(loaded.located, prior.year);
  const all = [...(prior.findings ?? []), ...checked.findings];
  const findings = options.strict ? all.map((f) => ({ ...f, severity: "error" as const })) : all;
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
      rules: checked.rules,
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
async function loadPrior(located: Located, file: string, options: UnitOptions, texts: Record<string, string>): Promise<{ year?: PriorYear; findings?: Finding[] } | { findings: Finding[]; unusable: true }> {
  const data = located.data as Dataset;
  if (!data.prior) return {};
  const priorFile = join(dirname(file), data.prior);
  // Findings about the prior year stand on this dataset's `prior:` line.
  const at = { file, path: "/prior", pos: new Inputs(located).pos("/prior") };
  const loaded = await loadDataset(priorFile, options);
  if (loaded.source) texts[priorFile] = loaded.source.text;
  if (!loaded.located) {
    const headline: Finding = { ...at, code: "prior-year", severity: "error", ...message("prior.unusable", { file: priorFile }) };
    return { findings: [headline, ...loaded.findings], unusable: true };
  }
  const { model } = reconcile(loaded.located);
  if (model.dataset.year !== data.year - 1) {
    return { findings: [{ ...at, code: "prior-year", severity: "error", ...message("prior.year", { file: priorFile, found: model.dataset.year, expected: data.year - 1 }) }], unusable: true };
  }
  const findings: Finding[] =
    model.dataset.unit.name !== data.unit.name
      ? [{ ...at, code: "prior-year", severity: "warning", ...message("prior.unit", { file: priorFile, found: model.dataset.unit.name, expected: data.unit.name }) }]
      : [];
  return { year: { file: priorFile, figures: model.figures, inputs: model.inputs }, findings };
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
  throwIfCancelled();
  const render = await import("./render-unit.js");
  const outcome = await render.renderAndWrite(model, file, options);
  if ("error" in outcome) {
    const texts = outcome.text !== undefined ? { ...result.texts, [outcome.error.file]: outcome.text } : result.texts;
    return { ...result, code: EXIT.usage, findings: [...result.findings, outcome.error], texts };
  }
  // A cancelled unit still announces the outputs it finished: they are complete and on disk.
  const code = outcome.cancelled ? EXIT.interrupted : result.code;
  return { ...result, code, written: outcome.written, messages: outcome.written.map((w) => msg(lang, "build.wrote", { file: w })) };
}

export function outputName(file: string, format: OutputFormat, out: BuildUnitOptions["out"]): string {
  if ("file" in out) return out.file;
  return join(out.dir, `${out.stem ?? outputStem(file)}.${format}`);
}

/** An output's name comes from the dataset's file name, never from its content. */
export function outputStem(file: string): string {
  return safeName(basename(file, extname(file)));
}

/** Letters, digits, . _ - only, and never a hidden (dot) file. */
function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, "_").replace(/^\.+/, "") || "report";
}

/**
 * Output names for a batch: each dataset's file name, or — where two datasets share one
 * (countyA/2021.yaml, countyB/2021.yaml) — its path below their common folder.
 */
export function outputStems(files: readonly string[]): Map<string, string> {
  const stems = new Map(files.map((f) => [f, outputStem(f)]));
  const count = new Map<string, number>();
  for (const s of stems.values()) count.set(s, (count.get(s) ?? 0) + 1);
  const clashing = files.filter((f) => count.get(stems.get(f)!)! > 1).map((f) => resolve(f));
  if (clashing.length === 0) return stems;
  const parts = clashing.map((f) => f.split(/[\\/]/));
  const shortest = Math.min(...parts.map((p) => p.length));
  let common = 0;
  while (common < shortest - 1 && parts.every((p) => p[common] === parts[0]![common])) common++;
  for (const f of files) {
    if (count.get(stems.get(f)!)! > 1) {
      const rel = resolve(f).split(/[\\/]/).slice(common);
      rel[rel.length - 1] = basename(rel[rel.length - 1]!, extname(rel[rel.length - 1]!));
      stems.set(f, safeName(rel.join("-")));
    }
  }
  // A folder-derived name can still meet another dataset's own name: number the later ones.
  const taken = new Set<string>();
  for (const f of files) {
    let stem = stems.get(f)!;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${stems.get(f)!}-${n}`;
    taken.add(stem.toLowerCase());
    stems.set(f, stem);
  }
  return stems;
}

export async function readStyle(file: string | undefined): Promise<unknown> {
  if (!file) return undefined;
  const data = parseYaml(await readFile(resolve(file), "utf8")) as unknown;
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error(`${file}: a style file must be a mapping (page:, fonts:, sizes: …)`);
  return data;
}
