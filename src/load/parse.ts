import {
  Lexer,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Scalar,
  type YAMLError,
} from "yaml";
import type { Finding, SourcePos } from "../findings/finding.js";
import type { Lang } from "../i18n/lang.js";
import { msg, type MessageKey } from "../i18n/messages.js";
import type { Source } from "./source.js";
import { checkNumberText } from "./numbers.js";

/**
 * A parsed dataset: plain data for the schema, and for every JSON pointer the YAML node it
 * came from, so that any later finding can name its line and column and any number can be
 * re-read from the exact text the user wrote.
 */
export interface Located {
  source: Source;
  data: unknown;
  /** pointer → value node */
  nodes: Map<string, Node>;
  /** pointer of a map value → the node of its key */
  keys: Map<string, Scalar>;
  positions: Positions;
}

/**
 * Offsets to 1-based line and column. Columns count characters (code points), as editors
 * and the caret under an excerpt do, not the UTF-16 units the parser counts.
 */
export class Positions {
  private starts: number[] | undefined;

  constructor(readonly text: string) {}

  at(offset: number): SourcePos {
    const starts = (this.starts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    // Columns count characters: only a surrogate pair makes that differ from UTF-16 units.
    const prefix = this.text.slice(starts[lo], offset);
    let chars = prefix.length;
    if (/[\ud800-\udbff]/.test(prefix)) chars = [...prefix].length;
    return { line: lo + 1, col: chars + 1 };
  }

  /** Where [start, end) begins, with its last column when it ends on the same line. */
  span(start: number, end: number): SourcePos {
    // A node's range can run on over the line break and indentation that follow it.
    while (end > start + 1 && /\s/.test(this.text[end - 1] ?? "")) end--;
    const from = this.at(start);
    const to = this.at(Math.max(start, end - 1));
    return to.line === from.line && to.col > from.col ? { ...from, endCol: to.col } : from;
  }
}

export interface ParseLimits {
  maxDepth: number;
  maxNodes: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxDepth: 64, maxNodes: 200_000 };

/**
 * `located` is missing when the text is not a usable YAML mapping at all; `findings` may be
 * non-empty even when it is present (a number in a notation we refuse), so that the schema
 * can still report everything else in the same run.
 */
export type ParseResult = { ok: true; located: Located; findings: Finding[] } | { ok: false; findings: Finding[] };

export function parseSource(source: Source, lang: Lang, limits: ParseLimits = DEFAULT_LIMITS, what: "dataset" | "style" = "dataset"): ParseResult {
  const positions = new Positions(source.text);
  const at = (offset: number): SourcePos => positions.at(offset);
  const finding = (code: string, key: MessageKey, params: Record<string, string | number>, pos?: SourcePos): Finding => ({
    code,
    severity: "error",
    message: msg(lang, key, params),
    file: source.file,
    pos,
  });

  const depth = flowDepth(source.text, limits.maxDepth);
  if (depth !== undefined) return { ok: false, findings: [finding("load.too-deep", "load.too-deep", { limit: limits.maxDepth }, at(depth))] };

  let doc: Document.Parsed;
  try {
    doc = parseDocument(source.text, {
      uniqueKeys: true,
      merge: false,
      version: "1.2",
      prettyErrors: false,
      strict: true,
    });
  } catch (error) {
    // The parser recurses on nesting; a pathological file can exhaust the stack.
    if (error instanceof RangeError) {
      return { ok: false, findings: [finding("load.too-deep", "load.too-deep", { limit: limits.maxDepth }, { line: 1, col: 1 })] };
    }
    throw error;
  }

  if (doc.errors.some((e) => e.code === "RESOURCE_EXHAUSTION")) {
    // The parser recursed out of stack on nesting; one finding says so, not one per frame,
    // placed at the level that first goes too deep, as for shallower nesting.
    const offset = blockDepth(source.text, limits.maxDepth) ?? doc.errors.find((e) => e.code === "RESOURCE_EXHAUSTION")!.pos[0];
    return { ok: false, findings: [finding("load.too-deep", "load.too-deep", { limit: limits.maxDepth }, at(offset))] };
  }
  if (doc.errors.length > 0) {
    // One syntax error sets off more on the rest of its line; the first is the one to fix.
    const findings = doc.errors.map((e) => yamlErrorFinding(e, source, lang, at));
    return { ok: false, findings: findings.filter((f, i) => i === 0 || f.pos?.line !== findings[i - 1]!.pos?.line) };
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return { ok: false, findings: [finding("load.empty", "load.empty", {}, { line: 1, col: 1 })] };
  }
  if (!isMap(doc.contents)) {
    const found = isSeq(doc.contents) ? (lang === "zh" ? "列表" : "a list") : lang === "zh" ? "单个值" : "a single value";
    const key = what === "dataset" ? "load.root-not-map" : "load.style-root-not-map";
    return {
      ok: false,
      findings: [{ ...finding(key, key, { found }, at(doc.contents.range?.[0] ?? 0)), code: "load.root-not-map" }],
    };
  }

  const nodes = new Map<string, Node>();
  const keys = new Map<string, Scalar>();
  const findings: Finding[] = [];
  let count = 0;
  let stop = false;
  let aliased = false;

  const walk = (node: Node | null, pointer: string, depth: number): unknown => {
    if (stop) return null;
    if (++count > limits.maxNodes) {
      const key = aliased ? "load.alias-expansion" : "load.too-many-nodes";
      findings.push(finding(key, key, { limit: limits.maxNodes }, at(node?.range?.[0] ?? 0)));
      stop = true;
      return null;
    }
    if (depth > limits.maxDepth) {
      findings.push(finding("load.too-deep", "load.too-deep", { limit: limits.maxDepth }, at(node?.range?.[0] ?? 0)));
      stop = true;
      return null;
    }
    if (node === null) return null;
    if (isAlias(node)) {
      const target = node.resolve(doc) as Node | undefined;
      if (!target) {
        findings.push({ ...finding("load.unknown-alias", "load.unknown-alias", { name: node.source }, nodePos(positions, node)), path: pointer });
        return null;
      }
      aliased = true;
      return walk(target, pointer, depth + 1);
    }
    if (!nodes.has(pointer)) nodes.set(pointer, node);
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        // A YAML 1.1 merge key (`%YAML 1.1` or `!!merge <<`) is parsed as a symbol, not text.
        if (isScalar(keyNode) && typeof keyNode.value === "symbol") {
          findings.push({ ...finding("load.merge-key", "load.merge-key", {}, nodePos(positions, keyNode)), path: pointer });
          continue;
        }
        if (!isScalar(keyNode) || typeof keyNode.value === "object") {
          findings.push(finding("load.bad-key", "load.bad-key", {}, at((keyNode as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0)));
          continue;
        }
        const key = String(keyNode.value);
        const child = `${pointer}/${escapePointer(key)}`;
        keys.set(child, keyNode);
        const value = walk(pair.value as Node | null, child, depth + 1);
        // defineProperty: a key named __proto__ stays an ordinary (and schema-rejected) property.
        if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
        else out[key] = value;
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => walk(item as Node | null, `${pointer}/${i}`, depth + 1));
    }
    if (isScalar(node)) {
      if (typeof node.value === "number") {
        const problem = checkNumberText(node.source ?? String(node.value));
        if (problem) {
          const pos = nodePos(positions, node);
          findings.push({ ...finding(`load.${problem}`, `load.${problem}`, { text: node.source ?? "" }, pos), path: pointer });
        }
      }
      return node.value;
    }
    return null;
  };

