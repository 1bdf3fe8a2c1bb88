import { constants } from "node:fs";
import { open } from "node:fs/promises";
import type { MessageKey, Params } from "../i18n/messages.js";

/** Why an input file was not read, as a catalogue key and its parameters. */
export interface Refusal {
  key: Extract<MessageKey, `io.${string}`>;
  params: Params;
}

export type Guarded = { ok: true; bytes: Buffer } | { ok: false; refusal: Refusal };

// Opening a pipe to read waits for a writer unless it is opened non-blocking; a file does not care.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;

/**
 * Reads an input file whole — a dataset, a template, a style — only when it is a regular
 * file of at most `maxBytes`: a pipe or a device (/dev/zero) has no size to check and may
 * never end, and a file that grows while it is read is cut off at the limit and refused.
 * What is checked is the file opened, not the name looked up before.
 */
export async function readGuarded(file: string, maxBytes: number): Promise<Guarded> {
  const refuse = (key: Refusal["key"], params: Params = {}): Guarded => ({ ok: false, refusal: { key, params } });
  let handle;
  try {
    handle = await open(file, FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return refuse("io.not-found");
    if (code === "EISDIR") return refuse("io.is-directory");
    return refuse("io.unreadable", { reason: code ?? String(error) });
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return refuse("io.is-directory");
    if (!info.isFile()) return refuse("io.not-a-file");
    if (info.size > maxBytes) return refuse("io.too-large", { size: info.size, limit: maxBytes });
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return refuse("io.too-large", { size: total, limit: maxBytes });
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EISDIR") return refuse("io.is-directory");
    return refuse("io.unreadable", { reason: code ?? String(error) });
  } finally {
    await handle.close();
  }
}

/** A refused read, thrown where a promise chain carries it (a template compiled once per run). */
export class ReadRefused extends Error {
  constructor(
    readonly file: string,
    readonly refusal: Refusal,
  ) {
    super(`${file}: ${refusal.key}`);
    this.name = "ReadRefused";
  }
}

/** The text of a guarded read (UTF-8), or a ReadRefused thrown. */
export async function readTextGuarded(file: string, maxBytes: number): Promise<string> {
  const read = await readGuarded(file, maxBytes);
  if (!read.ok) throw new ReadRefused(file, read.refusal);
  return read.bytes.toString("utf8");
}
