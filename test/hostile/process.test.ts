/**
 * Issue 11 item 9 and issue 10 defect 6, process hygiene, through the built CLI:
 *   - a reader that goes away (`explain … | head -1`) is a normal end, not an EPIPE stack trace;
 *   (SIGHUP is tested with SIGINT and SIGTERM in output.test.ts, a second Ctrl-C's sweep in
 *   test/cli/run-interrupt.test.ts)
 *   - temporaries a killed run left are removed by a later run into the folder after an hour;
 *   - a report rebuilt over a 0600 file stays 0600;
 *   - a $GITHUB_STEP_SUMMARY that cannot be written keeps the findings' exit code and says so.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, cli, cliEnv, ensureBuilt, ROOT, STACK_FRAME } from "../helpers/cli.js";
import { EXAMPLE, freshDir, INVALID } from "../helpers/hostile.js";

const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const d = freshDir(prefix);
  dirs.push(d);
  return d;
};
beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const OURS = /^\..+\.[0-9a-f]{12}\.[0-9a-f]{8}\.tmp$/;

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with its stdout closed by the reader at once (as `| head -c 0` would). */
function closedStdout(args: string[]): Promise<Ended> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", fail);
    child.on("close", (code, signal) => done({ code, signal, stdout: "", stderr }));
  });
}

/** Writes `name` in `dir`, last modified `minutes` ago. */
function aged(dir: string, name: string, minutes: number): void {
  writeFileSync(join(dir, name), "left behind\n");
  const t = Date.now() / 1000 - minutes * 60;
  utimesSync(join(dir, name), t, t);
}

describe("a reader that goes away (EPIPE)", () => {
  it("explain with its stdout closed: no stack trace, exit 0", async () => {
    const r = await closedStdout(["explain", EXAMPLE]);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).toBe("");
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  });

  it("check --format json with its stdout closed: the check's own exit code (0 clean, 2 unusable), nothing on stderr", async () => {
    const clean = await closedStdout(["check", EXAMPLE, "--format", "json"]);
    expect(clean.stderr).toBe("");
    expect(clean.code).toBe(0);
    const bad = await closedStdout(["check", `${INVALID}/negative-amount.yaml`, "--format", "json"]);
    expect(bad.stderr).toBe("");
    expect(bad.code).toBe(2);
  });
});

describe("temporaries", () => {
  it("temporaries a killed run left: a later build into the folder removes those of its pattern an hour old, and only those", () => {
    const out = tempDir("stale");
    aged(out, ".yongzhou-2020.md.0123456789ab.00112233.tmp", 120);
    aged(out, ".other.docx.ba9876543210.aabbccdd.tmp", 24 * 60);
    aged(out, ".recent.md.0123456789ab.00112233.tmp", 10);
    aged(out, ".old-pattern.md.0123456789ab.tmp", 24 * 60);
    aged(out, "notes.tmp", 24 * 60);
    const r = cli(["build", EXAMPLE, "-o", `${out}/`, "-f", "md"]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([".old-pattern.md.0123456789ab.tmp", ".recent.md.0123456789ab.00112233.tmp", "notes.tmp", "yongzhou-2020.md"]);
    expect(readdirSync(out).filter((n) => OURS.test(n))).toEqual([".recent.md.0123456789ab.00112233.tmp"]);
  });
});

describe("the mode of a report rebuilt", () => {
  it("over a 0600 file stays 0600 (it was made 0644)", () => {
    const out = tempDir("mode");
    const target = join(out, "report.md");
    writeFileSync(target, "old\n");
    chmodSync(target, 0o600);
    const r = cli(["build", EXAMPLE, "-o", target]);
    expect(r.code).toBe(0);
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });
});

describe("$GITHUB_STEP_SUMMARY that cannot be written (a full disk: /dev/full)", () => {
  const full = existsSync("/dev/full") ? "/dev/full" : undefined;

  it("keeps the findings' exit code (2) and says in words that the summary was not written", (ctx) => {
    if (!full) return ctx.skip();
    const r = cli(["check", `${INVALID}/negative-amount.yaml`, "--format", "github"], { env: { GITHUB_STEP_SUMMARY: full } });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toContain(`perf-report: 无法写入 GitHub 步骤摘要 ${full}：磁盘空间不足\n`);
    expect(r.stdout).toMatch(/^::error file=/);
  });

  it("a clean check stays 0, in English with --lang en", (ctx) => {
    if (!full) return ctx.skip();
    const r = cli(["check", EXAMPLE, "--format", "github", "--lang", "en"], { env: { GITHUB_STEP_SUMMARY: full } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`perf-report: cannot write the GitHub step summary ${full}: no space left on the disk\n`);
  });

  it("a summary that is a folder: the same, with the reason", () => {
    const folder = tempDir("summary-folder");
    mkdirSync(join(folder, "summary.md"));
    const r = cli(["check", `${INVALID}/negative-amount.yaml`, "--format", "github"], { env: { GITHUB_STEP_SUMMARY: join(folder, "summary.md") } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`perf-report: 无法写入 GitHub 步骤摘要 ${join(folder, "summary.md")}：目标是一个目录\n`);
  });
});
