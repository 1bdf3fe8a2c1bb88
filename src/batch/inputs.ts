import { stat } from "node:fs/promises";
import { glob, isDynamicPattern } from "tinyglobby";

/**
 * Command-line inputs to dataset files: files as given (a missing one is reported by the
 * loader, by name), directories searched for *.yaml / *.yml, glob patterns expanded.
 * Sorted, without duplicates, so that runs are repeatable.
 */
export async function expandInputs(inputs: readonly string[]): Promise<{ files: string[]; empty: string[] }> {
  const files: string[] = [];
  const empty: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    let found: string[];
    if (info?.isDirectory()) {
      found = await glob(["**/*.yaml", "**/*.yml"], { cwd: input, absolute: false, ignore: ["**/node_modules/**"] }).then((list) => list.map((f) => joinPath(input, f)));
    } else if (!info && isDynamicPattern(input)) {
      found = await glob(input, { absolute: false, ignore: ["**/node_modules/**"] });
    } else {
      files.push(input);
      continue;
    }
    if (found.length === 0) empty.push(input);
    files.push(...found.sort());
  }
  return { files: [...new Set(files)], empty };
}

function joinPath(dir: string, file: string): string {
  return dir.endsWith("/") ? `${dir}${file}` : `${dir}/${file}`;
}
