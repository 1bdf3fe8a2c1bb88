/**
 * The CLI under test, run as a user runs it: `node bin/perf-report.js …` as a child process,
 * from the repository root, with a clean environment. One runner for every test file.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (the CLI runs from here, so that file names in its output are stable). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(ROOT, "bin/perf-report.js");

/** A Node stack frame line ("    at foo (file.js:1:2)"): must never reach the user. */
export const STACK_FRAME = /^\s+at /m;

/** What goes into dist/: the sources, the bundled template and schemas, the build scripts. */
const BUILD_INPUTS = ["src", "templates", "schemas"];
const BUILD_SCRIPT = /^build.*\.mjs$/;

/** The newest modification time of the files under `dir` (0 when there are none). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/**
 * Whether dist/ must be built: it is missing, or a file that goes into it (under src/,
 * templates/, schemas/, or scripts/build*.mjs) is newer than dist/cli.cjs — so that
 * `npx vitest` after editing src/ tests the edited code.
 */
export function needsBuild(root: string = ROOT): boolean {
  const bundle = statSync(join(root, "dist/cli.cjs"), { throwIfNoEntry: false });
  if (!bundle) return true;
  const sources = BUILD_INPUTS.filter((d) => existsSync(join(root, d))).map((d) => newest(join(root, d)));
  const scripts = existsSync(join(root, "scripts")) ? readdirSync(join(root, "scripts")).filter((f) => BUILD_SCRIPT.test(f)).map((f) => statSync(join(root, "scripts", f)).mtimeMs) : [];
  return Math.max(0, ...sources, ...scripts) > bundle.mtimeMs;
}

/** Checked once per test file: the first run of the CLI builds what is stale. */
let built = false;

/** Builds dist/ (`node scripts/build.mjs`) when `needsBuild`; a lock keeps two test files from building at once. */
export function ensureBuilt(): void {
  if (built || !needsBuild()) {
    built = true;
    return;
  }
  const lock = join(tmpdir(), "perf-report-test-build.lock");
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a run that was killed mid-build is older than any build takes.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) rmdirSync(lock);
      else if (Date.now() > deadline) throw new Error(`build lock ${lock} held for too long`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    // Another test file may have built it while this one waited for the lock.
    if (needsBuild()) execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, stdio: "pipe" });
    built = true;
  } finally {
    rmdirSync(lock);
  }
}

/**
 * The environment the CLI runs in: no locale (so it speaks its default, Chinese, unless
 * --lang or `extra` says otherwise), no CI variables, no NODE_OPTIONS; then `extra`.
 */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "NODE_OPTIONS", "GITHUB_STEP_SUMMARY", "CI", "FORCE_COLOR"]) delete env[key];
  return { ...env, ...extra };
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Set when the run was killed for taking longer than `timeout`. */
  timedOut: boolean;
}

export interface RunOptions {
  /** Another build of the CLI (a private copy, see hostile.ts); the repository's own by default. */
  bin?: string;
  cwd?: string;
  /** Variables added to the clean environment of `cliEnv`. */
  env?: Record<string, string>;
  /** Killed (SIGKILL) after this many ms, so that a hang fails the test instead of stalling it. */
  timeout?: number;
}

/** Runs the CLI and waits for it. */
export function cli(args: string[], options: RunOptions = {}): Run {
  if (!options.bin) ensureBuilt();
  const r = spawnSync(process.execPath, [options.bin ?? BIN, ...args], { cwd: options.cwd ?? ROOT, env: cliEnv(options.env), encoding: "utf8", timeout: options.timeout ?? 60_000, killSignal: "SIGKILL" });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, timedOut };
}

/** Runs the CLI without blocking the test's thread (for tests that run many at once). */
export function cliAsync(args: string[], options: RunOptions = {}): Promise<Run> {
  if (!options.bin) ensureBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.bin ?? BIN, ...args], { cwd: options.cwd ?? ROOT, env: cliEnv(options.env), stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeout ?? 60_000);
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), timedOut });
    });
  });
}
