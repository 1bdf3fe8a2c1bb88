import { realpath } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

/**
 * What two paths share when they name the same file: the real path (symlinks and `..`
 * resolved), lower-cased because macOS and Windows ignore case. Works for a file that does
 * not exist yet (an output) through its folder's real path.
 */
export async function fileKey(path: string): Promise<string> {
  const real = await realpath(path).catch(async () => {
    const dir = await realpath(dirname(path)).catch(() => undefined);
    return dir === undefined ? resolve(path) : join(dir, basename(path));
  });
  return real.toLowerCase();
}

/** Pairs [fileKey, name] for the files a run reads. */
export async function inputKeys(files: readonly string[]): Promise<[string, string][]> {
  return Promise.all(files.map(async (f): Promise<[string, string]> => [await fileKey(f), f]));
}

/** The input an output would replace, or undefined: outputs never overwrite a file the run reads. */
export async function overwrittenInput(output: string, inputs: readonly [string, string][]): Promise<string | undefined> {
  const key = await fileKey(output);
  return inputs.find(([k]) => k === key)?.[1];
}
