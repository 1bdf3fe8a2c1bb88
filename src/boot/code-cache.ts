import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { basename, dirname, join, sep } from "node:path";
import { Script } from "node:vm";
import { isMainThread, threadId } from "node:worker_threads";

/**
 * V8 code cache for the bundle (Node 20 has no module compile cache of its own). The build
 * runs the CLI once on the example with PERF_REPORT_WRITE_CODE_CACHE=1, and each script in
 * dist/ then leaves its bytecode — every function the run compiled, not just the top level —
 * in dist/cache/. Later starts hand that to V8 instead of parsing and compiling again. V8
 * checks the cache against the source and its own version and flags and ignores it on any
 * mismatch (another Node version, a rebuilt bundle): a stale cache costs speed, never
 * correctness.
 */

// This file is bundled into dist/boot.cjs; it serves the scripts beside it.
const DIST = __dirname;
const CACHE = join(DIST, "cache");
const WRITE = process.env.PERF_REPORT_WRITE_CODE_CACHE === "1";
const DEBUG = process.env.PERF_REPORT_DEBUG_CODE_CACHE === "1";

type Compile = (this: NodeModule, content: string, filename: string) => unknown;
const internal = Module.prototype as unknown as { _compile: Compile };
const scripts = new Map<string, Script>();

function install(): void {
  const original = internal._compile;
  internal._compile = function (content, filename) {
    if (!filename.endsWith(".cjs") || dirname(filename) + sep !== DIST + sep) return original.call(this, content, filename);
    const name = basename(filename);
    const cachedData = WRITE ? undefined : readCache(name);
    // The wrapper Node itself puts around a CommonJS module, on the module's first line.
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${content}\n})`, { filename, cachedData });
    const accepted = cachedData !== undefined && !script.cachedDataRejected;
    // PERF_REPORT_DEBUG_CODE_CACHE=1: one line per script, whether V8 took its cache.
    if (DEBUG) process.stderr.write(`code cache: ${name} ${accepted ? "accepted" : "not used"}${isMainThread ? "" : ` (worker ${threadId})`}\n`);
    scripts.set(name, script);
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  if (WRITE) process.on("exit", writeCaches);
}

function readCache(name: string): Buffer | undefined {
  try {
    return readFileSync(join(CACHE, `${name}.cache`));
  } catch {
    return undefined;
  }
}

/** Writes each script's cache as it is now: with the bytecode of every function run so far. */
export function writeCaches(): void {
  mkdirSync(CACHE, { recursive: true });
  for (const [name, script] of scripts) {
    const file = join(CACHE, `${name}.cache`);
    writeFileSync(`${file}.${process.pid}.tmp`, script.createCachedData());
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
}

let installed = false;

/** Requires a script of dist/ (and, through it, the others) with the code cache in use. */
export function load<T>(name: string): T {
  if (!installed) {
    install();
    installed = true;
  }
  return createRequire(join(DIST, name))(join(DIST, name)) as T;
}