  const data = walk(doc.contents, "", 0);
  if (stop) return { ok: false, findings };
  return { ok: true, located: { source, data, nodes, keys, positions }, findings };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** Where a node starts, with the end column when it ends on the same line. */
export function nodePos(positions: Positions, node: Node): SourcePos {
  const [start, end] = node.range ?? [0, 0];
  return positions.span(start, end);
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

const YAML_CODES: Partial<Record<string, MessageKey>> = {
  DUPLICATE_KEY: "yaml.duplicate-key",
  TAB_AS_INDENT: "yaml.tab-indent",
  BAD_INDENT: "yaml.bad-indent",
  MISSING_CHAR: "yaml.unclosed-quote",
};

/**
 * The offset where [ / { nesting first exceeds `limit`, found by a linear scan before the
 * parser recurses into it (quoted text and comments skipped), or undefined.
 */
function flowDepth(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "[" || c === "{") {
      if (++depth > limit) return i;
    } else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
    else if (c === '"' || c === "'") {
      // Skip a quoted scalar only where one can start (after a flow indicator, ": ", "- " or a line start).
      const before = text.slice(Math.max(0, i - 2), i);
      if (/(^|[[{,:\s-])\s*$/.test(before) || i === 0) {
        for (i++; i < text.length && text[i] !== c; i++) if (c === '"' && text[i] === "\\") i++;
      }
    } else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== "\n") i++;
    }
  }
  return undefined;
}

