import { DOMParser, type Element } from "@xmldom/xmldom";
import { DocumentBuilder, type AuditDocument } from "./document.js";
import { childElements } from "./xml.js";

const BLOCKS = new Set(["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "section", "article", "td", "th"]);
const SKIP = new Set(["script", "style", "head", "noscript", "template"]);

/** An HTML report (a page saved from a government site): block elements are paragraphs, tables are tables. */
export function readHtml(file: string, text: string): AuditDocument {
  const doc = new DOMParser({ onError: () => undefined }).parseFromString(text, "text/html");
  const out = new DocumentBuilder();
  const root = doc.documentElement;
  if (root) walk(root, out);
  return out.done(file);
}

function walk(el: Element, out: DocumentBuilder): void {
  let inline = "";
  const flush = () => {
    out.paragraph(inline);
    inline = "";
  };
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) inline += n.nodeValue ?? "";
    if (n.nodeType !== 1) continue;
    const child = n as Element;
    const name = (child.localName ?? "").toLowerCase();
    if (SKIP.has(name)) continue;
    if (name === "br") {
      flush();
    } else if (name === "table") {
      flush();
      out.startTable();
      rows(child).forEach((tr) => out.row(childElements(tr).filter((c) => /^t[dh]$/i.test(c.localName ?? "")).map((c) => c.textContent ?? "")));
    } else if (BLOCKS.has(name) || childElements(child).length > 0 && hasBlock(child)) {
      flush();
      walk(child, out);
    } else inline += child.textContent ?? "";
  }
  flush();
}

function hasBlock(el: Element): boolean {
  return childElements(el).some((c) => BLOCKS.has((c.localName ?? "").toLowerCase()) || (c.localName ?? "").toLowerCase() === "table" || hasBlock(c));
}

function rows(table: Element): Element[] {
  const out: Element[] = [];
  for (const c of childElements(table)) {
    const name = (c.localName ?? "").toLowerCase();
    if (name === "tr") out.push(c);
    else if (name === "thead" || name === "tbody" || name === "tfoot") out.push(...rows(c));
  }
  return out;
}
