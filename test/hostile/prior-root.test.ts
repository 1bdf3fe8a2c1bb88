/**
 * Issue 11 item 1: `prior:` reads nothing outside the dataset's folder tree or the root
 * (`--root`, default the current directory), not even through a symlink, and refuses with a
 * message that quotes nothing; a prior-year file that is not a usable dataset is never quoted.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, STACK_FRAME } from "../helpers/cli.js";
import { freshDir } from "../helpers/hostile.js";

const MINIMAL = readFileSync(new URL("../fixtures/valid/minimal.yaml", import.meta.url), "utf8");
const SECRET = "[remote]\n  extraheader = AUTHORIZATION: basic c2VjcmV0\n";
const OUTSIDE_ZH = "上年数据集必须在本数据集所在的文件夹或 --root 指定的根目录（默认为当前目录）之内；没有读取它";
const OUTSIDE_EN = "the prior year's dataset must be inside this dataset's folder or the root given by --root (default: the current directory); it was not read";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A project folder: sub/2020.yaml with `prior: PRIOR`, a secret beside sub/, a valid 2019 dataset in 2019/. */
function project(prior: string): { dir: string; file: string } {
  const dir = freshDir("prior");
  dirs.push(dir);
  mkdirSync(join(dir, "sub"));
  mkdirSync(join(dir, "2019"));
  writeFileSync(join(dir, "config"), SECRET);
  writeFileSync(join(dir, "2019", "2019.yaml"), MINIMAL.replace("year: 2020", "year: 2019"));
  const file = join(dir, "sub", "2020.yaml");
  writeFileSync(file, `${MINIMAL}prior: ${prior}\n`);
  return { dir, file };
}

const noSecret = (text: string) => {
  expect(text).not.toMatch(/AUTHORIZATION|extraheader|c2VjcmV0|\[remote\]|root:x:0/);
  expect(text).not.toMatch(STACK_FRAME);
};

describe("prior: outside the dataset's folder and the root", () => {
  it("../config (the issue's ../.git/config): refused at the prior: line, nothing quoted (exit 2)", () => {
    const { file } = project("../config");
    const r = cli(["check", file]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`${file}:17:8: error[prior-year] ${OUTSIDE_ZH}`);
    noSecret(r.stderr + r.stdout);
    const en = cli(["check", file, "--lang", "en"]);
    expect(en.stderr.split("\n")[0]).toBe(`${file}:17:8: error[prior-year] ${OUTSIDE_EN}`);
  });

  it("a climb (../../../../etc/passwd) is refused the same way; an absolute path is refused as one", () => {
    const climb = project("../../../../../../../../etc/passwd");
    const r = cli(["check", climb.file]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`${climb.file}:17:8: error[prior-year] ${OUTSIDE_ZH}`);
    noSecret(r.stderr);
    // `prior:` is relative to the dataset: an absolute path is named as the mistake it is (it was
    // once read as sub/etc/passwd and reported under that invented name), and nothing is read.
    for (const path of ["/etc/passwd", "C:\\Windows\\win.ini"]) {
      const absolute = project(JSON.stringify(path));
      const a = cli(["check", absolute.file]);
      expect(a.code).toBe(2);
      expect(a.stderr.split("\n")[0]).toBe(`${absolute.file}:17:8: error[prior-year] 上年数据集应写作相对于本数据集的路径（例如 ./2019.yaml），不能是绝对路径；没有读取它`);
      noSecret(a.stderr);
    }
  });

  it("build and explain refuse it too", () => {
    const { dir, file } = project("../config");
    const b = cli(["build", file, "-f", "md", "-o", `${dir}/out/`]);
    expect(b.code).toBe(2);
    expect(b.stderr.split("\n")[0]).toBe(`${file}:17:8: error[prior-year] ${OUTSIDE_ZH}`);
    noSecret(b.stderr);
    const e = cli(["explain", file]);
    expect(e.code).toBe(2);
    noSecret(e.stderr + e.stdout);
  });

  it("a sibling folder is allowed when the root holds it (--root, or the current directory by default)", () => {
    const { dir, file } = project("../2019/2019.yaml");
    expect(cli(["check", file]).stderr.split("\n")[0]).toBe(`${file}:17:8: error[prior-year] ${OUTSIDE_ZH}`);
    const rooted = cli(["check", file, "--root", dir]);
    expect(rooted.stderr).toBe("检查了 1 个文件：0 个错误，0 个警告\n");
    expect(rooted.code).toBe(0);
    const here = cli(["check", "sub/2020.yaml"], { cwd: dir });
    expect(here.stderr).toBe("检查了 1 个文件：0 个错误，0 个警告\n");
    expect(here.code).toBe(0);
  });

  it("a symlink inside the folder that leads outside the root is refused (real paths are compared)", () => {
    const { dir, file } = project("2019.yaml");
    const elsewhere = freshDir("elsewhere");
    dirs.push(elsewhere);
    writeFileSync(join(elsewhere, "2019.yaml"), MINIMAL.replace("year: 2020", "year: 2019"));
    symlinkSync(join(elsewhere, "2019.yaml"), join(dir, "sub", "2019.yaml"));
    const r = cli(["check", file, "--root", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`${file}:17:8: error[prior-year] ${OUTSIDE_ZH}`);
  });
});

describe("a prior-year file inside the root that is not a usable dataset", () => {
  it("is named, never quoted: one finding at the prior: line, with how to see its problems", () => {
    const { dir, file } = project("../config");
    const r = cli(["check", file, "--root", dir]);
    expect(r.code).toBe(2);
    const config = join(dir, "sub", "../config");
    expect(r.stderr).toBe(
      [
        `${file}:17:8: error[prior-year] 上年数据集 ${config} 无法使用`,
        "   |",
        "17 | prior: ../config",
        "   |        ^^^^^^^^^",
        `  = 提示: 用 perf-report check ${config} 查看它的问题`,
        "",
        "检查了 1 个文件：1 个错误，0 个警告",
        "",
      ].join("\n"),
    );
    noSecret(r.stderr);
  });
});
