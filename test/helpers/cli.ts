import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

export const BIN = resolve("bin/perf-report.js");

/** Runs the built CLI as a user would: a child process, its exit code and both streams. */
export function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, LANG: "zh_CN.UTF-8", ...options.env },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
