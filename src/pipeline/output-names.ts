import { basename, extname, join, resolve } from "node:path";
import type { OutputFormat } from "../write/formats.js";
import type { BuildUnitOptions } from "./result.js";

export function outputName(file: string, format: OutputFormat, out: BuildUnitOptions["out"]): string {
  if ("file" in out) return out.file;
  return join(out.dir, `${out.stem ?? outputStem(file)}.${format}`);
}

/** An output's name comes from the dataset's file name, never from its content. */
export function outputStem(file: string): string {
  return safeName(basename(file, extname(file)));
}

/** Letters, digits, . _ - only, and never a hidden (dot) file. */
function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, "_").replace(/^\.+/, "") || "report";
}

/**
 * Output names for a batch: each dataset's file name, or — where two datasets share one
 * (countyA/2021.yaml, countyB/2021.yaml) — its path below their common folder.
 */
export function outputStems(files: readonly string[]): Map<string, string> {
  const stems = new Map(files.map((f) => [f, outputStem(f)]));
  const count = new Map<string, number>();
  for (const s of stems.values()) count.set(s, (count.get(s) ?? 0) + 1);
  const clashing = files.filter((f) => count.get(stems.get(f)!)! > 1).map((f) => resolve(f));
  if (clashing.length === 0) return stems;
  const parts = clashing.map((f) => f.split(/[\\/]/));
  const shortest = Math.min(...parts.map((p) => p.length));
  let common = 0;
  while (common < shortest - 1 && parts.every((p) => p[common] === parts[0]![common])) common++;
  for (const f of files) {
    if (count.get(stems.get(f)!)! > 1) {
      const rel = resolve(f).split(/[\\/]/).slice(common);
      rel[rel.length - 1] = basename(rel[rel.length - 1]!, extname(rel[rel.length - 1]!));
      stems.set(f, safeName(rel.join("-")));
    }
  }
  // A folder-derived name can still meet another dataset's own name: number the later ones.
  const taken = new Set<string>();
  for (const f of files) {
    let stem = stems.get(f)!;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${stems.get(f)!}-${n}`;
    taken.add(stem.toLowerCase());
    stems.set(f, stem);
  }
  return stems;
}
