/**
 * Issue 11 item 5, through the built CLI: a dataset with a 600 KB line and 1,200 findings on
 * it once made the text report gigabytes long and crashed a whole batch with an uncaught
 * "RangeError: Invalid string length" (exit 1, no summary). Now each excerpt is a window, a
 * unit lists at most 1,000 findings, and the batch checks every other unit.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliAsync, ROOT, STACK_FRAME } from "../helpers/cli.js";
import { freshDir } from "../helpers/hostile.js";
import { longErrorLine, MINIMAL } from "../fixtures/bad/cases.js";

let dir: string;
beforeAll(() => {
  dir = freshDir("finding-output");
  mkdirSync(join(dir, "batch"));
  for (let i = 1; i <= 20; i++) copyFileSync(join(ROOT, MINIMAL), join(dir, "batch", `u${String(i).padStart(2, "0")}.yaml`));
  writeFileSync(join(dir, "batch", "u07.yaml"), longErrorLine(readFileSync(join(ROOT, MINIMAL), "utf8"), 1200, 600_000));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a 600 KB line with 1,200 findings", () => {
  it("does not stop a batch of 20: the other 19 are checked, the bad one is reported with exit 2", async () => {
    const run = await cliAsync(["check", join(dir, "batch"), "--jobs", "2"], { timeout: 120_000 });
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stderr).not.toMatch(/internal error|RangeError/);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(/^检查了 20 个文件（19 个通过，0 个有问题，1 个无法使用）：1200 个错误，0 个警告，用时 [\d.]+ 秒$/);
    expect(lines[0]).toBe(`${join(dir, "batch", "u07.yaml")}:5:508: error[schema.type] 应当是文本类型`);
    expect(lines.filter((l) => l.includes("error[schema.type]"))).toHaveLength(1000);
    expect(lines).toContain("… 另有 200 个问题未列出（每个文件最多列出 1000 个）");
    // 1,000 findings of a few short lines each, not 1,000 copies of the 600 KB line.
    expect(run.stderr.length).toBeLessThan(1_000_000);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(130);
  }, 150_000);

  it("lists 1,000 findings in the JSON report and counts the rest", async () => {
    const run = await cliAsync(["check", join(dir, "batch", "u07.yaml"), "--format", "json"], { timeout: 120_000 });
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { findings: unknown[]; omittedFindings: number; stats: { errors: number } };
    expect([report.findings.length, report.omittedFindings, report.stats.errors]).toEqual([1000, 200, 1200]);
  }, 150_000);
});
