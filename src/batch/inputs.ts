import { readdir, type Dirent } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";

/** How far a search of one folder or pattern may go: folders below it, and entries read in all. */
export interface WalkLimits {
  depth: number;
  entries: number;
}

export const WALK_LIMITS: WalkLimits = { depth: 32, entries: 200_000 };

/** A search cut short: `limit` was reached at `value`. Its list of files is incomplete, so the run is refused. */
export interface Exceeded {
  input: string;
  limit: keyof WalkLimits;
  value: number;
}

/**
 * Command-line inputs to dataset files: files as given (a missing one is reported by the
 * loader, by name), directories searched for *.yaml / *.yml, glob patterns expanded.
 * Searches follow no symbolic link — a link in data/ to another folder (or to /) is not
 * entered, and a link to a file is not taken — and stop at `limits`. Sorted, and one
 * dataset reached by several paths (a link, ./, ../) is one unit, so that runs are repeatable.
 */
/** The dataset files the inputs name; the patterns that matched nothing; the searches cut short. */
export interface Expansion {
  files: string[];
  empty: string[];
  exceeded: Exceeded[];
}

export async function expandInputs(inputs: readonly string[], limits: WalkLimits = WALK_LIMITS, patterns: readonly string[] = ["**/*.yaml", "**/*.yml"]): Promise<Expansion> {
  const files: string[] = [];
  const empty: string[] = [];
  const exceeded: Exceeded[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    let found: string[];
    const walk = boundedFs(limits);
    const options = { followSymbolicLinks: false, fs: walk.fs, ignore: ["**/node_modules/**"] };
    if (info?.isDirectory()) {
      found = await glob([...patterns], { ...options, cwd: input }).then((list) => list.map((f) => joinPath(input, f)));
    } else if (!info && isDynamicPattern(input)) {
      // The search starts at the pattern's fixed folder ("data/2021" of "data/2021/**/*.yaml"):
      // given the whole pattern, tinyglobby reads every folder from the common root of it and
      // the current directory ("/" for an absolute one) down. An absolute pattern gives
      // absolute names, a relative one names relative to here.
      const { base, rest } = splitPattern(input);
      found = await glob(rest, { ...options, cwd: base === "" ? "." : base }).then((list) => list.map((f) => (base === "" ? f : joinPath(base, f))));
    } else {
      files.push(input);
      continue;
    }
    if (walk.exceeded) exceeded.push({ input, limit: walk.exceeded, value: limits[walk.exceeded] });
    else if (found.length === 0) empty.push(input);
    files.push(...found.sort());
  }
  // One dataset named twice ("a.yaml", "./a.yaml", a link to it) is one unit, under its first name.
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const file of files) {
    const real = await realpath(file).catch(() => resolve(file));
    if (seen.has(real)) continue;
    seen.add(real);
    unique.push(file);
  }
  return { files: unique, empty, exceeded };
}

type Readdir = (path: string, options: { withFileTypes: true }, callback: (error: NodeJS.ErrnoException | null, entries: Dirent[]) => void) => void;

/**
 * The file system as one search sees it: each folder deeper than `limits.depth` below the
 * first one read, and every folder once `limits.entries` entries have been read, is empty —
 * and `exceeded` says which limit cut the search short.
 */
function boundedFs(limits: WalkLimits): { fs: { readdir: typeof readdir }; readonly exceeded?: keyof WalkLimits } {
  let root: string | undefined;
  let entries = 0;
  const state: { exceeded?: keyof WalkLimits } = {};
  const bounded: Readdir = (path, options, callback) => {
    root ??= resolve(path);
    const depth = relative(root, resolve(path)).split(sep).filter(Boolean).length;
    if (depth > limits.depth) state.exceeded ??= "depth";
    if (state.exceeded) return callback(null, []);
    readdir(path, options, (error, list) => {
      entries += list?.length ?? 0;
      if (entries > limits.entries) {
        state.exceeded ??= "entries";
        return callback(null, []);
      }
      callback(error, list);
    });
  };
  return {
    fs: { readdir: bounded as unknown as typeof readdir },
    get exceeded() {
      return state.exceeded;
    },
  };
}

// A pattern's fixed leading folders and the dynamic rest: "/a/b/**/*.yaml" → "/a/b" and "**/*.yaml".
function splitPattern(pattern: string): { base: string; rest: string } {
  const parts = pattern.split("/");
  let fixed = 0;
  while (fixed < parts.length - 1 && !isDynamicPattern(parts[fixed]!)) fixed++;
  const base = parts.slice(0, fixed).join("/");
  return { base: base === "" && isAbsolute(pattern) ? "/" : base, rest: parts.slice(fixed).join("/") };
}

function joinPath(dir: string, file: string): string {
  return dir.endsWith("/") ? `${dir}${file}` : `${dir}/${file}`;
}
