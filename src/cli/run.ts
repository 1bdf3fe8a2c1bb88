import { dirname } from "node:path";
import { Progress } from "../batch/progress.js";
import type { Expansion } from "../batch/inputs.js";
import { runTasks, type Task } from "../batch/pool.js";
import { csvCell } from "../findings/csv.js";
import type { Lang } from "../i18n/lang.js";
import { msg } from "../i18n/messages.js";
import { kindOf, reasonOf } from "../pipeline/classify.js";
import { inputKeys, overwrittenInput } from "../pipeline/guard.js";
import { Cancelled, type Outcome } from "../pipeline/outcome.js";
import type { SummaryRow, UnitResult } from "../pipeline/result.js";
import { writeAtomic } from "../write/atomic.js";
import { removeRunTemporaries } from "../write/temporary.js";
import { EXIT, exitCode } from "./exit.js";
import type { Io } from "./main.js";
import { machineReport, statsOf, summaryLine, unitText, type CheckFormat } from "./report.js";

export interface RunOptions {
  lang: Lang;
  format: CheckFormat;
  jobs: number;
  quiet: boolean;
  summary?: string;
  /** Print the stack of an internal error. */
  debug?: boolean;
}

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Runs check or build over every dataset the inputs expanded to, on a worker pool; prints each unit's findings in
 * input order as soon as the units before it are done; ends with a summary line. The exit
 * code is the worst unit's, or the summary's when writing it failed. SIGINT stops the workers
 * and exits 130.
 */
export async function runUnits(verb: "check" | "build", expansion: Expansion, makeTask: (file: string) => Task, options: RunOptions, io: Io): Promise<number> {
  const started = performance.now();
  const { files, empty, exceeded } = expansion;
  for (const pattern of empty) io.err(`${msg(options.lang, "cli.no-match", { pattern })}\n`);
  // A search cut short found an unknown part of the datasets: checking that part would pass for checking all.
  for (const e of exceeded) io.err(`${msg(options.lang, e.limit === "depth" ? "cli.walk-too-deep" : "cli.walk-too-many", { input: e.input, limit: e.value })}\n`);
  if (files.length === 0 || exceeded.length > 0) return EXIT.usage;

  const progress = new Progress(files.length, process.stderr, options.quiet || options.format !== "text");
  const done: (UnitResult | undefined)[] = new Array(files.length);
  let printed = 0;
  const pool = runTasks(files.map(makeTask), options.jobs, (result, index) => {
    done[index] = result;
    progress.tick();
    if (options.format !== "text") return;
    while (printed < done.length && done[printed]) {
      const text = unitText(done[printed]!, options.lang) + stackText(done[printed]!, options);
      if (text) {
        progress.clear();
        io.err(text);
      }
      printed++;
    }
  });

  // The first Ctrl-C (or SIGTERM, or SIGHUP: the terminal closed) lets the running units
  // finish their writes (a unit still rendering a template gives up at once); a second one
  // cancels them at their next write. Either way the run ends here, with exit 130, and
  // nothing half-written.
  let signals = 0;
  const pdfStop = new AbortController();
  const onSignal = () => {
    pdfStop.abort(new Cancelled());
    if (++signals === 1) pool.stop();
    else pool.cancel();
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  let settled: (UnitResult | undefined)[];
  try {
    settled = await pool.results;
    // The PDFs of the whole run, from one LibreOffice start; the signals above still stop it.
    if (signals === 0 && settled.some((r) => r?.pdf)) {
      const { writePdfs } = await import("../pipeline/pdf-run.js");
      const pdfs = await writePdfs(settled as UnitResult[], { stop: pdfStop.signal, checkpoint: () => (signals > 1 ? throwCancelled() : undefined) });
      settled = pdfs.results;
      if (options.format === "text") for (const added of pdfs.added) io.err(unitText(added, options.lang));
    }
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  }
  if (signals > 0) {
    // A worker terminated after the grace period may have left its temporary file.
    if (signals > 1) removeRunTemporaries(outputDirs(files.map(makeTask)), pool.token);
    const finished = settled.filter((r) => r && r.outcome !== "cancelled" && !r.pdf).length;
    io.err(`${msg(options.lang, "cli.interrupted", { done: finished, total: files.length })}\n`);
    return EXIT.interrupted;
  }
  const results = settled as UnitResult[];

  const stats = statsOf(results, (performance.now() - started) / 1000);
  if (options.format !== "text") {
    await machineReport(results, options.format, stats, options.lang, io);
    for (const r of results) io.err(stackText(r, options));
  }
  // stdout carries the machine formats; the human summary goes to stderr where it is shown.
  if (options.format === "text" || options.format === "github") io.err(`${summaryLine(stats, options.lang, verb)}\n`);
  const code = Math.max(...results.map((r) => exitCode(r.outcome)));
  if (!options.summary) return code;
  const failed = await writeSummary(options.summary, results, options.lang);
  if (failed === undefined) return code;
  io.err(`${failed.message}\n`);
  // The worse of the two: a summary that could not be written never hides the findings' exit code.
  return Math.max(code, exitCode(failed.outcome));
}

function throwCancelled(): never {
  throw new Cancelled();
}

/** An internal error's stack, under --debug only. */
function stackText(result: UnitResult, options: RunOptions): string {
  return options.debug && result.stack ? `${result.stack}\n\n` : "";
}

/** The folders a run's outputs go to. */
function outputDirs(tasks: Task[]): Set<string> {
  return new Set(tasks.flatMap((t) => (t.kind === "build" ? ["dir" in t.options.out ? t.options.out.dir : dirname(t.options.out.file)] : [])));
}

const COLUMNS: (keyof SummaryRow)[] = ["file", "unit", "year", "status", "findings", "income", "expenditure", "carryOver", "score", "grade"];

/**
 * One row per unit, as CSV (UTF-8 with BOM, so that Excel reads the Chinese) or JSON, written
 * atomically and never over a file the run read; a refusal or failure comes back in words.
 */
async function writeSummary(file: string, results: readonly UnitResult[], lang: Lang): Promise<{ message: string; outcome: Outcome } | undefined> {
  const input = await overwrittenInput(file, await inputKeys(results.flatMap((r) => r.reads)));
  if (input !== undefined) return { message: `perf-report: ${file}: ${msg(lang, "build.overwrite-input", { file: input })}`, outcome: "input" };
  try {
    await writeAtomic(file, summaryText(file, results.map((r) => r.row)));
    return undefined;
  } catch (error) {
    const kind = kindOf(error);
    if (kind === "internal") throw error;
    return { message: msg(lang, "summary.cannot-write", { file, reason: reasonOf(error, lang) }), outcome: kind };
  }
}

function summaryText(file: string, rows: SummaryRow[]): string {
  if (file.toLowerCase().endsWith(".json")) return `${JSON.stringify(rows, null, 2)}\n`;
  const lines = [COLUMNS.join(","), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(","))];
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
