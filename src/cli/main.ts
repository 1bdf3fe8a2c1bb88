import { statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { defaultJobs, type Task } from "../batch/pool.js";
import { defaultLang, isLang, type Lang } from "../i18n/lang.js";
import { message, msg, type Message, type MessageKey, type Params } from "../i18n/messages.js";
import { packagePath } from "../paths.js";
import type { BuildUnitOptions } from "../pipeline/result.js";
import { SCHEMA_PATH } from "../validate/schema-path.js";
import { FORMATS, type OutputFormat } from "../write/formats.js";
import type { DocStyle } from "../write/style.js";
import { kindOf, reasonOf } from "../pipeline/classify.js";
import { EXIT, exitCode } from "./exit.js";
import type { CheckFormat } from "./report.js";
import { examplesText, helpConfiguration } from "./help.js";
import { rewordErrors, usageError } from "./usage.js";
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

/** Each command's examples: a command line and, after it, what it does. */
const EXAMPLES: Record<string, readonly (readonly [string, Message?])[]> = {
  check: [
    ["perf-report check 2020.yaml"],
    ["perf-report check data/ --jobs 4 --summary summary.csv"],
    ["perf-report check 'data/**/*.yaml' --format github", message("help.example.github")],
    ["perf-report check 2020.yaml --format json --lang en"],
  ],
  build: [
    ["perf-report build 2020.yaml", message("verbatim", { text: "./2020.docx" })],
    ["perf-report build 2020.yaml -o out/ -f docx,md,html,json"],
    ["perf-report build data/ -o out/ --jobs 2", message("help.example.every-unit")],
    ["perf-report build 2020.yaml --template mine.hbs --style style.yaml"],
  ],
  explain: [["perf-report explain 2020.yaml"], ["perf-report explain 2020.yaml income.growth"]],
  init: [["perf-report init 2021.yaml --unit 永州市工业和信息化局 --year 2021"]],
  audit: [
    ["perf-report audit 2020年度部门整体支出绩效自评报告.docx"],
    ["perf-report audit reports/ --format json", message("help.example.every-report")],
    ["perf-report audit report.txt --verbose", message("help.example.verbose")],
  ],
  import: [["perf-report import 2020年度部门整体支出绩效自评报告.docx -o 2020.yaml"], ["perf-report check 2020.yaml", message("help.example.import-check")]],
  schema: [["perf-report schema -o perf-report.schema.json"]],
};

/** Parses the command line and runs one command; resolves to the process exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const lang = langFromArgv(argv) ?? defaultLang();
  const say = (key: MessageKey, params?: Params) => msg(lang, key, params);
  const program = new Command("perf-report");
  let code: number = EXIT.ok;
  const langOption = () =>
    new Option("--lang <lang>", say("help.opt.lang")).argParser((value) => {
      if (!isLang(value)) throw usageError(lang, "lang", "usage.lang", { value });
      return value;
    });
  const positive = (flag: string) => (value: string) => parsePositiveInt(value, flag, lang);
  const jobsOption = () => new Option("-j, --jobs <n>", say("help.opt.jobs")).argParser(positive("--jobs"));
  const maxBytesOption = (key: MessageKey = "help.opt.max-bytes") => new Option("--max-bytes <n>", say(key)).argParser(positive("--max-bytes"));
  const rootOption = () => new Option("--root <folder>", say("help.opt.root")).argParser((value) => parseFolder(value, lang));
  const debugOption = () => new Option("--debug", say("help.opt.debug"));
  const formatOption = () => new Option("--format <format>", say("help.opt.format")).choices(["text", "json", "github", "junit"]).default("text");
  const list = (items: readonly string[]) => say("list.comma", { items });

  // Settings a subcommand copies from the program when it is made: help and errors in `lang`.
  program
    .description(say("help.program"))
    .version(VERSION, "-V, --version", say("help.version"))
    .helpOption("-h, --help", say("help.help"))
    .helpCommand("help [command]", say("help.help-command"))
    .configureHelp(helpConfiguration(lang))
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
    .enablePositionalOptions()
    .addOption(langOption())
    .addHelpText("after", `\n${say("help.exit-codes")}\n`);

  program
    .command("check")
    .description(say("help.check"))
    .argument("<inputs...>", say("help.arg.inputs"))
    .addOption(formatOption())
    .option("--strict", say("help.opt.strict"))
    .option("--summary <file>", say("help.opt.summary"))
    .addOption(jobsOption())
    .option("-q, --quiet", say("help.opt.quiet"))
    .addOption(langOption())
    .addOption(maxBytesOption())
    .addOption(rootOption())
    .addOption(debugOption())
    .addHelpText("after", examplesText(lang, EXAMPLES.check!))
    .action(async (inputs: string[], o: { format: CheckFormat; strict?: boolean; summary?: string; jobs?: number; quiet?: boolean; lang?: Lang; maxBytes?: number; root?: string; debug?: boolean }) => {
      const { runUnits } = await import("./run.js");
      if (o.summary !== undefined && !/\.(csv|json)$/i.test(o.summary)) {
        throw new CommanderError(EXIT.usage, "perf-report.summary", msg(o.lang ?? lang, "cli.summary-extension", { file: o.summary }));
      }
      const { expandInputs } = await import("../batch/inputs.js");
      const unit = { lang: o.lang ?? lang, strict: o.strict, maxBytes: o.maxBytes, root: o.root ?? process.cwd() };
      code = await runUnits("check", await expandInputs(inputs), (file): Task => ({ kind: "check", file, options: unit }), { lang: unit.lang, format: o.format, jobs: o.jobs ?? defaultJobs(), quiet: o.quiet === true, summary: o.summary, debug: o.debug }, io);
    });

  program
    .command("build")
    .description(say("help.build", { formats: list(FORMATS.filter((f) => f !== "docx")) }))
    .argument("<inputs...>", say("help.arg.inputs"))
    .option("-o, --out <path>", say("help.opt.out"))
    .addOption(new Option("-f, --format <list>", say("help.opt.formats", { formats: list(FORMATS) })).argParser((value) => parseFormats(value, lang)).default(["docx"], "docx"))
    .option("--template <name|file>", say("help.opt.template"))
    .option("--style <file>", say("help.opt.style"))
    .option("--force", say("help.opt.force"))
    .addOption(jobsOption())
    .option("-q, --quiet", say("help.opt.quiet"))
    .addOption(langOption())
    .addOption(maxBytesOption())
    .addOption(rootOption())
    .addOption(debugOption())
    .addHelpText("after", examplesText(lang, EXAMPLES.build!))
    .action(async (inputs: string[], o: { out?: string; format: OutputFormat[]; template?: string; style?: string; force?: boolean; jobs?: number; quiet?: boolean; lang?: Lang; maxBytes?: number; root?: string; debug?: boolean }, command: Command) => {
      const { runUnits } = await import("./run.js");
      const { expandInputs } = await import("../batch/inputs.js");
      const { outputStems } = await import("../pipeline/output-names.js");
      const { inputKeys } = await import("../pipeline/guard.js");
      // The inputs are searched once: the output names, the reads guard and the run take this list.
      const expansion = await expandInputs(inputs);
      const { files } = expansion;
      const target = await outputTarget(o.out, files.length, o.format, command.getOptionValueSource("format") !== "default", o.lang ?? lang);
      // Checked once here, so that a missing template or a bad style is one usage error, not one per unit.
      // Like every input: a regular file (a FIFO would hang the build, /dev/zero fill the memory) within --max-bytes.
      const { isFamily } = await import("../families.js");
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
      let docStyle: DocStyle | undefined;
      if (o.style !== undefined) {
        const { checkStyleFile } = await import("../write/style-file.js");
        const { findings, text, style } = await checkStyleFile(o.style);
        docStyle = style;
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
        docStyle,
        force: o.force,
        maxBytes: o.maxBytes,
        root: o.root ?? process.cwd(),
        reads,
      });
      code = await runUnits("build", expansion, (file): Task => ({ kind: "build", file, options: unit(file) }), { lang: o.lang ?? lang, format: "text", jobs: o.jobs ?? defaultJobs(), quiet: o.quiet === true, debug: o.debug }, io);
    });

  program
    .command("explain")
    .description(say("help.explain"))
    .argument("<file>", say("help.arg.dataset"))
    .argument("[figure]", say("help.arg.figure"))
    .addOption(langOption())
    .addOption(rootOption())
    .addOption(debugOption())
    .addHelpText("after", examplesText(lang, EXAMPLES.explain!))
    .action(async (file: string, figure: string | undefined, o: { lang?: Lang; root?: string }) => {
      code = await (await import("./explain.js")).runExplain(file, figure, { lang: o.lang ?? lang, root: o.root ?? process.cwd() }, io);
    });

  program
    .command("init")
    .description(say("help.init"))
    .argument("[file]", say("help.arg.init-file"), "perf-report.yaml")
    .requiredOption("--unit <name>", say("help.opt.unit"))
    .requiredOption("--year <year>", say("help.opt.year"), (value: string) => parseYear(value, lang))
    .addOption(langOption())
    .addOption(debugOption())
    .addHelpText("after", examplesText(lang, EXAMPLES.init!))
    .action(async (file: string, o: { unit: string; year: number; lang?: Lang }) => {
      code = await (await import("./init.js")).runInit(file, { unit: o.unit, year: o.year, lang: o.lang ?? lang }, io);
    });

  program
    .command("audit")
    .description(say("help.audit"))
    .argument("<files...>", say("help.arg.reports"))
    .addOption(formatOption())
    .option("--verbose", say("help.opt.verbose"))
    .option("--strict", say("help.opt.strict"))
    .addOption(langOption())
    .addOption(maxBytesOption("help.opt.max-bytes-audit"))
    .addOption(debugOption())
    .addHelpText("after", examplesText(lang, EXAMPLES.audit!))
    .action(async (files: string[], o: { format: CheckFormat; verbose?: boolean; strict?: boolean; lang?: Lang; maxBytes?: number }) => {
      code = await (await import("./audit.js")).runAudit(files, { format: o.format, verbose: o.verbose, strict: o.strict, lang: o.lang ?? lang, maxBytes: o.maxBytes }, io);
    });

  program
    .command("import")
    .description(say("help.import"))
    .argument("<file>", say("help.arg.report"))
    .option("-o, --out <file>", say("help.opt.import-out"))
    .addOption(formatOption())
    .addOption(langOption())
    .addOption(maxBytesOption("help.opt.max-bytes-audit"))
    .addOption(debugOption())
    .addHelpText("after", examplesText(lang, EXAMPLES.import!))
    .action(async (file: string, o: { out?: string; format: CheckFormat; lang?: Lang; maxBytes?: number }) => {
      code = await (await import("./import.js")).runImport(file, { out: o.out, format: o.format, lang: o.lang ?? lang, maxBytes: o.maxBytes }, io);
    });

  program
    .command("schema")
    .description(say("help.schema"))
    .option("-o, --out <file>", say("help.opt.schema-out"))
    .option("--style", say("help.opt.schema-style"))
    .addOption(langOption())
    .addOption(debugOption())
    .addHelpText("after", examplesText(lang, EXAMPLES.schema!))
    .action(async (o: { out?: string; style?: boolean; lang?: Lang }) => {
      const source = o.style ? packagePath("schemas", "style.schema.json") : SCHEMA_PATH;
      const text = await readFile(source, "utf8");
      if (o.out === undefined) io.out(text);
      else code = await (await import("./schema-out.js")).writeSchema(o.out, text, source, o.lang ?? lang, io);
    });

  program
    .command("templates")
    .description(say("help.templates"))
    .addOption(langOption())
    .action(async (o: { lang?: Lang }) => io.out((await import("./templates.js")).listFamilies(o.lang ?? lang)));

  for (const command of [program, ...program.commands]) command.exitOverride(rewordErrors(command, lang, io));

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

function parseFormats(value: string, lang: Lang): OutputFormat[] {
  const list = value.split(",").map((s) => s.trim()).filter(Boolean);
  const bad = list.find((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad !== undefined || list.length === 0) throw usageError(lang, "format", "usage.formats", { formats: message("list.comma", { items: FORMATS }), value: bad ?? value });
  return [...new Set(list)] as OutputFormat[];
}

function parsePositiveInt(value: string, flag: string, lang: Lang): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw usageError(lang, "number", "usage.positive-integer", { flag, value });
  return n;
}

function parseFolder(value: string, lang: Lang): string {
  const folder = resolve(value);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw usageError(lang, "root", "usage.root", { value });
  return folder;
}

function parseYear(value: string, lang: Lang): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1990 || n > 2100) throw usageError(lang, "year", "usage.year", { value });
  return n;
}
