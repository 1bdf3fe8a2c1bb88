import { DOMParser, type Element } from "@xmldom/xmldom";
import type { MessageKey, Params } from "../i18n/messages.js";

/** A report that cannot be read, with the catalogue's words for why. */
export class ReadFailure extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
  ) {
    super(key);
    this.name = "ReadFailure";
  }
}

/**
 * Parses an XML part with @xmldom/xmldom, which expands no entity it was not born knowing;
 * a DOCTYPE (never in a Word file, always in an entity-expansion attack) is refused outright.
 */
export function parseXml(bytes: Uint8Array, part: string): Element {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ReadFailure("audit.read.xml", { part, reason: "not UTF-8" });
  }
  const fail = (reason: string): never => {
    throw new ReadFailure("audit.read.xml", { part, reason });
  };
  // xmldom wraps what onError throws in an error of its own: keep the first reason, then stop.
  let reason: string | undefined;
  let doc: ReturnType<DOMParser["parseFromString"]>;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level === "warning") return;
        reason ??= String(message).split("\n")[0] ?? "";
        throw new Error(reason);
      },
    }).parseFromString(text, "text/xml");
  } catch (error) {
    return fail(reason ?? (error instanceof Error ? error.message : String(error)));
  }
  if (doc.doctype) throw new ReadFailure("audit.read.doctype", { part });
  const root = doc.documentElement;
  if (!root) return fail("no root element");
  return root;
}

export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}
