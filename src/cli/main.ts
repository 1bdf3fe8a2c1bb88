import { statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { defaultJobs, type Task } from "../batch/pool.js";
import { defaultLang, isLang, type Lang } from "../i18n/lang.js";
import { msg, type MessageKey, type Params } from "../i18n/messages.js";
import { packagePath } from "../paths.js";
import type { BuildUnitOptions } from "../pipeline/result.js";
import { SCHEMA_PATH } from "../validate/schema-path.js";
import { FORMATS, type OutputFormat } from "../write/formats.js";
import { kindOf, reasonOf } from "../pipeline/classify.js";
import { EXIT, exitCode } from "./exit.js";
import type { CheckFormat } from "./report.js";
import { VERSION } from "./version.js";

// Each command's heavy modules are loaded only when it runs: `check` never loads docx or handlebars.

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

const HELP: Record<Lang, Record<string, string>> = {
  zh: {
    program: "部门整体支出绩效自评报告编译器：校验 YAML 数据集、核对每个数字、生成 DOCX",
    check: "按 schema 校验数据集，并用精确十进制算术核对每个数字",
    build: "生成报告：GB/T 9704 公文格式 DOCX，以及 md、html、json",
    explain: "说明数字的来历：算式、参与计算的数字及其所在行",
    init: "生成一个带中文注释、可直接校验的数据集模板",
    schema: "输出数据集的 JSON Schema",
    audit: "核对手写报告（docx、txt、md、html、pdf）中的数字：合计、增减、占比、完成率、结余、个数与名单",
  },
  en: {
    program: "compiler for 部门整体支出绩效自评报告: validate a YAML dataset, reconcile every figure, write the DOCX",
    check: "validate datasets against the schema and reconcile every figure with exact decimal arithmetic",
    build: "write the report: DOCX in the official format (GB/T 9704), also md, html, json",
    explain: "show where figures come from: formula, inputs, values and source lines",
    init: "write a starter dataset, commented in Chinese, that validates as it stands",
    schema: "print the dataset's JSON Schema",
    audit: "check the arithmetic of a report written by hand (docx, txt, md, html, pdf): totals, changes, shares, completion rates, balances, counts and lists",
  },
};

const EXAMPLES: Record<string, string> = {
  check: `
Examples:
  perf-report check 2020.yaml
  perf-report check data/ --jobs 4 --summary summary.csv
  perf-report check 'data/**/*.yaml' --format github      # GitHub Actions annotations
  perf-report check 2020.yaml --format json --lang en
`,
  build: `
Examples:
  perf-report build 2020.yaml                             # ./2020.docx
  perf-report build 2020.yaml -o out/ -f docx,md,html,json
  perf-report build data/ -o out/ --jobs 2                # every unit, named after its dataset
  perf-report build 2020.yaml --template mine.hbs --style style.yaml
`,
  explain: `
Examples:
  perf-report explain 2020.yaml
  perf-report explain 2020.yaml income.growth
`,
  init: `
Examples:
  perf-report init 2021.yaml --unit 永州市工业和信息化局 --year 2021
`,
  audit: `
Examples:
  perf-report audit 2020年度部门整体支出绩效自评报告.docx
  perf-report audit reports/ --format json                # every report in a folder
  perf-report audit report.txt --verbose                  # also what audit was not sure it read right
`,
  schema: `
Examples:
  perf-report schema -o perf-report.schema.json
`,
};

/** Parses the command line and runs one command; resolves to the process exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const lang = langFromArgv(argv) ?? defaultLang();
  const help = HELP[lang];
  const program = new Command("perf-report");
  let code: number = EXIT.ok;
  const langOption = () =>
    new Option("--lang <lang>", "zh | en (default from LANG)").argParser((value) => {
      if (!isLang(value)) throw new CommanderError(EXIT.usage, "perf-report.lang", `--lang must be zh or en, not "${value}"`);
      return value;
    });
  const jobsOption = () => new Option("-j, --jobs <n>", "worker threads for many datasets (default: number of cores)").argParser(parsePositiveInt);
  const rootOption = () => new Option("--root <folder>", "prior: files may lie in the dataset's folder or below this folder (default: the current directory)").argParser(parseFolder);
  const debugOption = () => new Option("--debug", "on an internal error, print its stack");

  program
    .description(help.program!)
    .version(VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError()
    .addHelpText("after", "\nExit codes: 0 clean · 1 findings · 2 unusable input, usage, or the machine refused (disk full, permissions) · 3 internal error (please report; --debug) · 130 interrupted\n");

  program
    .command("check")
    .description(help.check!)
    .argument("<inputs...>", "dataset files, directories or glob patterns")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "github", "junit"]).default("text"))
    .option("--strict", "treat warnings as errors")
    .option("--summary <file>", "write one row per unit to FILE.csv or FILE.json")
    .addOption(jobsOption())
    .option("-q, --quiet", "no progress bar")
    .addOption(langOption())
    .option("--max-bytes <n>", "refuse input files larger than this (default 5 MiB)", parsePositiveInt)
    .addOption(rootOption())
    .addOption(debugOption())
    .addHelpText("after", EXAMPLES.check!)
    .action(async (inputs: string[], o: { format: CheckFormat; strict?: boolean; summary?: string; jobs?: number; quiet?: boolean; lang?: Lang; maxBytes?: number; root?: string; debug?: boolean }) => {
      const { runUnits } = await import("./run.js");
      if (o.summary !== undefined && !/\.(csv|json)$/i.test(o.summary)) {
        throw new CommanderError(EXIT.usage, "perf-report.summary", msg(o.lang ?? lang, "cli.summary-extension", { file: o.summary }));
      }
      const unit = { lang: o.lang ?? lang, strict: o.strict, maxBytes: o.maxBytes, root: o.root ?? process.cwd() };
      code = await runUnits("check", inputs, (file): Task => ({ kind: "check", file, options: unit }), { lang: unit.lang, format: o.format, jobs: o.jobs ?? defaultJobs(), quiet: o.quiet === true, summary: o.summary, debug: o.debug }, io);
    });

  program
    .command("build")
    .description(help.build!)
    .argument("<inputs...>", "dataset files, directories or glob patterns")
    .option("-o, --out <path>", "output file, or directory (ending in / or existing) for several outputs; default: current directory")
    .option("-f, --format <list>", "comma-separated: docx, md, html, json", parseFormats, ["docx"] as OutputFormat[])
    .option("--template <name|file>", "a bundled report family (perf-report templates) or a Handlebars template of your own")
    .option("--style <file>", "YAML/JSON document style: page, fonts, sizes, lineSpacing, bold")
    .option("--force", "build even when figures do not reconcile")
    .addOption(jobsOption())
    .option("-q, --quiet", "no progress bar")
    .addOption(langOption())
    .option("--max-bytes <n>", "refuse input files larger than this (default 5 MiB)", parsePositiveInt)
    .addOption(rootOption())
    .addOption(debugOption())
    .addHelpText("after", EXAMPLES.build!)
    .action(async (inputs: string[], o: { out?: string; format: OutputFormat[]; template?: string; style?: string; force?: boolean; jobs?: number; quiet?: boolean; lang?: Lang; maxBytes?: number; root?: string; debug?: boolean }, command: Command) => {
      const { runUnits } = await import("./run.js");
      const { expandInputs } = await import("../batch/inputs.js");
      const { outputStems } = await import("../pipeline/output-names.js");
      const { inputKeys } = await import("../pipeline/guard.js");
      const { files } = await expandInputs(inputs);
      const target = await outputTarget(o.out, files.length, o.format, command.getOptionValueSource("format") !== "default", o.lang ?? lang);
      // Checked once here, so that a missing template or a bad style is one usage error, not one per unit.
      // Like every input: a regular file (a FIFO would hang the build, /dev/zero fill the memory) within --max-bytes.
      const { isFamily } = await import("../render/families.js");
      const family = o.template !== undefined && isFamily(o.template) ? o.template : undefined;
      if (family !== undefined) o.template = undefined;
      if (o.template !== undefined) {
        const { readGuarded } = await import("../load/guarded-read.js");
        const { DEFAULT_MAX_BYTES } = await import("../load/source.js");
        const read = await readGuarded(o.template, o.maxBytes ?? DEFAULT_MAX_BYTES);
        if (!read.ok) {
          const { key, params } = read.refusal;
          const what = key === "io.is-directory" ? msg(o.lang ?? lang, "cli.is-folder") : msg(o.lang ?? lang, key, params);
          io.err(`perf-report: ${o.template}: ${what}\n`);
          code = EXIT.usage;
          return;
        }
      }
      if (o.style !== undefined) {
        const { checkStyleFile } = await import("../write/style-file.js");
        const { findings, text } = await checkStyleFile(o.style);
        if (findings.length > 0) {
          const { formatFinding } = await import("../findings/format-text.js");
          for (const f of findings) io.err(`${formatFinding(f, () => text?.split(/\r?\n/), o.lang ?? lang)}\n\n`);
          code = EXIT.usage;
          return;
        }
      }
      const stems = outputStems(files);
      // Every file the run reads, once: no unit's output may replace one (each unit adds its prior year).
      const reads = await inputKeys([...files, ...(o.style !== undefined ? [o.style] : []), ...(o.template !== undefined ? [o.template] : [])]);
      const unit = (file: string): BuildUnitOptions => ({
        lang: o.lang ?? lang,
        formats: target.formats,
        out: "dir" in target ? { dir: target.dir, stem: stems.get(file) } : { file: target.file },
        template: o.template,
        family,
        style: o.style,
        force: o.force,
        maxBytes: o.maxBytes,
        root: o.root ?? process.cwd(),
        reads,
      });
      code = await runUnits("build", inputs, (file): Task => ({ kind: "build", file, options: unit(file) }), { lang: o.lang ?? lang, format: "text", jobs: o.jobs ?? defaultJobs(), quiet: o.quiet === true, debug: o.debug }, io);
    });

  program
    .command("explain")
    .description(help.explain!)
    .argument("<file>", "dataset file (YAML)")
    .argument("[figure]", "one figure id, e.g. income.growth (default: all)")
    .addOption(langOption())
    .addOption(rootOption())
    .addOption(debugOption())
    .addHelpText("after", EXAMPLES.explain!)
    .action(async (file: string, figure: string | undefined, o: { lang?: Lang; root?: string }) => {
      code = await (await import("./explain.js")).runExplain(file, figure, { lang: o.lang ?? lang, root: o.root ?? process.cwd() }, io);
    });

  program
    .command("init")
    .description(help.init!)
    .argument("[file]", "the dataset to create", "perf-report.yaml")
    .requiredOption("--unit <name>", "the unit's full name, e.g. 永州市工业和信息化局")
    .requiredOption("--year <year>", "the budget year, e.g. 2021", parseYear)
    .addOption(langOption())
    .addOption(debugOption())
    .addHelpText("after", EXAMPLES.init!)
    .action(async (file: string, o: { unit: string; year: number; lang?: Lang }) => {
      code = await (await import("./init.js")).runInit(file, { unit: o.unit, year: o.year, lang: o.lang ?? lang }, io);
    });

  program
    .command("audit")
    .description(help.audit!)
    .argument("<files...>", "reports (.docx .txt .md .html .pdf), directories or glob patterns")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "github", "junit"]).default("text"))
    .option("--verbose", "also show, as warnings, the relations audit could not be sure it read right")
    .option("--strict", "treat warnings as errors")
    .addOption(langOption())
    .option("--max-bytes <n>", "refuse input files larger than this (default 5 MiB for text, 64 MiB for docx and pdf)", parsePositiveInt)
    .addOption(debugOption())
    .addHelpText("after", EXAMPLES.audit!)
    .action(async (files: string[], o: { format: CheckFormat; verbose?: boolean; strict?: boolean; lang?: Lang; maxBytes?: number }) => {
      code = await (await import("./audit.js")).runAudit(files, { format: o.format, verbose: o.verbose, strict: o.strict, lang: o.lang ?? lang, maxBytes: o.maxBytes }, io);
    });

  program
    .command("schema")
    .description(help.schema!)
    .option("-o, --out <file>", "write it to FILE instead of printing it")
    .option("--style", "the schema of --style files instead of datasets")
    .addOption(langOption())
    .addOption(debugOption())
    .addHelpText("after", EXAMPLES.schema!)
    .action(async (o: { out?: string; style?: boolean; lang?: Lang }) => {
      const source = o.style ? packagePath("schemas", "style.schema.json") : SCHEMA_PATH;
      const text = await readFile(source, "utf8");
      if (o.out === undefined) io.out(text);
      else code = await (await import("./schema-out.js")).writeSchema(o.out, text, source, o.lang ?? lang, io);
    });

  program
    .command("templates")
    .description(lang === "zh" ? "列出内置的报告格式" : "list the bundled report families")
    .addOption(langOption())
    .action(async (o: { lang?: Lang }) => io.out((await import("./templates.js")).listFamilies(o.lang ?? lang)));

  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return EXIT.ok;
      if (error.code.startsWith("perf-report.")) io.err(`perf-report: ${error.message}\n`);
      return EXIT.usage;
    }
    const kind = kindOf(error);
    if (kind !== "internal") {
      const e = error as NodeJS.ErrnoException;
      io.err(`perf-report: ${e.path ? `${e.path}: ` : ""}${reasonOf(e, lang)}\n`);
      return exitCode(kind);
    }
    io.err(`perf-report: ${msg(lang, "internal.error", { reason: error instanceof Error ? error.message : String(error) })}\n`);
    if (argv.includes("--debug") && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return exitCode("internal");
  }
}

/** --lang decides the language of help and usage errors too, so it is read before commander runs. */
function langFromArgv(argv: string[]): Lang | undefined {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const value = i < 0 ? undefined : argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1];
  return value !== undefined && isLang(value) ? value : undefined;
}

