import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "./reconcile.js";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function stale(): boolean {
  try {
    return statSync(join(REPO, "dist/cli/main.js")).mtimeMs < newestMtime(join(REPO, "src"));
  } catch {
    return true;
  }
}

/**
 * Builds dist/ with `tsc -p tsconfig.build.json` when it is older than src/ (as after an
 * edit without `npm test`). A lock directory keeps two test files from building at once.
 */
export function ensureBuilt(): void {
  if (!stale()) return;
  const lock = join(tmpdir(), "perf-report-test-build.lock");
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run (older than 5 minutes) is taken over.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmdirSync(lock);
      } catch {
        // gone already
      }
      if (Date.now() > deadline) throw new Error(`build lock ${lock} held for too long`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (stale()) execFileSync(process.execPath, [join(REPO, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: REPO, stdio: "pipe" });
  } finally {
    rmdirSync(lock);
  }
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI's environment without a locale (so it speaks Chinese unless --lang says otherwise) or CI variables. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ["LC_ALL", "LC_MESSAGES", "LANG", "NODE_OPTIONS", "GITHUB_STEP_SUMMARY"]) delete env[key];
  return { ...env, ...extra };
}

/** `node bin/perf-report.js ARGS` from the repository root. */
export function perfReport(args: string[], env: NodeJS.ProcessEnv = cleanEnv()): Run {
  const r = spawnSync(process.execPath, ["bin/perf-report.js", ...args], { cwd: REPO, env, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
