import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { RULE_IDS } from "../../src/check/rule-ids.js";

/** The repository root: the CLI runs from here, so fixture paths in its output are stable. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BAD = "test/fixtures/bad";
export const INVALID = "test/fixtures/invalid";
export const EXAMPLE = "examples/yongzhou-2020.yaml";

/** A Node stack frame ("    at foo (file.js:1:2)"): must never reach the user. */
export const STACK_FRAME = /^\s+at /m;

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
  remove(): void;
}

export function privateCli(): PrivateCli {
  const root = mkdtempSync(join(tmpdir(), "perf-report-hostile-cli-"));
  for (const file of ["package.json"]) copyFileSync(join(ROOT, file), join(root, file));
  for (const dir of ["bin", "scripts"]) if (existsSync(join(ROOT, dir))) cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
  for (const dir of ["src", "schemas", "templates", "examples", "node_modules"]) if (existsSync(join(ROOT, dir))) symlinkSync(join(ROOT, dir), join(root, dir), "dir");
  const script = join(root, "scripts/build.mjs");
  let built = false;
  let log = "";
  if (existsSync(script)) {
    const r = spawnSync(process.execPath, [script], { cwd: root, encoding: "utf8", timeout: 120_000 });
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
  return { root, bin: join(root, "bin/perf-report.js"), remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Set when the run was killed for taking longer than `timeout`. */
  timedOut: boolean;
}

/** An environment without a locale (so the CLI speaks Chinese) and without CI variables. */
export function hostileEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "NODE_OPTIONS", "GITHUB_STEP_SUMMARY", "CI", "FORCE_COLOR"]) delete env[key];
  return { ...env, ...extra };
}

/** Runs the CLI as a child process; never hangs the test: killed (SIGKILL) after `timeout` ms. */
export function runCli(bin: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? hostileEnv(), stdio: ["ignore", "pipe", "pipe"] });
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
