import type { Model } from "../compute/model.js";
import type { Finding } from "../findings/finding.js";
import type { Message } from "../i18n/messages.js";

/** A reconciliation rule: its findings; `ran(rule)` once for every check it makes. */
export type Rule = (model: Model, ran: (rule: string) => void) => Finding[];

/** A finding of `code` at the dataset's `pointer` (the value, or its key when the value is absent). */
export function at(model: Model, pointer: string, code: string, what: Message, severity: Finding["severity"] = "error"): Finding {
  return { code, severity, ...what, file: model.file, path: pointer, pos: model.inputs.pos(pointer) };
}
