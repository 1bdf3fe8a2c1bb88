import type { Finding, SourcePos } from "../findings/finding.js";
import { msg, type MessageKey, type Params } from "../i18n/messages.js";

/**
 * An error in a report template: a finding at the template's line and column, a message of
 * the catalogue (worded by the formatters in the user's language). The Error's own message
 * is in English, for a stack trace.
 */
export class TemplateError extends Error {
  readonly finding: Omit<Finding, "file">;

  constructor(
    code: string,
    readonly key: MessageKey,
    readonly params: Params = {},
    pos?: SourcePos,
  ) {
    super(msg("en", key, params));
    this.finding = { code, severity: "error", key, params, ...(pos ? { pos } : {}) };
  }

  /** The same error at another position (where the cause was found after the fact). */
  at(pos: SourcePos, key: MessageKey = this.key, params: Params = this.params): TemplateError {
    return new TemplateError(this.finding.code, key, params, pos);
  }
}

/** Handlebars' own errors as TemplateErrors, with the line and column wherever they can be recovered. */
export function fromHandlebars(error: unknown, source: string, helpers: readonly string[]): TemplateError {
  if (error instanceof TemplateError) return error;
  if (error instanceof RangeError) return new TemplateError("template.recursion", "template.recursion");
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? error);
  let pos: SourcePos | undefined;
  if (typeof e.lineNumber === "number") pos = { line: e.lineNumber, col: (e.column ?? 0) + 1 };
  const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n(.*)$/s.exec(message);
  if (parse) return new TemplateError("template.syntax", "template.syntax", { detail: parse[4]!.trim() }, caretPos(source, Number(parse[1]), parse[2]!, parse[3]!));
  const lexical = /^Lexical error on line (\d+)\. Unrecognized text\.\n(.*)\n(-*)\^/s.exec(message);
  if (lexical) return new TemplateError("template.syntax", "template.lexical", {}, caretPos(source, Number(lexical[1]), lexical[2]!, lexical[3]!));
  const trailing = / - (\d+):(\d+)$/.exec(message);
  if (!pos && trailing) pos = { line: Number(trailing[1]), col: Number(trailing[2]) + 1 };
  const first = message.split("\n")[0]!.replace(/ - \d+:\d+$/, "");

  const helper = /^You specified knownHelpersOnly, but used the unknown helper (.+)$/.exec(first);
  if (helper) return new TemplateError("template.error", "template.unknown-helper", { name: helper[1]!, helpers: helpers.join(", ") }, pos);
  const undefinedField = /^"(.+)" not defined in (.*)$/s.exec(first);
  if (undefinedField) {
    // Handlebars appends the object it looked in: only "undefined" or "null" says something
    // (the group itself is missing); anything else would print the dataset's own values.
    const where = undefinedField[2] === "undefined" || undefinedField[2] === "null" ? ` in ${undefinedField[2]}` : "";
    return new TemplateError("template.error", "template.not-defined", { name: undefinedField[1]!, where }, pos);
  }
  const partial = /^The partial (\S+) could not be found/.exec(first);
  if (partial) {
    // The call that names it: {{> name}}, {{> "a/b"}}, {{#> name}} — any script, quoted or not.
    pos ??= offsetPos(source, source.search(new RegExp(`\\{\\{#?>\\s*["']?${escapeRegExp(partial[1]!)}["']?(?=\\s|\\}\\})`)));
    return new TemplateError("template.error", "template.partial-missing", { name: partial[1]! }, pos);
  }
  // A path through a missing field ({{#if nosuch.x}}) fails inside Handlebars' own lookup.
  const through = /^Cannot read properties of (?:undefined|null) \(reading '([^']+)'\)/.exec(first);
  if (through) {
    const at = source.search(new RegExp(`\\{\\{[^}]*\\.${escapeRegExp(through[1]!)}\\b`));
    return new TemplateError("template.error", "template.field-on-the-way", { name: through[1]! }, at >= 0 ? offsetPos(source, at) : undefined);
  }
  return new TemplateError("template.error", "template.other", { detail: first }, pos);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Handlebars shows the last characters it read (line breaks removed) and a caret after them;
 * find that text on the reported line to recover the column.
 */
function caretPos(source: string, line: number, context: string, dashes: string): SourcePos {
  const past = context.slice(0, dashes.length).replace(/^\.\.\./, "");
  const offsets: number[] = [];
  let flat = "";
  for (let i = 0; i < source.length; i++) {
    if (source[i] === "\n" || source[i] === "\r") continue;
    flat += source[i];
    offsets.push(i);
  }
  let best: SourcePos = { line, col: 1 };
  for (let at = flat.indexOf(past); at >= 0; at = flat.indexOf(past, at + 1)) {
    const end = past.length === 0 ? 0 : offsets[at + past.length - 1]! + 1;
    const pos = offsetPos(source, end)!;
    if (pos.line === line) best = pos;
  }
  return best;
}

/** A Handlebars location (1-based line, 0-based column) as a finding's position. */
export function locPos(loc: { start: { line: number; column: number } }): SourcePos {
  return { line: loc.start.line, col: loc.start.column + 1 };
}

export function offsetPos(source: string, offset: number): SourcePos | undefined {
  if (offset < 0) return undefined;
  const before = source.slice(0, offset).split("\n");
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}