/**
 * Where build writes. -o names a directory when it ends with / or is one; otherwise a file,
 * which takes its format from its extension (report.md → md) and must be the only output.
 */
async function outputTarget(out: string | undefined, units: number, formats: OutputFormat[], explicitFormats: boolean, lang: Lang): Promise<({ dir: string } | { file: string }) & { formats: OutputFormat[] }> {
  if (out === undefined) return { dir: ".", formats };
  const info = await stat(out).catch(() => undefined);
  if (out.endsWith("/") || info?.isDirectory()) return { dir: out, formats };
  const ext = extname(out).slice(1).toLowerCase();
  const known = (FORMATS as readonly string[]).includes(ext) ? (ext as OutputFormat) : undefined;
  const chosen = known && !explicitFormats ? [known] : formats;
  const fail = (key: MessageKey, params: Params) => {
    throw new CommanderError(EXIT.usage, "perf-report.out", msg(lang, key, params));
  };
  if (units > 1 || chosen.length > 1) fail("cli.out-one-file", { out, count: units * chosen.length, dir: out.replace(/\.\w+$/, "") });
  if (ext && !known) fail("cli.out-extension", { out, ext, formats: FORMATS.join(lang === "zh" ? "、" : ", ") });
  if (known && known !== chosen[0]) fail("cli.out-mismatch", { out, format: chosen[0]! });
  return { file: known ? out : `${out}.${chosen[0]}`, formats: chosen };
}

function parseFormats(value: string): OutputFormat[] {
  const list = value.split(",").map((s) => s.trim()).filter(Boolean);
  const bad = list.find((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad !== undefined || list.length === 0) throw new CommanderError(EXIT.usage, "perf-report.format", `--format takes ${FORMATS.join(", ")}, not "${bad ?? value}"`);
  return [...new Set(list)] as OutputFormat[];
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new CommanderError(EXIT.usage, "perf-report.number", `expected a positive integer, not "${value}"`);
  return n;
}

function parseFolder(value: string): string {
  const folder = resolve(value);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new CommanderError(EXIT.usage, "perf-report.root", `--root must be an existing folder, not "${value}"`);
  return folder;
}

function parseYear(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1990 || n > 2100) throw new CommanderError(EXIT.usage, "perf-report.year", `--year must be a year such as 2021, not "${value}"`);
  return n;
}
