/**
 * Issue 10 ("Findings as data", last sentence): the command line's own words — help, option
 * and argument descriptions, headings, and the argument parser's errors — follow --lang (and
 * LANG), like every other message; usage errors exit 2.
 */
import { describe, expect, it } from "vitest";
import { displayWidth, wrap } from "../../src/cli/help.js";
import { FORMATS } from "../../src/write/formats.js";
import { cli } from "../helpers/cli.js";

const CHECK_HELP_ZH = `用法： perf-report check [options] <inputs...>

按 schema 校验数据集，并用精确十进制算术核对每个数字

参数：
  inputs             数据集文件、目录或 glob 模式

选项：
  --format <format>  输出格式（可选：text、json、github、junit；默认：text）
  --strict           把警告当作错误
  --summary <file>   每个单位一行，写入 .csv 或 .json 文件
  -j, --jobs <n>     处理多个数据集时的工作线程数（默认：CPU 核数）
  -q, --quiet        不显示进度条
  --lang <lang>      zh | en（默认取自 LANG）
  --max-bytes <n>    拒绝大于此字节数的输入文件（默认 5 MiB）
  --root <folder>    prior: 所指的文件可以在数据集所在的文件夹内，或在此文件夹之
                     下（默认：当前目录）
  --debug            发生内部错误时打印调用栈
  -h, --help         显示帮助

示例：
  perf-report check 2020.yaml
  perf-report check data/ --jobs 4 --summary summary.csv
  perf-report check 'data/**/*.yaml' --format github      # GitHub Actions 注解
  perf-report check 2020.yaml --format json --lang en

`;

const CHECK_HELP_EN = `Usage: perf-report check [options] <inputs...>

validate datasets against the schema and reconcile every figure with exact
decimal arithmetic

Arguments:
  inputs             dataset files, directories or glob patterns

Options:
  --format <format>  output format (choices: text, json, github, junit; default:
                     text)
  --strict           treat warnings as errors
  --summary <file>   write one row per unit to FILE.csv or FILE.json
  -j, --jobs <n>     worker threads for many datasets (default: number of cores)
  -q, --quiet        no progress bar
  --lang <lang>      zh | en (default from LANG)
  --max-bytes <n>    refuse input files larger than this (default 5 MiB)
  --root <folder>    prior: files may lie in the dataset's folder or below this
                     folder (default: the current directory)
  --debug            on an internal error, print its stack
  -h, --help         display help for command

Examples:
  perf-report check 2020.yaml
  perf-report check data/ --jobs 4 --summary summary.csv
  perf-report check 'data/**/*.yaml' --format github      # GitHub Actions annotations
  perf-report check 2020.yaml --format json --lang en

`;

const COMMANDS = ["check", "build", "explain", "init", "audit", "import", "schema"];

/**
 * The ASCII words a Chinese help may hold: option flags, command names and placeholders, and the
 * names of formats, languages and tools (a file name, a figure id, an example command line).
 */
function englishWords(help: string): string[] {
  const kept = help
    .split("\n")
    .filter((line) => !/^\s+perf-report /.test(line)) // an example: a command line, then its comment
    .join("\n")
    .replace(/\bperf-report\.yaml\b/g, "") // init's default file name
    .replace(/\bperf-report(?: (?:check|build|explain|init|audit|import|schema|help))?\b/g, "")
    .replace(/^\s{2}(?:check|build|explain|init|audit|import|schema|help)\b/gm, "") // a command in the list of commands
    .replace(/^\s{2}[a-z]+(?= {2,})/gm, "") // an argument in the list of arguments (the name of <inputs...>)
    .replace(/(?<![\w-])-{1,2}[a-z][\w-]*/g, " ") // -j, --jobs, --style
    .replace(/[<[][\w.]+[>\]]/g, "") // <inputs...>, [options], [command]
    .replace(/\b(?:zh|en|LANG|YAML|JSON|DOCX|GB\/T|schema|Schema|Handlebars|MiB|CPU|glob|income\.growth|csv|docx|md|html|json|txt|pdf|text|github|junit|prior|page|fonts|sizes|lineSpacing|bold|audit)\b/g, "");
  return kept.match(/[A-Za-z]{2,}/g) ?? [];
}

