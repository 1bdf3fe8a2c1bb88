import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { RULE_IDS } from "../../src/check/rule-ids.js";
import { cliAsync, cliEnv, ROOT, type Run, type RunOptions } from "./cli.js";

export const BAD = "test/fixtures/bad";
export const INVALID = "test/fixtures/invalid";
export const EXAMPLE = "examples/yongzhou-2020.yaml";

/**
 * The CLI as it is shipped, built from today's src/ into a private copy of the package, so
 * that nobody rebuilding the repository's own dist/ while the tests run can disturb them.
 * `node scripts/build.mjs` (esbuild) runs in a temporary folder holding copies of bin/,
 * scripts/ and package.json and links to src/, schemas/, templates/, examples/ (the code cache is made on the example) and node_modules/. When
 * that build is impossible (another layout), the repository's dist/ is copied instead.
 */
export interface PrivateCli {
  root: string;
  bin: string;
  /** Runs this copy of the CLI (cliAsync with `bin` set). */
  run(args: string[], options?: Omit<RunOptions, "bin">): Promise<Run>;
  remove(): void;
}

export function privateCli(buildEnv: Record<string, string> = {}): PrivateCli {
  const root = mkdtempSync(join(tmpdir(), "perf-report-hostile-cli-"));
  for (const file of ["package.json"]) copyFileSync(join(ROOT, file), join(root, file));
  for (const dir of ["bin", "scripts"]) if (existsSync(join(ROOT, dir))) cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
  for (const dir of ["src", "schemas", "templates", "examples", "node_modules"]) if (existsSync(join(ROOT, dir))) symlinkSync(join(ROOT, dir), join(root, dir), "dir");
  const script = join(root, "scripts/build.mjs");
  let built = false;
  let log = "";
  if (existsSync(script)) {
    const r = spawnSync(process.execPath, [script], { cwd: root, env: cliEnv(buildEnv), encoding: "utf8", timeout: 120_000 });
    log = `${r.stdout ?? ""}${r.stderr ?? ""}`;
    built = r.status === 0 && existsSync(join(root, "dist"));
  }
  if (!built) {
    if (!existsSync(join(ROOT, "dist"))) {
      const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8", timeout: 300_000 });
      log += `${r.stdout ?? ""}${r.stderr ?? ""}`;
    }
    if (!existsSync(join(ROOT, "dist"))) throw new Error(`cannot build the CLI:\n${log}`);
    rmSync(join(root, "dist"), { recursive: true, force: true });
    cpSync(join(ROOT, "dist"), join(root, "dist"), { recursive: true });
  }
  const bin = join(root, "bin/perf-report.js");
  return { root, bin, run: (args, options = {}) => cliAsync(args, { ...options, bin }), remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every file under `dir` (recursively, dot files included) with its bytes, for before/after comparison. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const info = lstatSync(path);
      if (info.isDirectory()) {
        out[`${prefix}${name}/`] = "<dir>";
        walk(path, `${prefix}${name}/`);
      } else if (info.isFile()) out[`${prefix}${name}`] = readFileSync(path).toString("base64");
      else out[`${prefix}${name}`] = `<special ${info.mode.toString(8)}>`;
    }
  };
  walk(dir, "");
  return out;
}

export function freshDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `perf-report-hostile-${prefix}-`));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** `freshDir` for one test file: every folder it makes is removed after the file's tests. */
export function tempDirs(): (prefix: string) => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return (prefix) => {
    const d = freshDir(prefix);
    dirs.push(d);
    return d;
  };
}

/**
 * The closed list of finding codes loading and checking can produce: the families io.*,
 * load.*, yaml.*, schema.* (each member spelled out where the source names it) and the rule
 * ids of src/check/rule-ids.ts.
 */
export const CODE_FAMILIES = ["io.", "load.", "yaml.", "schema."] as const;

export function isKnownCode(code: string): boolean {
  if (RULE_IDS.includes(code)) return true;
  return CODE_FAMILIES.some((family) => code.startsWith(family) && /^[a-z]+\.[A-Za-z-]+$/.test(code));
}

/** Findings that may come without a position: the file could not be read at all. */
export function mayLackPosition(code: string): boolean {
  return code.startsWith("io.");
}

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
