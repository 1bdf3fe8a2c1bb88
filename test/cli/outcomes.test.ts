/**
 * Issue 10, defects 4 and 7: every run ends in one of the outcomes clean (0), findings (1),
 * input (2), environment (2, the cause in words) and internal (3, "please report", the stack
 * only under --debug) — and a failure of ours is never blamed on the dataset.
 */
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, STACK_FRAME } from "../helpers/cli.js";
import { freshDir } from "../helpers/hostile.js";

const MINIMAL = "test/fixtures/valid/minimal.yaml";
const AS_PUBLISHED = "examples/yongzhou-2020-as-published.yaml";
const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const d = freshDir(prefix);
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("an exception inside perf-report is an internal error (exit 3), not the dataset's fault", () => {
  // The example of issue 10: zlib.crc32 missing (an older Node 20) made every DOCX build fail
  // with "error[build.error] (0 , Uo.crc32) is not a function", exit 2, at the dataset. The
  // DOCX no longer uses zlib (issue 12): a DataView method the zip's dates are set with stands in.
  let preload: string;
  beforeAll(() => {
    preload = join(tempDir("preload"), "no-set-uint16.cjs");
    writeFileSync(preload, "DataView.prototype.setUint16 = undefined;\n");
  });

  it("exit 3, 'please report', the reason, no stack, nothing written", () => {
    const out = tempDir("out");
    const r = cli(["build", MINIMAL, "-o", `${out}/`], { env: { NODE_OPTIONS: `--require ${preload}` } });
    expect(r.code).toBe(3);
    const first = r.stderr.split("\n")[0]!;
    expect(first).toMatch(/^test\/fixtures\/valid\/minimal\.yaml: error\[internal\] perf-report 内部错误：\w+\.setUint16 is not a function。这是 perf-report 的缺陷，请报告（加 --debug 可看到详细信息）$/);
    expect(r.stderr).not.toMatch(/build\.error/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(readdirSync(out)).toEqual([]);
  });

  it("in English, and with --debug the stack follows", () => {
    const out = tempDir("out");
    const r = cli(["build", MINIMAL, "-o", `${out}/`, "--lang", "en", "--debug"], { env: { NODE_OPTIONS: `--require ${preload}` } });
    expect(r.code).toBe(3);
    expect(r.stderr.split("\n")[0]).toMatch(/^test\/fixtures\/valid\/minimal\.yaml: error\[internal\] internal error in perf-report: \w+\.setUint16 is not a function\. This is a bug in perf-report; please report it \(--debug shows the details\)$/);
    expect(r.stderr).toMatch(/TypeError: \w+\.setUint16 is not a function\n\s+at /);
  });
});

describe("check --summary onto a full disk (a 64 KiB tmpfs)", () => {
  let mount: string | undefined;
  beforeAll(() => {
    const dir = tempDir("tmpfs");
    const r = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { encoding: "utf8" });
    if (r.status === 0) mount = dir;
    else console.log(`test/cli/outcomes.test.ts: a full disk is not tested here, mount -t tmpfs is not permitted (${(r.stderr || r.error?.message || "").trim()})`);
  });
  afterAll(() => {
    if (mount) spawnSync("umount", [mount]);
  });

  it("the findings still print and still count: exit 2 (the worse of 1 and 2), the cause in words, no file left", (ctx) => {
    if (!mount) return ctx.skip();
    const df = spawnSync("df", ["-B1", "--output=avail", mount], { encoding: "utf8" });
    writeFileSync(join(mount, "filler"), Buffer.alloc(Math.max(0, Number(df.stdout.trim().split("\n").at(-1)))));
    const summary = join(mount, "summary.csv");
    const r = cli(["check", AS_PUBLISHED, "--summary", summary]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^examples\/yongzhou-2020-as-published\.yaml:344:18: error\[growth-rate\]/);
    expect(r.stderr).toContain("检查了 1 个文件：5 个错误，0 个警告\n");
    expect(r.stderr.trimEnd().split("\n").at(-1)).toBe(`perf-report: 无法写入汇总文件 ${summary}：磁盘空间不足`);
    expect(r.stderr).not.toMatch(/internal|内部错误|ENOSPC/);
    expect(readdirSync(mount)).toEqual(["filler"]);

    const en = cli(["check", MINIMAL, "--summary", summary, "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr.trimEnd().split("\n").at(-1)).toBe(`perf-report: cannot write the summary ${summary}: no space left on the disk`);
  });
});

describe("schema -o", () => {
  it("onto a symlink: refused in words (exit 2), the link and its target untouched", () => {
    const dir = tempDir("schema");
    writeFileSync(join(dir, "target.txt"), "keep\n");
    symlinkSync(join(dir, "target.txt"), join(dir, "link.json"));
    const r = cli(["schema", "-o", join(dir, "link.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`perf-report: ${join(dir, "link.json")}: 目标不是普通文件，不会覆盖\n`);
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "target.txt"), "utf8")).toBe("keep\n");
  });

  it("onto a dataset (any file that is not a JSON Schema): refused, the file untouched", () => {
    const dir = tempDir("schema");
    const dataset = join(dir, "2020.yaml");
    writeFileSync(dataset, readFileSync(MINIMAL));
    const r = cli(["schema", "-o", dataset, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`perf-report: ${dataset} exists and is not a JSON Schema file; not overwriting it\n`);
    expect(readFileSync(dataset, "utf8")).toBe(readFileSync(MINIMAL, "utf8"));
  });

  it("onto an earlier schema output, or a new file: written (exit 0), and on a full folder path an error in words", () => {
    const dir = tempDir("schema");
    const file = join(dir, "perf-report.schema.json");
    expect(cli(["schema", "-o", file]).code).toBe(0);
    const first = readFileSync(file, "utf8");
    expect(JSON.parse(first).$schema).toMatch(/json-schema\.org/);
    writeFileSync(file, first.replace("部门整体", "旧的部门整体"));
    expect(cli(["schema", "-o", file]).code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(first);
    // A path through a file is the environment's fault: exit 2 and words, not "internal error: ENOTDIR".
    const r = cli(["schema", "-o", join(file, "x.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`perf-report: ${join(file, "x.json")}: 无法写入：路径中有一段不是目录\n`);
    expect(existsSync(join(dir, "x.json"))).toBe(false);
  });
});

describe("a placeholder the dataset got wrong, under build --force", () => {
  it("is reported once, at the dataset's line, in the user's language; never at templates/report.hbs", () => {
    const dir = tempDir("force");
    const file = join(dir, "ph.yaml");
    writeFileSync(file, `${readFileSync(MINIMAL, "utf8")}narrative:\n  spendingDirections: "收入{{income.totl}}"\n`);
    for (const [lang, line] of [
      ["zh", `${file}:18:26: error[placeholder] 文字引用了不存在的数字“income.totl”`],
      ["en", `${file}:18:26: error[placeholder] the text refers to an unknown figure “income.totl”`],
    ] as const) {
      const out = join(dir, `out-${lang}`);
      mkdirSync(out);
      const r = cli(["build", file, "--force", "-f", "md", "-o", `${out}/`, "--lang", lang]);
      expect(r.stderr.split("\n")[0]).toBe(line);
      expect(r.stderr).not.toMatch(/report\.hbs|template/);
      expect(r.stderr.match(/error\[/g)).toHaveLength(1);
      // Forced: the report is written, the placeholder left as the dataset wrote it; exit 1 for the finding.
      expect(r.code).toBe(1);
      expect(readFileSync(join(out, "ph.md"), "utf8")).toContain("收入{{income.totl}}");
    }
  });
});