describe("help in the user's language", () => {
  it("prints check's help wholly in Chinese under --lang zh, before or after the command", () => {
    const r = cli(["--lang", "zh", "check", "--help"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toBe(CHECK_HELP_ZH);
    expect(cli(["check", "--help", "--lang", "zh"]).stdout).toBe(CHECK_HELP_ZH);
    expect(cli(["check", "--help"]).stdout).toBe(CHECK_HELP_ZH);
  });

  it("prints check's help in English under --lang en and under LANG=en", () => {
    expect(cli(["--lang", "en", "check", "--help"]).stdout).toBe(CHECK_HELP_EN);
    expect(cli(["check", "--help"], { env: { LANG: "en_US.UTF-8" } }).stdout).toBe(CHECK_HELP_EN);
  });

  it("has no English words in any command's Chinese help, besides flags, command names and placeholders", () => {
    for (const args of [["--help"], ["help"], ...COMMANDS.map((c) => [c, "--help"]), ...COMMANDS.map((c) => ["help", c])]) {
      const r = cli(["--lang", "zh", ...args]);
      expect(r.code, args.join(" ")).toBe(0);
      expect(englishWords(r.stdout), args.join(" ")).toEqual([]);
      expect(r.stdout, args.join(" ")).toMatch(/^用法： perf-report/);
    }
    // The same filter finds the English help's words: it is not blind.
    expect(englishWords(cli(["--lang", "en", "--help"]).stdout)).toContain("clean");
  });

  it("names the commands and the help command in Chinese in the program's help", () => {
    const r = cli(["--lang", "zh", "--help"]);
    expect(r.stdout).toContain("\n选项：\n  -V, --version                      显示版本号\n  --lang <lang>                      zh | en（默认取自 LANG）\n  -h, --help                         显示帮助\n");
    expect(r.stdout).toContain("\n  help [command]                     显示某个命令的帮助\n");
    expect(r.stdout).toContain("\n退出码：0 通过 · 1 有问题 · 2 输入无法使用、用法有误，或系统拒绝（磁盘已满、无权限） · 3 内部错误（请报告；--debug） · 130 被中断\n");
  });
});

describe("the argument parser's errors in the user's language, exit 2", () => {
  /** The first line of stderr (the help follows it after a blank line) and the exit code. */
  const first = (args: string[], env?: Record<string, string>) => {
    const r = cli(args, { env });
    return { code: r.code, line: r.stderr.split("\n")[0], stdout: r.stdout };
  };

  it("an unknown option, with a suggestion, then the command's help", () => {
    const r = cli(["--lang", "zh", "check", "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`perf-report: 未知的选项 --bogus\n\n${CHECK_HELP_ZH}`);
    expect(first(["--lang", "zh", "check", "x.yaml", "--strct"])).toEqual({ code: 2, line: "perf-report: 未知的选项 --strct；是否想写 --strict？", stdout: "" });
    expect(first(["--lang", "en", "check", "x.yaml", "--strct"])).toEqual({ code: 2, line: "perf-report: unknown option --strct; did you mean --strict?", stdout: "" });
    expect(first(["check", "x.yaml", "--strct"], { LANG: "en_GB.UTF-8" }).line).toBe("perf-report: unknown option --strct; did you mean --strict?");
  });

  it("an unknown command, a missing argument, too many arguments, a missing option or value", () => {
    expect(first(["--lang", "zh", "chek"])).toEqual({ code: 2, line: "perf-report: 未知的命令 chek；是否想写 check？", stdout: "" });
    expect(first(["--lang", "en", "chek"]).line).toBe("perf-report: unknown command chek; did you mean check?");
    expect(first(["--lang", "zh", "check"])).toEqual({ code: 2, line: "perf-report: 缺少参数 <inputs>", stdout: "" });
    expect(first(["--lang", "zh", "explain", "a.yaml", "income.total", "c"])).toEqual({ code: 2, line: "perf-report: 参数过多：explain 接受 2 个参数，这里给了 3 个", stdout: "" });
    expect(first(["--lang", "en", "explain", "a.yaml", "income.total", "c"]).line).toBe("perf-report: too many arguments: explain takes 2, it was given 3");
    expect(first(["--lang", "zh", "init", "--unit", "某局"])).toEqual({ code: 2, line: "perf-report: 必须给出选项 --year <year>", stdout: "" });
    expect(first(["--lang", "zh", "init", "--unit", "某局", "--year"])).toEqual({ code: 2, line: "perf-report: 选项 --year <year> 缺少取值", stdout: "" });
  });

  it("a value that is not one of the choices", () => {
    expect(first(["--lang", "zh", "check", "x.yaml", "--format", "xml"])).toEqual({ code: 2, line: "perf-report: --format 应当是以下之一：text、json、github、junit，不是“xml”", stdout: "" });
    expect(first(["--lang", "en", "audit", "x.docx", "--format", "xml"]).line).toBe("perf-report: --format must be one of text, json, github, junit, not “xml”");
  });

  it("an option's value that the option refuses", () => {
    const own = (args: string[]) => {
      const r = cli(args);
      return { code: r.code, stderr: r.stderr };
    };
    expect(own(["--lang", "zh", "build", "x.yaml", "-f", "pdfx"])).toEqual({ code: 2, stderr: `perf-report: --format 可用的格式是 ${FORMATS.join("、")}，不是“pdfx”\n` });
    expect(own(["--lang", "en", "build", "x.yaml", "-f", "pdfx"])).toEqual({ code: 2, stderr: `perf-report: --format takes ${FORMATS.join(", ")}, not “pdfx”\n` });
    expect(own(["--lang", "zh", "check", "x.yaml", "-j", "0"])).toEqual({ code: 2, stderr: "perf-report: --jobs 应当是正整数，不是“0”\n" });
    expect(own(["--lang", "en", "check", "x.yaml", "--max-bytes", "1.5"])).toEqual({ code: 2, stderr: "perf-report: --max-bytes takes a positive integer, not “1.5”\n" });
    expect(own(["--lang", "zh", "init", "--unit", "某局", "--year", "3000"])).toEqual({ code: 2, stderr: "perf-report: --year 应当是年份，例如 2021，不是“3000”\n" });
    expect(own(["--lang", "zh", "check", "x.yaml", "--root", "no/such/folder"])).toEqual({ code: 2, stderr: "perf-report: --root 应当是已存在的文件夹，不是“no/such/folder”\n" });
    expect(own(["check", "x.yaml", "--lang", "fr"])).toEqual({ code: 2, stderr: "perf-report: --lang 只能是 zh 或 en，不是“fr”\n" });
    expect(own(["check", "x.yaml", "--lang", "fr"]).stderr).toBe(own(["--lang", "fr", "check", "x.yaml"]).stderr);
  });
});

describe("wrapping Chinese help text", () => {
  it("counts a Chinese character as two columns", () => {
    expect(displayWidth("zh | en（默认取自 LANG）")).toBe(7 + 2 * 6 + 5);
    expect(displayWidth("\x1b[1m用法：\x1b[0m")).toBe(6);
  });

  it("breaks between Chinese characters, never before closing punctuation, within the width", () => {
    const text = "prior: 所指的文件可以在数据集所在的文件夹内，或在此文件夹之下（默认：当前目录）";
    expect(wrap(text, 59)).toBe("prior: 所指的文件可以在数据集所在的文件夹内，或在此文件夹之\n下（默认：当前目录）");
    // "之下" would fit at 60 columns, but "（" may not end a line: it goes down with "默".
    expect(wrap(text, 62)).toBe("prior: 所指的文件可以在数据集所在的文件夹内，或在此文件夹之下\n（默认：当前目录）");
    // "）" may not start a line: "json" goes down with it.
    expect(wrap("输出格式（可选：text、json）", 10)).toBe("输出格式\n（可选：\ntext、\njson）");
    for (const line of wrap(text, 20).split("\n")) {
      expect(displayWidth(line)).toBeLessThanOrEqual(20);
      expect(line).not.toMatch(/^[，。、；：）]/);
    }
  });

  it("wraps English at spaces, as commander does", () => {
    expect(wrap("output format (choices: text, json)", 16)).toBe("output format\n(choices: text,\njson)");
  });
});
