/**
 * Issue 11 item 6: no output overwrites a file the run reads — the dataset, its prior year,
 * --style, --template — whether the output is a report, --summary or `schema -o`; paths are
 * compared as real paths and without regard to case (as macOS and Windows see them), and
 * summaries go through the same atomic writer that leaves symlinks alone.
 */
import { copyFileSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, ROOT } from "../helpers/cli.js";
import { freshDir, snapshot } from "../helpers/hostile.js";

const MINIMAL = readFileSync(new URL("../fixtures/valid/minimal.yaml", import.meta.url), "utf8");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = freshDir("overwrite");
  dirs.push(d);
  return d;
};

describe("build refuses an output that is one of its inputs (exit 2, every file untouched)", () => {
  it("-f json --style ex.json -o ex.json, and -o EX.JSON (another case)", () => {
    const dir = tempDir();
    const dataset = join(dir, "2020.yaml");
    writeFileSync(dataset, MINIMAL);
    writeFileSync(join(dir, "ex.json"), "{}\n");
    for (const out of ["ex.json", "EX.JSON"]) {
      const before = snapshot(dir);
      const r = cli(["build", dataset, "-f", "json", "--style", join(dir, "ex.json"), "-o", join(dir, out)]);
      expect(r.code).toBe(2);
      expect(r.stderr.split("\n")[0]).toBe(`${join(dir, out)}: error[build.overwrite-input] 输出文件不能覆盖输入文件 ${join(dir, "ex.json")}`);
      expect(snapshot(dir)).toEqual(before);
    }
  });

  it("--template mytpl.md -o mytpl.md", () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, "templates/report.hbs"), join(dir, "mytpl.md"));
    const before = snapshot(dir);
    const r = cli(["build", "test/fixtures/valid/minimal.yaml", "--template", join(dir, "mytpl.md"), "-o", join(dir, "mytpl.md"), "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`${join(dir, "mytpl.md")}: error[build.overwrite-input] refusing to overwrite the input file ${join(dir, "mytpl.md")}`);
    expect(snapshot(dir)).toEqual(before);
  });

  it("-o onto the prior: file (and through a symlink to it)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "2019.md"), MINIMAL.replace("year: 2020", "year: 2019"));
    writeFileSync(join(dir, "2020.yaml"), `${MINIMAL}prior: 2019.md\n`);
    symlinkSync(join(dir, "2019.md"), join(dir, "alias.md"));
    const before = snapshot(dir);
    const r = cli(["build", join(dir, "2020.yaml"), "-o", join(dir, "2019.md")]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`${join(dir, "2019.md")}: error[build.overwrite-input] 输出文件不能覆盖输入文件 ${join(dir, "2019.md")}`);
    const viaLink = cli(["build", join(dir, "2020.yaml"), "-o", join(dir, "alias.md")]);
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr.split("\n")[0]).toBe(`${join(dir, "alias.md")}: error[build.overwrite-input] 输出文件不能覆盖输入文件 ${join(dir, "2019.md")}`);
    expect(snapshot(dir)).toEqual(before);
    expect(lstatSync(join(dir, "alias.md")).isSymbolicLink()).toBe(true);
  });

  it("a batch: one unit's output onto another unit's dataset is refused, the others are built", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "data"));
    writeFileSync(join(dir, "data", "a.yaml"), MINIMAL);
    // b's dataset is named like a's JSON output.
    writeFileSync(join(dir, "data", "a.json"), JSON.stringify({ unit: { name: "乙局" }, year: 2020, profile: { duties: ["x"] }, finance: { income: { sources: [{ name: "财政拨款收入", amount: 1 }] }, expenditure: { basic: { personnel: 1, public: 0 }, project: 0 } } }));
    const r = cli(["build", join(dir, "data", "a.yaml"), join(dir, "data", "a.json"), "-f", "md,json", "-o", join(dir, "data") + "/", "-j", "1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, "data", "a.json")}: error[build.overwrite-input] 输出文件不能覆盖输入文件 ${join(dir, "data", "a.json")}`);
    expect(JSON.parse(readFileSync(join(dir, "data", "a.json"), "utf8")).unit.name).toBe("乙局");
  });
});

describe("check --summary refuses an input, and leaves a symlink alone", () => {
  it("--summary onto the dataset (another case) or onto its prior: exit 2, the input untouched, the findings' count kept", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "x.json"), JSON.stringify({ unit: { name: "乙局" }, year: 2019, profile: { duties: ["x"] }, finance: { income: { sources: [{ name: "财政拨款收入", amount: 1 }] }, expenditure: { basic: { personnel: 1, public: 0 }, project: 0 } } }));
    writeFileSync(join(dir, "2020.yaml"), `${MINIMAL}prior: x.json\n`);
    const before = snapshot(dir);
    const self = cli(["check", join(dir, "x.json"), "--summary", join(dir, "X.JSON")]);
    expect(self.code).toBe(2);
    expect(self.stderr.trimEnd().split("\n").at(-1)).toBe(`perf-report: ${join(dir, "X.JSON")}: 输出文件不能覆盖输入文件 ${join(dir, "x.json")}`);
    const prior = cli(["check", join(dir, "2020.yaml"), "--summary", join(dir, "x.json"), "--lang", "en"]);
    expect(prior.code).toBe(2);
    expect(prior.stderr).toContain("warning");
    expect(prior.stderr.trimEnd().split("\n").at(-1)).toBe(`perf-report: ${join(dir, "x.json")}: refusing to overwrite the input file ${join(dir, "x.json")}`);
    expect(snapshot(dir)).toEqual(before);
  });

  it("--summary onto a symlink: refused in words, the link and its target untouched", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "keep.txt"), "keep\n");
    symlinkSync(join(dir, "keep.txt"), join(dir, "s.csv"));
    const r = cli(["check", "test/fixtures/valid/minimal.yaml", "--summary", join(dir, "s.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n").at(-1)).toBe(`perf-report: 无法写入汇总文件 ${join(dir, "s.csv")}：目标不是普通文件，不会覆盖`);
    expect(readFileSync(join(dir, "keep.txt"), "utf8")).toBe("keep\n");
    expect(lstatSync(join(dir, "s.csv")).isSymbolicLink()).toBe(true);
  });
});
