import type { Lang } from "../i18n/lang.js";
import { isMessageKey, msg } from "../i18n/messages.js";
import type { Finding } from "../findings/finding.js";
import type { UnitResult } from "./result.js";
import { emptyRow } from "./result.js";

/**
 * Errors the machine causes, not the input nor perf-report: a full disk, missing permissions,
 * a read-only disk, too many open files, a path through a file. Reported with the cause in words.
 */
const ENVIRONMENT = new Set(["ENOSPC", "EDQUOT", "EACCES", "EPERM", "EROFS", "EIO", "EMFILE", "ENFILE", "EFBIG", "ENOTDIR", "ENOENT", "EBUSY", "ETXTBSY", "ENOMEM"]);

/** Refusals of an output path the user named (a folder, a device, a symlink): their input, not the machine. */
const REFUSED_OUTPUT = new Set(["ENOTREG", "EISDIR"]);

export type Kind = "environment" | "input" | "internal";

/** A system error's code; mkdir's EEXIST means a part of the output's path is a file, not a folder. */
function codeOf(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  return e?.code === "EEXIST" && e.syscall === "mkdir" ? "ENOTDIR" : e?.code;
}

export function kindOf(error: unknown): Kind {
  const code = codeOf(error);
  if (typeof code !== "string") return "internal";
  if (REFUSED_OUTPUT.has(code)) return "input";
  return ENVIRONMENT.has(code) ? "environment" : "internal";
}

/** A system error's cause in words ("write.ENOSPC" → 磁盘空间不足), or its code when the catalogue has none. */
export function reasonOf(error: unknown, lang: Lang): string {
  const code = codeOf(error);
  const key = `write.${code}`;
  return isMessageKey(key) ? msg(lang, key) : (code ?? (error instanceof Error ? error.message : String(error)));
}

/** A bug in perf-report, as one unit's result: "please report", the reason, and the stack kept for --debug. */
export function internalResult(file: string, error: unknown, lang: Lang): UnitResult {
  const reason = error instanceof Error ? error.message : String(error);
  const finding: Finding = { code: "internal", severity: "error", message: msg(lang, "internal.error", { reason }), file };
  return {
    file,
    outcome: "internal",
    findings: [finding],
    checks: 0,
    texts: {},
    row: { ...emptyRow(file), findings: 1 },
    messages: [],
    written: [],
    reads: [file],
    ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
  };
}
