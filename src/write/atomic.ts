import { lstat, mkdir, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { removeStaleTemporaries, temporaryName } from "./temporary.js";

/**
 * Writes a file so that readers see either the old content or the new, never a part:
 * a temporary file in the same folder, flushed to disk, then renamed over the target.
 * A file written over keeps its mode (a 0600 report stays private); a new one is 0644.
 * `beforeRename` may throw to call the write off (a cancelled run): the temporary file goes.
 */
export async function writeAtomic(target: string, data: Uint8Array | string, beforeRename?: () => void): Promise<void> {
  // Renaming over a device, a pipe or a folder would replace it: only files are outputs.
  const existing = await lstat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    throw Object.assign(new Error(`${target} is not a regular file`), { code: "ENOTREG", path: target });
  }
  // The output folder is made when there is something to put in it, not before.
  await mkdir(dirname(target), { recursive: true });
  await removeStaleTemporaries(dirname(target));
  const temporary = temporaryName(target);
  try {
    const handle = await open(temporary, "wx", 0o644);
    try {
      // Set outright, since the mode given to open is narrowed by the umask.
      if (existing) await handle.chmod(existing.mode & 0o777);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    beforeRename?.();
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
