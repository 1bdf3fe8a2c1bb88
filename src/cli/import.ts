import { lstat } from "node:fs/promises";
import { basename, dirname, extname, relative, resolve } from "node:path";
import { importFile } from "../import/import.js";
import type { Lang } from "../i18n/lang.js";
import { msg } from "../i18n/messages.js";
import { SCHEMA_PATH } from "../validate/schema-path.js";
import { writeAtomic } from "../write/atomic.js";
import { EXIT, exitCode } from "./exit.js";
import type { Io } from "./main.js";
import { machineReport, statsOf, summaryLine, unitText, type CheckFormat } from "./report.js";

/** `perf-report import FILE -o draft.yaml`: one report, one draft; findings and exit codes as `check`. */
export async function runImport(file: string, options: { out?: string; lang: Lang; maxBytes?: number; format: CheckFormat }, io: Io): Promise<number> {
  const started = performance.now();
  const out = options.out ?? `${basename(file, extname(file))}.yaml`;
  const { lang } = options;
  if (!/\.ya?ml$/i.test(out)) {
    io.err(`perf-report: ${msg(lang, "import.out-extension", { out })}\n`);
    return EXIT.usage;
  }
  // Like init, never over an existing file: a draft written over last year's dataset would lose it.
  if (await lstat(out).catch(() => undefined)) {
    io.err(`perf-report: ${msg(lang, "import.exists", { out })}\n`);
    return EXIT.usage;
  }
  const schemaRef = relative(dirname(resolve(out)), SCHEMA_PATH).split("\\").join("/");
  const { result, yaml, draft, family } = await importFile(file, { lang, maxBytes: options.maxBytes, schemaRef });
  if (yaml !== undefined && draft) {
    await writeAtomic(out, yaml);
    const todos = draft.unplaced.length + [...draft.notes.values()].flat().filter((m) => m.key.startsWith("import.todo")).length;
    result.messages.push({ key: "import.done", params: { out, family: family ?? "—", fields: countFields(yaml), todos } });
    result.written.push(out);
  }
  const stats = statsOf([result], (performance.now() - started) / 1000);
  if (options.format === "text") io.err(unitText(result, lang));
  else await machineReport([result], options.format, stats, lang, io);
  if (options.format === "text" || options.format === "github") io.err(`${summaryLine(stats, lang, "check")}\n`);
  return exitCode(result.outcome);
}

/** Lines of the draft that hold a value (not comments, not blank). */
function countFields(yaml: string): number {
  return yaml.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("#")).length;
}