/**
 * Where block nesting (indentation, and "- " items opened on one line) first goes deeper
 * than `limit`, counting levels as the walk does; used only once the parser has run out of
 * stack. Block scalars (| and >) are skipped; other oddities can only make it find nothing.
 */
function blockDepth(text: string, limit: number): number | undefined {
  const indents: number[] = [];
  let scalarIndent = -1;
  let offset = 0;
  for (const line of text.split("\n")) {
    const start = offset;
    offset += line.length + 1;
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    if (content === "" || content.startsWith("#")) continue;
    if (scalarIndent >= 0 && indent > scalarIndent) continue;
    scalarIndent = -1;
    while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
    indents.push(indent);
    if (indents.length - 1 > limit) return start + indent;
    // Items opened on the same line ("- - - x"): each one more level.
    for (let col = indent; line.startsWith("- ", col + 2) && line.startsWith("- ", col); col += 2) {
      indents.push(col + 2);
      if (indents.length - 1 > limit) return start + col + 2;
    }
    if (/[|>][-+0-9]*\s*(#.*)?$/.test(content)) scalarIndent = indent;
  }
  return undefined;
}

/** The offset of a quoted scalar that is never closed, from the lexer's tokens. */
function unclosedQuote(text: string): number | undefined {
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    // Single control characters are the lexer's own markers, not source text.
    if (token.length === 1 && token < " " && token !== "\n" && token !== "\t" && token !== "\r") continue;
    const q = token[0];
    if ((q === '"' || q === "'") && (token.length === 1 || !closes(token))) return offset;
    offset += token.length;
  }
  return undefined;
}

function closes(token: string): boolean {
  const q = token[0]!;
  const body = token.trimEnd();
  if (body.length < 2 || body[body.length - 1] !== q) return false;
  if (q === "'") return true;
  let backslashes = 0;
  for (let i = body.length - 2; i > 0 && body[i] === "\\"; i--) backslashes++;
  return backslashes % 2 === 0;
}

function yamlErrorFinding(error: YAMLError, source: Source, lang: Lang, at: (offset: number) => SourcePos): Finding {
  const quote = error.code === "MISSING_CHAR" && /quote/i.test(error.message) ? unclosedQuote(source.text) : undefined;
  const pos = at(quote ?? error.pos[0]);
  if (error.code === "MULTIPLE_DOCS") {
    return { code: "load.multiple-documents", severity: "error", message: msg(lang, "load.multiple-documents"), file: source.file, pos };
  }
  let key = YAML_CODES[error.code];
  if (key === "yaml.unclosed-quote" && !/quote/i.test(error.message)) key = undefined;
  if (error.code === "DUPLICATE_KEY") {
    const name = keyTextAt(source.text, error.pos[0]);
    return { code: "yaml.duplicate-key", severity: "error", message: msg(lang, "yaml.duplicate-key", { key: name }), file: source.file, pos };
  }
  const code = key ?? "yaml.syntax";
  const detail = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  // {{…}} inside a { … } flow mapping reads as nested braces unless the text is quoted.
  const line = source.text.split("\n")[pos.line - 1] ?? "";
  const hint =
    code !== "yaml.syntax"
      ? undefined
      : line.includes("{{")
        ? msg(lang, "hint.quote-placeholder")
        : (line.match(/:\s/g) ?? []).length > 1
          ? msg(lang, "hint.quote-colon")
          : undefined;
  return {
    code,
    severity: "error",
    message: key ? msg(lang, key) : msg(lang, "yaml.syntax", { detail }),
    file: source.file,
    pos,
    hint,
  };
}

function keyTextAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  const match = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^:\n]+)/.exec(rest);
  return (match?.[1] ?? "").trim().replace(/^["']|["']$/g, "");
}
