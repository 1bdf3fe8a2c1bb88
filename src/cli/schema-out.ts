import { lstat, readFile } from "node:fs/promises";
import type { Lang } from "../i18n/lang.js";
import { msg } from "../i18n/messages.js";
import { kindOf, reasonOf } from "../pipeline/classify.js";
import { inputKeys, overwrittenInput } from "../pipeline/guard.js";
import { writeAtomic } from "../write/atomic.js";
import { EXIT, exitCode } from "./exit.js";
import type { Io } from "./main.js";

/** Larger than any schema this tool writes: such a file is not one of its outputs. */
const SCHEMA_LIMIT = 16 * 1024 * 1024;

/**
 * `schema -o FILE`: written atomically, never through a symlink or over a device, and never
 * over a file that is not JSON Schema output (a dataset, say) — so re-running it replaces
 * only an earlier schema.
 */
export async function writeSchema(out: string, text: string, source: string, lang: Lang, io: Io): Promise<number> {
  const input = await overwrittenInput(out, await inputKeys([source]));
  if (input !== undefined) {
    io.err(`perf-report: ${out}: ${msg(lang, "build.overwrite-input", { file: input })}\n`);
    return EXIT.usage;
  }
  const existing = await lstat(out).catch(() => undefined);
  if (existing?.isFile() && !(existing.size <= SCHEMA_LIMIT && isJsonSchema(await readFile(out, "utf8").catch(() => "")))) {
    io.err(`${msg(lang, "schema.not-schema", { file: out })}\n`);
    return EXIT.usage;
  }
  try {
    await writeAtomic(out, text);
    return EXIT.ok;
  } catch (error) {
    const kind = kindOf(error);
    if (kind === "internal") throw error;
    const reason = reasonOf(error, lang);
    io.err(`perf-report: ${out}: ${kind === "input" ? reason : msg(lang, "build.cannot-write", { reason })}\n`);
    return exitCode(kind);
  }
}

function isJsonSchema(text: string): boolean {
  try {
    const data = JSON.parse(text) as { $schema?: unknown } | null;
    return typeof data?.$schema === "string" && /^https?:\/\/json-schema\.org\//.test(data.$schema);
  } catch {
    return false;
  }
}
