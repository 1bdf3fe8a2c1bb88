import { ensureBuilt } from "./run-cli.js";
import { spawnSync } from "node:child_process";


import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadDataset } from "../../src/load/load.js";
import type { Finding } from "../../src/findings/finding.js";
import type { Lang } from "../../src/i18n/lang.js";

/** The repository root (tests run the CLI from here so file names in output are stable). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const INVALID = `${FIXTURES}invalid/`;
export const VALID = `${FIXTURES}valid/`;

export const invalid = (name: string): string => `${INVALID}${name}`;
export const valid = (name: string): string => `${VALID}${name}`;

/** Loads one dataset and returns its findings (the dataset itself when it is usable). */
export async function load(file: string, lang: Lang = "zh") {
  return loadDataset(file, { lang });
}

export async function findings(file: string, lang: Lang = "zh"): Promise<Finding[]> {
  return (await loadDataset(file, { lang })).findings;
}

/** An environment with no locale, so the CLI speaks its default language (Chinese). */
export function neutralEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.LANG;
  delete env.NODE_OPTIONS;
  return { ...env, ...extra };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The CLI under test: the repository's own build (`npm test` builds before it runs the
 * tests); built here once when it is missing, as after a fresh clone.
 */
export function buildCli(): string {
  ensureBuilt();
  return join(ROOT, "bin/perf-report.js");
}

/** Runs `node bin/perf-report.js …` with ROOT as working directory. */
export function cli(args: string[], env: NodeJS.ProcessEnv = neutralEnv()): CliResult {
  const bin = buildCli();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A Node stack frame line ("    at foo (file.js:1:2)"): must never reach the user. */
export const STACK_FRAME = /^\s+at /m;
