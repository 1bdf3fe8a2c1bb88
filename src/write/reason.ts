import type { Lang } from "../i18n/lang.js";
import { isMessageKey, msg } from "../i18n/messages.js";

/** Why a write failed, in words where the catalogue has them ("write.ENOSPC", …), else the system's code or message. */
export function writeReason(error: unknown, lang: Lang): string {
  const e = error as NodeJS.ErrnoException;
  const key = `write.${e.code}`;
  return isMessageKey(key) ? msg(lang, key) : (e.code ?? e.message ?? String(error));
}
