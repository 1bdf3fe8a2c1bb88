import { randomBytes } from "node:crypto";
import { lstatSync, readdirSync, rmSync } from "node:fs";
import { lstat, readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * The temporary files of atomic writes: `.<output name>.<run token>.<unique>.tmp` beside the
 * output. The run token is shared by all the threads of one run, so that a run can take away
 * what it left (a second Ctrl-C ends workers mid-write) and nothing anybody else made; the
 * unique part keeps the writes of one run apart.
 */
const PATTERN = /^\..+\.([0-9a-f]{12})\.[0-9a-f]{8}\.tmp$/;

/** Temporaries a killed run left (SIGKILL, a power cut) are this old before a later run removes them. */
export const STALE_AFTER_MS = 60 * 60 * 1000;

/** Long output names are cut in the temporary's name, so that it fits where the output fits (255 bytes). */
const NAME_CHARS = 48;

export function newRunToken(): string {
  return randomBytes(6).toString("hex");
}

/** This thread's run: a process that is not part of a batch (schema -o, one build) is a run of its own. */
let token = newRunToken();

/** The token `temporaryName` uses in this thread from now on (a pool's workers adopt their run's). */
export function adoptRunToken(run: string): void {
  token = run;
}

export function temporaryName(target: string): string {
  const name = Array.from(basename(target)).slice(0, NAME_CHARS).join("");
  return join(dirname(target), `.${name}.${token}.${randomBytes(4).toString("hex")}.tmp`);
}

/** Synchronously removes the temporaries of run `run` from `dirs` (at a second Ctrl-C, as the run ends). */
export function removeRunTemporaries(dirs: Iterable<string>, run: string): void {
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (PATTERN.exec(name)?.[1] !== run) continue;
      if (lstatSync(join(dir, name), { throwIfNoEntry: false })?.isFile()) rmSync(join(dir, name), { force: true });
    }
  }
}

/** Folders this thread has swept already: once each is enough. */
const swept = new Set<string>();

/**
 * Removes from `dir` the temporaries of this naming pattern older than an hour: what a run
 * that was killed outright left. Plain files only; never fails the write that asked.
 */
export async function removeStaleTemporaries(dir: string): Promise<void> {
  if (swept.has(dir)) return;
  swept.add(dir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const before = Date.now() - STALE_AFTER_MS;
  for (const name of names) {
    if (!PATTERN.test(name)) continue;
    const info = await lstat(join(dir, name)).catch(() => undefined);
    if (info?.isFile() && info.mtimeMs < before) await rm(join(dir, name), { force: true }).catch(() => undefined);
  }
}
