/**
 * Exact rational arithmetic on BigInt, for tests only. It shares nothing with src (no
 * decimal.js): the reference against which the computed model and the rounding code are
 * checked.
 */
export type RoundingModeName = "half-up" | "half-even" | "down";

/** n / d with d > 0. */
export interface Q {
  n: bigint;
  d: bigint;
}

const TEN = 10n;

function pow10(k: number): bigint {
  return TEN ** BigInt(k);
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

function norm(n: bigint, d: bigint): Q {
  if (d === 0n) throw new Error("division by zero");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
}

/** "−12.345" / "-12.345" / "4426" → exact rational. */
export function q(text: string | number | bigint): Q {
  if (typeof text === "bigint") return { n: text, d: 1n };
  const s = String(text).replace("−", "-");
  const m = /^([-+]?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new Error(`not a plain decimal: ${s}`);
  const frac = m[3] ?? "";
  const n = BigInt(m[2]! + frac) * (m[1] === "-" ? -1n : 1n);
  return norm(n, pow10(frac.length));
}

export const add = (a: Q, b: Q): Q => norm(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Q, b: Q): Q => norm(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Q, b: Q): Q => norm(a.n * b.n, a.d * b.d);
export const div = (a: Q, b: Q): Q => norm(a.n * b.d, a.d * b.n);
export const sum = (xs: Q[]): Q => xs.reduce(add, q(0));
export const eq = (a: Q, b: Q): boolean => a.n * b.d === b.n * a.d;
/** a ÷ b × 100, the way every percentage of the report is defined. */
export const percent = (a: Q, b: Q): Q => mul(div(a, b), q(100));

/** Is the rational a terminating decimal (denominator of the form 2^i·5^j)? */
export function terminates(x: Q): boolean {
  let d = x.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

/** x rounded to `dp` decimals, as a scaled integer (value = result / 10^dp). */
export function roundScaled(x: Q, dp: number, mode: RoundingModeName): bigint {
  const scaled = x.n * pow10(dp);
  const negative = scaled < 0n;
  const magnitude = abs(scaled);
  let whole = magnitude / x.d;
  const twice = 2n * (magnitude % x.d);
  if (mode === "half-up") {
    if (twice >= x.d) whole += 1n;
  } else if (mode === "half-even") {
    if (twice > x.d || (twice === x.d && whole % 2n === 1n)) whole += 1n;
  }
  // "down" truncates the magnitude: nothing to add.
  return negative ? -whole : whole;
}

/** A scaled integer as a decimal string with exactly `dp` decimals ("-0" is written "0"). */
export function formatScaled(value: bigint, dp: number): string {
  const negative = value < 0n;
  const digits = abs(value).toString().padStart(dp + 1, "0");
  const text = dp === 0 ? digits : `${digits.slice(0, -dp)}.${digits.slice(-dp)}`;
  return negative ? `-${text}` : text;
}

/** x rounded to `dp` decimals under `mode`, written with exactly `dp` decimals. */
export function roundQ(x: Q, dp: number, mode: RoundingModeName): string {
  return formatScaled(roundScaled(x, dp, mode), dp);
}

/**
 * x as `show` in src/check/describe.ts is specified to print it: exact when it has at most
 * 6 decimals (trailing zeros dropped), else half-up to 6 decimals followed by "…".
 */
export function show(x: Q): string {
  const six = roundScaled(x, 6, "half-up");
  const text = formatScaled(six, 6).replace(/\.?0+$/, "");
  return eq(q(formatScaled(six, 6)), x) ? text : `${text}…`;
}

/** The exact decimal expansion of a terminating rational, without trailing zeros. */
export function decimalString(x: Q): string {
  if (!terminates(x)) throw new Error("not a terminating decimal");
  for (let dp = 0; ; dp++) {
    if ((x.n * pow10(dp)) % x.d === 0n) return formatScaled((x.n * pow10(dp)) / x.d, dp);
  }
}

/** Number of decimals a number is written with ("47.20" → 2, "5296" → 0). */
export function writtenDecimals(text: string): number {
  return /\.(\d+)$/.exec(text)?.[1]?.length ?? 0;
}
