import { Dec } from "../load/numbers.js";
import type { Expr } from "./formula.js";

/**
 * The same numbers without a limit on digits: decimal.js rounds a sum, difference or product
 * only to `precision`, so at a billion digits it never does (a division is never made here).
 */
const Exact = Dec.clone({ precision: 1e9 });

type Op = "+" | "-" | "*" | "/";

/** A formula's value, or where it divides by zero; and the first operation that rounded, if any. */
export interface Evaluated {
  value: Dec | null;
  dp: number;
  /** Offset of the division whose divisor is zero (value is then null). */
  zeroAt?: number;
  /** The first operation whose exact result needs more than Dec's precision, rounded there. */
  rounded?: { op: Op; offset: number };
}

/**
 * Evaluates a formula whose every reference has a value. Each operation is made at Dec's
 * precision (40 significant digits) and checked against the exact result, so a rounding is
 * reported, never silent.
 */
export function evaluateFormula(expr: Expr, value: (id: string) => { value: Dec; dp: number }): Evaluated {
  let rounded: Evaluated["rounded"];
  const run = (e: Expr): { value: Dec; dp: number } | { zeroAt: number } => {
    switch (e.type) {
      case "num":
        return { value: new Dec(e.text), dp: e.text.split(".")[1]?.length ?? 0 };
      case "ref":
        return value(e.id);
      case "neg": {
        const r = run(e.operand);
        return "zeroAt" in r ? r : { value: r.value.neg(), dp: r.dp };
      }
      case "bin": {
        const a = run(e.left);
        if ("zeroAt" in a) return a;
        const c = run(e.right);
        if ("zeroAt" in c) return c;
        if (e.op === "/" && c.value.isZero()) return { zeroAt: e.offset };
        const { result, dp } = operate(e.op, a, c);
        if (!rounded && !exact(e.op, a.value, c.value, result)) rounded = { op: e.op, offset: e.offset };
        return { value: result, dp };
      }
    }
  };
  const r = run(expr);
  if ("zeroAt" in r) return { value: null, dp: 0, zeroAt: r.zeroAt, rounded };
  return { ...r, rounded };
}

/** a op c at Dec's precision, with the decimals it is shown with. */
function operate(op: Op, a: { value: Dec; dp: number }, c: { value: Dec; dp: number }): { result: Dec; dp: number } {
  switch (op) {
    case "+":
      return { result: a.value.plus(c.value), dp: Math.max(a.dp, c.dp) };
    case "-":
      return { result: a.value.minus(c.value), dp: Math.max(a.dp, c.dp) };
    case "*":
      return { result: a.value.times(c.value), dp: a.dp + c.dp };
    case "/":
      return { result: a.value.div(c.value), dp: Math.max(a.dp, c.dp, 2) };
  }
}

/** Is `result` (made at Dec's precision) the exact a op c? A quotient is exact when it multiplies back. */
function exact(op: Op, a: Dec, c: Dec, result: Dec): boolean {
  const x = new Exact(a);
  switch (op) {
    case "+":
      return x.plus(c).eq(result);
    case "-":
      return x.minus(c).eq(result);
    case "*":
      return x.times(c).eq(result);
    case "/":
      return new Exact(result).times(c).eq(a);
  }
}
