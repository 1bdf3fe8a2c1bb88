import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
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

let builtBin: string | undefined;
let buildDir: string | undefined;

/**
 * Builds the current src/ as `npm run build` does (tsc -p tsconfig.build.json, then
 * scripts/build-validator.mjs) into a private copy of the package (bin/, dist/, package.json,
 * and links to schemas/, templates/, node_modules/), so that the
 * CLI under test is exactly today's source and is not disturbed by anyone rebuilding the
 * repository's own dist/ while the tests run. Returns the path of the copied bin script.
 */
export function buildCli(): string {
  if (builtBin) return builtBin;
  buildDir = mkdtempSync(join(tmpdir(), "perf-report-cli-build-"));
  mkdirSync(join(buildDir, "bin"));
  copyFileSync(join(ROOT, "bin/perf-report.js"), join(buildDir, "bin/perf-report.js"));
  copyFileSync(join(ROOT, "package.json"), join(buildDir, "package.json"));
  for (const dir of ["schemas", "templates", "node_modules"]) {
    if (existsSync(join(ROOT, dir))) symlinkSync(join(ROOT, dir), join(buildDir, dir), "dir");
  }
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json"), "--outDir", join(buildDir, "dist")],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (!existsSync(join(buildDir, "dist/cli/main.js"))) {
    throw new Error(`tsc emitted no dist/cli/main.js:\n${tsc.stdout}${tsc.stderr}`);
  }
  // A type error elsewhere in src/ (work in progress) does not stop tsc emitting; say so, but go on.
  if (tsc.status !== 0) console.warn(`tsc -p tsconfig.build.json exited ${tsc.status}:\n${tsc.stdout}${tsc.stderr}`);
  // The rest of `npm run build`: the schema compiled to standalone code in dist/validate/.
  const validator = join(ROOT, "scripts/build-validator.mjs");
  if (existsSync(validator)) {
    mkdirSync(join(buildDir, "scripts"));
    copyFileSync(validator, join(buildDir, "scripts/build-validator.mjs"));
    const v = spawnSync(process.execPath, [join(buildDir, "scripts/build-validator.mjs")], { cwd: buildDir, encoding: "utf8" });
    if (v.status !== 0) throw new Error(`scripts/build-validator.mjs failed:\n${v.stdout}${v.stderr}`);
  }
  builtBin = join(buildDir, "bin/perf-report.js");
  return builtBin;
}

export function removeCliBuild(): void {
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  buildDir = builtBin = undefined;
}

/** Runs `node bin/perf-report.js …` (the private build, see buildCli) with ROOT as working directory. */
export function cli(args: string[], env: NodeJS.ProcessEnv = neutralEnv()): CliResult {
  const bin = buildCli();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A Node stack frame line ("    at foo (file.js:1:2)"): must never reach the user. */
export const STACK_FRAME = /^\s+at /m;
