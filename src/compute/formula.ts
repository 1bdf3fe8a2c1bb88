import { message, type Message } from "../i18n/messages.js";

/**
 * The small arithmetic language of indicator formulas: figure ids, decimal numbers,
 * + − × ÷ (also written + - * /) and parentheses. Parsed to a tree once, evaluated exactly.
 */
export type Expr =
  | { type: "num"; text: string; offset: number }
  | { type: "ref"; id: string; offset: number }
  /** `offset`: the operator's, so that a finding can name the division by zero or the rounded product. */
  | { type: "bin"; op: "+" | "-" | "*" | "/"; left: Expr; right: Expr; offset: number }
  | { type: "neg"; operand: Expr };

/** Why a formula cannot be read, as a catalogue message (`detail`), at `offset` (0-based) in its text. */
export class FormulaError extends Error {
  readonly detail: Message;
  constructor(
    detail: Message,
    readonly offset: number,
  ) {
    super(detail.key);
    this.detail = detail;
  }
}

const OPS: Record<string, "+" | "-" | "*" | "/"> = { "+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "/": "/", "÷": "/" };

/** Bounds that keep evaluation's recursion shallow; real formulas use a handful of terms. */
const MAX_TERMS = 200;
const MAX_DEPTH = 32;

export function parseFormula(text: string): Expr {
  let i = 0;
  let terms = 0;
  let depth = 0;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const primary = (): Expr => {
    skip();
    const ch = text[i];
    if (ch === "(") {
      if (++depth > MAX_DEPTH) throw new FormulaError(message("formula.nested-parentheses", { limit: MAX_DEPTH }), i);
      i++;
      const inner = sum();
      depth--;
      skip();
      if (text[i] !== ")") throw new FormulaError(message("formula.expected-close"), i);
      i++;
      return inner;
    }
    if (ch !== undefined && OPS[ch] === "-") {
      if (++depth > MAX_DEPTH) throw new FormulaError(message("formula.nested-signs", { limit: MAX_DEPTH }), i);
      i++;
      const operand = primary();
      depth--;
      return { type: "neg", operand };
    }
    if (++terms > MAX_TERMS) throw new FormulaError(message("formula.too-many-terms", { limit: MAX_TERMS }), i);
    const num = /^\d+(\.\d+)?/.exec(text.slice(i));
    if (num) {
      const offset = i;
      i += num[0].length;
      return { type: "num", text: num[0], offset };
    }
    // "-" is always minus here: "a-b" is a − b, as a reader would take it.
    const id = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*/.exec(text.slice(i));
    if (id) {
      const offset = i;
      i += id[0].length;
      return { type: "ref", id: id[0], offset };
    }
    throw new FormulaError(ch === undefined ? message("formula.unexpected-end") : message("formula.unexpected", { char: ch }), i);
  };
  const product = (): Expr => {
    let left = primary();
    for (;;) {
      skip();
      const op = OPS[text[i] ?? ""];
      if (op !== "*" && op !== "/") return left;
      const offset = i++;
      left = { type: "bin", op, left, right: primary(), offset };
    }
  };
  const sum = (): Expr => {
    let left = product();
    for (;;) {
      skip();
      const op = OPS[text[i] ?? ""];
      if (op !== "+" && op !== "-") return left;
      const offset = i++;
      left = { type: "bin", op, left, right: product(), offset };
    }
  };
  const expr = sum();
  skip();
  if (i < text.length) throw new FormulaError(message("formula.unexpected", { char: text[i]! }), i);
  return expr;
}

/** The number literals of a formula, in the order written. */
export function literals(expr: Expr): { text: string; offset: number }[] {
  switch (expr.type) {
    case "num":
      return [expr];
    case "ref":
      return [];
    case "neg":
      return literals(expr.operand);
    case "bin":
      return [...literals(expr.left), ...literals(expr.right)];
  }
}

export function refs(expr: Expr): { id: string; offset: number }[] {
  switch (expr.type) {
    case "num":
      return [];
    case "ref":
      return [{ id: expr.id, offset: expr.offset }];
    case "neg":
      return refs(expr.operand);
    case "bin":
      return [...refs(expr.left), ...refs(expr.right)];
  }
}
