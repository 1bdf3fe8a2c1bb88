import { Command, CommanderError, Option } from "commander";
import { defaultLang, isLang, type Lang } from "../i18n/lang.js";
import type { CheckFormat } from "./check.js";
import type { BuildOptions } from "./build.js";
import { EXIT } from "./exit.js";
import { FORMATS, type OutputFormat } from "./formats.js";
import { VERSION } from "./version.js";

// Each command's module is loaded only when it runs: `check` never loads docx or handlebars.

/** Parses the command line and runs one command; resolves to the process exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const program = new Command("perf-report");
  let exitCode: number = EXIT.ok;
  const langOption = () =>
    new Option("--lang <lang>", "message language: zh | en (default from LANG)").argParser((value) => {
      if (!isLang(value)) throw new CommanderError(EXIT.usage, "perf-report.lang", `--lang must be zh or en, not "${value}"`);
      return value;
    });

  program
    .description("部门整体支出绩效自评报告 compiler: check a YAML dataset, build the DOCX")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();

  program
    .command("check")
    .description("validate datasets against the schema and reconcile every figure")
    .argument("<files...>", "dataset files (YAML)")
    .addOption(langOption())
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "github", "junit"]).default("text"))
    .option("--strict", "treat warnings as errors")
    .option("--max-bytes <n>", "refuse input files larger than this", parsePositiveInt)
    .action(async (files: string[], options: { lang?: Lang; format: CheckFormat; strict?: boolean; maxBytes?: number }) => {
      exitCode = await (await import("./check.js")).runCheck(files, { ...options, lang: options.lang ?? defaultLang() }, io);
    });

  program
    .command("build")
    .description("write the report (DOCX in the official format; also md, html, json)")
    .argument("<files...>", "dataset files (YAML)")
    .option("-o, --out <path>", "output file, or directory for several outputs (default: current directory)")
    .option("-f, --format <list>", "comma-separated: docx, md, html, json", parseFormats, ["docx"] as OutputFormat[])
    .option("--template <file>", "a Handlebars report template of your own")
    .option("--style <file>", "YAML/JSON document style: page, fonts, sizes, lineSpacing, bold")
    .option("--force", "build even when figures do not reconcile")
    .addOption(langOption())
    .option("--max-bytes <n>", "refuse input files larger than this", parsePositiveInt)
    .action(async (files: string[], options: Omit<BuildOptions, "lang" | "formats"> & { lang?: Lang; format: OutputFormat[] }) => {
      exitCode = await (await import("./build.js")).runBuild(files, { ...options, formats: options.format, lang: options.lang ?? defaultLang() }, io);
    });

  program
    .command("explain")
    .description("show where the report's figures come from: formula, inputs, values and source lines")
    .argument("<file>", "dataset file (YAML)")
    .argument("[figure]", "one figure id, e.g. income.growth (default: all)")
    .addOption(langOption())
    .action(async (file: string, figure: string | undefined, options: { lang?: Lang }) => {
      exitCode = await (await import("./explain.js")).runExplain(file, figure, { lang: options.lang ?? defaultLang() }, io);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return EXIT.ok;
      if (error.code.startsWith("perf-report.")) io.err(`perf-report: ${error.message}\n`);
      return EXIT.usage;
    }
    io.err(`perf-report: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.internal;
  }
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

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};
