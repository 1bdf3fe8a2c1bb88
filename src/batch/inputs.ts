import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";

/**
 * Command-line inputs to dataset files: files as given (a missing one is reported by the
 * loader, by name), directories searched for *.yaml / *.yml, glob patterns expanded.
 * Sorted, without duplicates, so that runs are repeatable.
 */
export async function expandInputs(inputs: readonly string[], patterns: readonly string[] = ["**/*.yaml", "**/*.yml"]): Promise<{ files: string[]; empty: string[] }> {
  const files: string[] = [];
  const empty: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    let found: string[];
    if (info?.isDirectory()) {
      found = await glob([...patterns], { cwd: input, absolute: false, ignore: ["**/node_modules/**"] }).then((list) => list.map((f) => joinPath(input, f)));
    } else if (!info && isDynamicPattern(input)) {
      found = await glob(input, { absolute: false, ignore: ["**/node_modules/**"] });
    } else {
      files.push(input);
      continue;
    }
    if (found.length === 0) empty.push(input);
    files.push(...found.sort());
  }
  // One dataset named twice ("a.yaml", "./a.yaml") is one unit.
  const seen = new Set<string>();
  return { files: files.filter((f) => !seen.has(resolve(f)) && Boolean(seen.add(resolve(f)))), empty };
}

function joinPath(dir: string, file: string): string {
  return dir.endsWith("/") ? `${dir}${file}` : `${dir}/${file}`;
}
