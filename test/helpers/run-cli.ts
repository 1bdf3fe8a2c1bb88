import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "./reconcile.js";

/** Builds dist/ (`node scripts/build.mjs`) when it is missing; a lock keeps two test files from building at once. */
export function ensureBuilt(): void {
  if (existsSync(join(REPO, "dist/cli.cjs"))) return;
  const lock = join(tmpdir(), "perf-report-test-build.lock");
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`build lock ${lock} held for too long`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (!existsSync(join(REPO, "dist/cli.cjs"))) execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: REPO, stdio: "pipe" });
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
