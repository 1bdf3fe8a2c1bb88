/**
 * Issue 11 item 11, `init`: an empty or blank --unit wrote a starter that failed `check`, and a
 * file that could not be written was reported as a bare "ENOENT".
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { freshDir } from "../helpers/hostile.js";

let dir: string;
beforeAll(() => {
  dir = freshDir("init");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("init", () => {
  it.each([[""], ["   "], ["\t"]])("refuses the unit name %j with exit 2 and writes nothing", (unit) => {
    const file = join(dir, "blank.yaml");
    const r = cli(["init", file, "--unit", unit, "--year", "2021"]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, "", "perf-report: --unit 不能为空：请写单位全称，例如 永州市工业和信息化局\n"]);
    expect(existsSync(file)).toBe(false);
    const en = cli(["init", file, "--unit", unit, "--year", "2021", "--lang", "en"]);
    expect(en.stderr).toBe("perf-report: --unit cannot be empty: give the unit's full name, e.g. 永州市工业和信息化局\n");
  });

  it("says in words why a starter cannot be written: a missing folder, a file where a folder belongs", () => {
    const missing = join(dir, "no-such-folder", "2021.yaml");
    expect(cli(["init", missing, "--unit", "测试局", "--year", "2021"])).toMatchObject({ code: 2, stderr: `perf-report: ${missing}: 无法写入：目录不存在\n` });
    expect(cli(["init", missing, "--unit", "测试局", "--year", "2021", "--lang", "en"]).stderr).toBe(`perf-report: ${missing}: cannot write: the folder does not exist\n`);
    writeFileSync(join(dir, "plain-file"), "");
    const underFile = join(dir, "plain-file", "2021.yaml");
    expect(cli(["init", underFile, "--unit", "测试局", "--year", "2021"])).toMatchObject({ code: 2, stderr: `perf-report: ${underFile}: 无法写入：路径中有一段不是目录\n` });
    expect(readdirSync(dir).sort()).toEqual(["plain-file"]);
  });

  it("still writes a starter that checks clean for a real name", () => {
    const file = join(dir, "ok.yaml");
    expect(cli(["init", file, "--unit", "测试局", "--year", "2021"]).code).toBe(0);
    expect(cli(["check", file]).code).toBe(0);
    rmSync(file);
  });
});
