/**
 * A small strict XML reader for tests: enough to prove a document is well-formed (one root,
 * balanced and properly nested tags, quoted attributes without duplicates, only the five
 * predefined entities or character references, no stray `<` or `&`) and to walk its tree.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (raw.includes("<")) throw new Error(`“<” in ${where}`);
  return raw.replace(/&([^;]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(";")) throw new Error(`unterminated “&” in ${where}`);
    if (body in ENTITIES) return ENTITIES[body]!;
    const num = /^#(\d+)$/.exec(body) ?? /^#x([0-9a-fA-F]+)$/.exec(body);
    if (num) return String.fromCodePoint(parseInt(num[1]!, body.startsWith("#x") ? 16 : 10));
    throw new Error(`unknown entity &${body}; in ${where}`);
  });
}

export function parseXml(text: string): XmlElement {
  let i = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${i}: ${JSON.stringify(text.slice(i, i + 40))}`);
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  if (text.startsWith("<?xml")) {
    const end = text.indexOf("?>");
    if (end < 0) fail("unterminated XML declaration");
    i = end + 2;
  }
  skipSpace();

  const element = (): XmlElement => {
    if (text[i] !== "<") fail("expected “<”");
    i++;
    const name = NAME.exec(text.slice(i))?.[0] ?? fail("expected an element name");
    i += name.length;
    const el: XmlElement = { name, attributes: {}, children: [], text: "" };
    for (;;) {
      const before = i;
      skipSpace();
      if (text.startsWith("/>", i)) {
        i += 2;
        return el;
      }
      if (text[i] === ">") {
        i++;
        break;
      }
      if (i === before) fail("expected whitespace before an attribute");
      const attr = NAME.exec(text.slice(i))?.[0] ?? fail("expected an attribute name");
      i += attr.length;
      if (text[i] !== "=") fail("expected “=”");
      i++;
      const quote = text[i];
      if (quote !== '"' && quote !== "'") fail("expected a quoted attribute value");
      const end = text.indexOf(quote!, i + 1);
      if (end < 0) fail("unterminated attribute value");
      if (attr in el.attributes) fail(`duplicate attribute ${attr}`);
      el.attributes[attr] = decode(text.slice(i + 1, end), `attribute ${attr}`);
      i = end + 1;
    }
    for (;;) {
      const next = text.indexOf("<", i);
      if (next < 0) fail(`unclosed <${name}>`);
      el.text += decode(text.slice(i, next), `<${name}> text`);
      i = next;
      if (text.startsWith(`</`, i)) {
        i += 2;
        const close = NAME.exec(text.slice(i))?.[0];
        if (close !== name) fail(`</${close}> closes <${name}>`);
        i += name.length;
        skipSpace();
        if (text[i] !== ">") fail("expected “>”");
        i++;
        return el;
      }
      el.children.push(element());
    }
  };

  const root = element();
  skipSpace();
  if (i !== text.length) fail("content after the root element");
  return root;
}

/** Every descendant element with this name, in document order. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);
}
