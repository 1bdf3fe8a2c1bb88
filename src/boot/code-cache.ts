import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";
import { isMainThread, threadId } from "node:worker_threads";
import { crc32 } from "node:zlib";

/**
 * V8 code cache for the bundle (Node 20 has no module compile cache of its own). The build
 * runs the CLI once on the example with PERF_REPORT_WRITE_CODE_CACHE=1, and each script in
 * dist/ then leaves its bytecode — every function the run compiled, not just the top level —
 * in dist/cache/. Later starts hand that to V8 instead of parsing and compiling again.
 *
 * V8 itself checks only its own version and flags and the source's length, and does not
 * verify the cache's checksum: a damaged cache can crash the process, and a rebuilt bundle of
 * the same length would run the old code. So dist/cache/manifest.json records a CRC-32 of each
 * script's source and of its cache, and a cache is handed to V8 only when both match. A stale
 * or damaged cache costs speed, never correctness.
 */

// This file is bundled into dist/boot.cjs; it serves the scripts beside it.
const DIST = __dirname;
const CACHE = join(DIST, "cache");
const MANIFEST = join(CACHE, "manifest.json");
const WRITE = process.env.PERF_REPORT_WRITE_CODE_CACHE === "1";
const DEBUG = process.env.PERF_REPORT_DEBUG_CODE_CACHE === "1";

interface Entry {
  /** CRC-32 and length of the script's source. */
  source: number;
  length: number;
  /** CRC-32 of its cache file. */
  cache: number;
}

type Compile = (this: NodeModule, content: string, filename: string) => unknown;
const internal = Module.prototype as unknown as { _compile: Compile };
/** The scripts compiled in a training run (PERF_REPORT_WRITE_CODE_CACHE=1), whose caches it writes. */
const scripts = new Map<string, { script: Script; content: string }>();
let manifest: Record<string, Entry> | undefined;

function install(): void {
  const original = internal._compile;
  internal._compile = function (content, filename) {
    if (!filename.endsWith(".cjs") || dirname(filename) !== DIST) return original.call(this, content, filename);
    const name = basename(filename);
    const cachedData = WRITE ? undefined : verifiedCache(name, content);
    // The wrapper Node itself puts around a CommonJS module, on the module's first line.
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${content}\n})`, { filename, cachedData });
    const accepted = cachedData !== undefined && !script.cachedDataRejected;
    // PERF_REPORT_DEBUG_CODE_CACHE=1: one line per script, whether V8 took its cache.
    if (DEBUG) process.stderr.write(`code cache: ${name} ${accepted ? "accepted" : "not used"}${isMainThread ? "" : ` (worker ${threadId})`}\n`);
    if (WRITE) scripts.set(name, { script, content });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  if (WRITE) process.on("exit", writeCaches);
}

/** The cache of `name`, when the manifest vouches for both it and the source it was made from. */
function verifiedCache(name: string, content: string): Buffer | undefined {
  try {
    manifest ??= JSON.parse(readFileSync(MANIFEST, "utf8")) as Record<string, Entry>;
    const entry = manifest[name];
    if (!entry || entry.length !== content.length || entry.source !== crc32(content)) return undefined;
    const cache = readFileSync(join(CACHE, `${name}.cache`));
    return crc32(cache) === entry.cache ? cache : undefined;
  } catch {
    return undefined;
  }
}

/** Writes each script's cache as it is now (with the bytecode of every function run so far), then the manifest. */
function writeCaches(): void {
  mkdirSync(CACHE, { recursive: true });
  const entries: Record<string, Entry> = {};
  const write = (file: string, data: Uint8Array | string) => {
    const temporary = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  };
  for (const [name, { script, content }] of scripts) {
    const cache = script.createCachedData();
    write(join(CACHE, `${name}.cache`), cache);
    entries[name] = { source: crc32(content), length: content.length, cache: crc32(cache) };
  }
  write(MANIFEST, `${JSON.stringify(entries, null, 2)}\n`);
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
