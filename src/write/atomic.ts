import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Temporary files still open, removed if the process is interrupted. */
export const pendingTemporaries = new Set<string>();

/**
 * Writes a file so that readers see either the old content or the new, never a part:
 * a temporary file in the same folder, flushed to disk, then renamed over the target.
 */
export async function writeAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  pendingTemporaries.add(temporary);
  try {
    const handle = await open(temporary, "wx", 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    pendingTemporaries.delete(temporary);
  }
}
