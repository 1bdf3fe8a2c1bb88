import type { Finding } from "../findings/finding.js";
import { message, type Message } from "../i18n/messages.js";
import { readGuarded } from "./guarded-read.js";

/** The text of one input file, decoded, with the name it is reported under. */
export interface Source {
  file: string;
  text: string;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface ReadOptions {
  maxBytes?: number;
}

export type ReadResult = { ok: true; source: Source } | { ok: false; finding: Finding };

/** Reads a dataset file as strict UTF-8. Every way it can fail becomes a finding, never a throw. */
export async function readSource(file: string, options: ReadOptions = {}): Promise<ReadResult> {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fail = (code: string, what: Message, pos?: Finding["pos"]): ReadResult => ({
    ok: false,
    finding: { code, severity: "error", ...what, file, pos },
  });
  const read = await readGuarded(file, limit);
  if (!read.ok) return fail(read.refusal.key, { key: read.refusal.key, params: read.refusal.params });
  const bytes = read.bytes;
  const decoded = decodeText(bytes);
  if ("error" in decoded) {
    const { error, offset } = decoded;
    if (error === "utf16") return fail("io.utf16", message("io.utf16"), { line: 1, col: 1 });
    if (error === "utf32") return fail("io.utf32", message("io.utf32"), { line: 1, col: 1 });
    const pos = positionOfByte(bytes, offset);
    if (error === "nul") return fail("io.nul", message("io.nul"), pos);
    return fail("io.encoding", message("io.encoding", { offset }), pos);
  }
  return { ok: true, source: { file, text: decoded.text } };
}

type Decoded = { text: string } | { error: "utf16" | "utf32" | "encoding" | "nul"; offset: number };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Strict UTF-8 (a UTF-8 BOM is dropped); UTF-16 and binary files are refused by name. */
export function decodeText(bytes: Uint8Array): Decoded {
  const utf32 = (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff);
  if (utf32) return { error: "utf32", offset: 0 };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: "utf16", offset: 0 };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { error: "nul", offset: nul };
  try {
    // A lone CR is a line break in YAML 1.2 (classic Mac, some exports), but not to the YAML
    // library: make it LF. Same length, so every offset and position stays as it was.
    return { text: utf8.decode(bytes).replace(/\r(?!\n)/g, "\n") };
  } catch {
    return { error: "encoding", offset: firstInvalidUtf8(bytes) };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    try {
      utf8.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return 0;
}

function positionOfByte(bytes: Uint8Array, offset: number): Finding["pos"] {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  // Columns count characters; the bytes before the bad one on its line are valid UTF-8.
  const col = new TextDecoder().decode(bytes.subarray(start, offset)).length + 1;
  return { line, col };
}
