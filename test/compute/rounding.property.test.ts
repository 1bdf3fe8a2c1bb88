/**
 * Property tests of src/compute/rounding.ts against an independent exact reference
 * (test/helpers/exact.ts: BigInt rationals, no decimal.js).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { intervalText, ratioRoundsTo, round, roundsTo, ROUNDING_MODES, type RoundingMode } from "../../src/compute/rounding.js";
import { Dec } from "../../src/load/numbers.js";
import { add, div, eq, formatScaled, mul, q, roundQ, sum, type Q } from "../helpers/exact.js";
import { checkText, HEAD } from "../helpers/reconcile.js";

const HUNDRED = new Dec(100);
const mode = fc.constantFrom<RoundingMode>(...ROUNDING_MODES);

/** A decimal written with `dp` decimals: a scaled BigInt and its scale. */
const decimal = (maxAbs: bigint, maxDp: number) =>
  fc.record({ scaled: fc.bigInt({ min: -maxAbs, max: maxAbs }), dp: fc.integer({ min: 0, max: maxDp }) }).map(({ scaled, dp }) => formatScaled(scaled, dp));

const nonZero = (maxAbs: bigint, maxDp: number) => decimal(maxAbs, maxDp).filter((t) => !new Dec(t).isZero());

/** One unit of the last place at dp decimals, as a Dec. */
const unit = (dp: number) => new Dec(10).pow(-dp);

describe("ratioRoundsTo agrees with round(num ÷ den × 100) and with the exact reference", () => {
  // Magnitudes are bounded (num and den are at most 13 digits with at most 4 decimals) so
  // that num ÷ den × 100 · 10^dp has at most 24 integer digits: decimal.js's 40 significant
  // digits then resolve it to 10^−16, far below the 10^−13 by which a ratio of such numbers
  // can come near a rounding boundary without touching it. So dividing first (as the
  // reference for `round` does here) cannot cross a boundary; ratioRoundsTo never divides.
  it("for random decimals, every dp 0–4 and all three modes", () => {
    fc.assert(
      fc.property(decimal(10n ** 13n, 4), nonZero(10n ** 13n, 4), fc.integer({ min: 0, max: 4 }), mode, (numText, denText, dp, m) => {
        const num = new Dec(numText);
        const den = new Dec(denText);
        const reference = roundQ(mul(div(q(numText), q(denText)), q(100)), dp, m);
        const rounded = round(num.div(den).times(100), dp, m);
        expect(rounded.eq(new Dec(reference)), `${numText} ÷ ${denText} at ${dp} (${m}): ${rounded} vs ${reference}`).toBe(true);
        expect(ratioRoundsTo(num, den, HUNDRED, rounded, dp, m)).toBe(true);
        // Exactly one value at dp decimals is right: its neighbours are not.
        expect(ratioRoundsTo(num, den, HUNDRED, rounded.plus(unit(dp)), dp, m)).toBe(false);
        expect(ratioRoundsTo(num, den, HUNDRED, rounded.minus(unit(dp)), dp, m)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("for ratios built to land exactly on a tie (x.5 units at dp), positive and negative", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.integer({ min: 0, max: 4 }), fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.boolean(), mode, (k, dp, m0, flip, m) => {
        // value = (10k + 5) · 10^−(dp+1), i.e. k.5 units of the dp-th place; num = value · den ÷ 100.
        const value: Q = q(formatScaled(10n * k + (k < 0n ? -5n : 5n), dp + 1));
        const den: Q = q(flip ? -m0 : m0);
        const num = div(mul(value, den), q(100));
        const numDec = new Dec(num.n.toString()).div(num.d.toString()); // exact: num.d divides 2^a·5^b·den
        expect(new Dec(num.n.toString()).eq(numDec.times(num.d.toString()))).toBe(true);
        const reference = roundQ(value, dp, m);
        expect(ratioRoundsTo(numDec, new Dec(den.n.toString()), HUNDRED, new Dec(reference), dp, m), `${formatScaled(value.n * (10n ** BigInt(dp + 1)) / value.d, dp + 1)} over ${den.n} (${m})`).toBe(true);
        // The other neighbour of the tie is not accepted.
        const other = roundQ(value, dp, m === "down" ? "half-up" : "down");
        if (other !== reference) expect(ratioRoundsTo(numDec, new Dec(den.n.toString()), HUNDRED, new Dec(other), dp, m)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("a zero denominator never rounds to anything", () => {
    for (const m of ROUNDING_MODES) expect(ratioRoundsTo(new Dec(0), new Dec(0), HUNDRED, new Dec(0), 2, m)).toBe(false);
    for (const m of ROUNDING_MODES) expect(ratioRoundsTo(new Dec(5), new Dec(0), HUNDRED, new Dec(0), 2, m)).toBe(false);
  });

  it("the sample's four hard cases, by the exact test", () => {
    const r = (a: string, b: string, s: string, dp: number, m: RoundingMode) => ratioRoundsTo(new Dec(a), new Dec(b), HUNDRED, new Dec(s), dp, m);
    // 8077/4000 = 201.925 exactly
    expect([r("8077", "4000", "201.92", 2, "half-up"), r("8077", "4000", "201.93", 2, "half-up")]).toEqual([false, true]);
    expect([r("8077", "4000", "201.92", 2, "half-even"), r("8077", "4000", "201.93", 2, "half-even")]).toEqual([true, false]);
    expect([r("8077", "4000", "201.92", 2, "down"), r("8077", "4000", "201.93", 2, "down")]).toEqual([true, false]);
    // 137/120 = 114.1666…
    expect(ROUNDING_MODES.map((m) => r("137", "120", "114.16", 2, m))).toEqual([false, false, true]);
    // 4.53/2.65 = 170.943…
    expect(ROUNDING_MODES.map((m) => r("4.53", "2.65", "170", 0, m))).toEqual([false, false, true]);
    // 4125/1171 = 352.263…
    expect(ROUNDING_MODES.map((m) => r("4125", "1171", "352.26", 2, m))).toEqual([true, true, true]);
  });
});

describe("round and roundsTo on exact decimals", () => {
  it("round agrees with the reference for random decimals (up to 8 places) at dp 0–6", () => {
    fc.assert(
      fc.property(decimal(10n ** 15n, 8), fc.integer({ min: 0, max: 6 }), mode, (text, dp, m) => {
        const reference = roundQ(q(text), dp, m);
        const rounded = round(new Dec(text), dp, m);
        expect(rounded.eq(new Dec(reference)), `${text} at ${dp} (${m}): ${rounded} vs ${reference}`).toBe(true);
        expect(roundsTo(new Dec(text), new Dec(reference), dp, m)).toBe(true);
        expect(roundsTo(new Dec(text), new Dec(reference).plus(unit(dp)), dp, m)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("ties at every dp, positive and negative: half-up away from zero, half-even to even, down toward zero", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }), fc.boolean(), (magnitude, dp, negative) => {
        const sign = negative ? -1n : 1n;
        const tie = formatScaled(sign * (10n * magnitude + 5n), dp + 1); // magnitude.5 units
        const expected: Record<RoundingMode, bigint> = {
          "half-up": sign * (magnitude + 1n),
          "half-even": sign * (magnitude % 2n === 0n ? magnitude : magnitude + 1n),
          down: sign * magnitude,
        };
        for (const m of ROUNDING_MODES) {
          const want = formatScaled(expected[m], dp);
          expect(round(new Dec(tie), dp, m).eq(new Dec(want)), `${tie} ${m} → ${want}`).toBe(true);
          expect(roundQ(q(tie), dp, m)).toBe(expected[m] === 0n ? formatScaled(0n, dp) : want);
          expect(roundsTo(new Dec(tie), new Dec(want), dp, m)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("the defined examples", () => {
    const r = (x: string, dp: number, m: RoundingMode) => round(new Dec(x), dp, m).toFixed(dp);
    expect([r("2.5", 0, "half-up"), r("-2.5", 0, "half-up"), r("0.5", 0, "half-up"), r("-0.5", 0, "half-up")]).toEqual(["3", "-3", "1", "-1"]);
    expect([r("2.5", 0, "half-even"), r("3.5", 0, "half-even"), r("-2.5", 0, "half-even"), r("-3.5", 0, "half-even"), r("0.5", 0, "half-even")]).toEqual(["2", "4", "-2", "-4", "0"]);
    expect([r("2.9", 0, "down"), r("-2.9", 0, "down"), r("0.99", 1, "down"), r("-0.99", 1, "down")]).toEqual(["2", "-2", "0.9", "-0.9"]);
    // The classic binary-float trap: (1.005).toFixed(2) is "1.00" in JavaScript.
    expect([r("1.005", 2, "half-up"), r("1.015", 2, "half-even"), r("1.025", 2, "half-even"), r("1.005", 2, "down")]).toEqual(["1.01", "1.02", "1.02", "1.00"]);
    expect([r("201.925", 2, "half-up"), r("201.925", 2, "half-even"), r("201.925", 2, "down")]).toEqual(["201.93", "201.92", "201.92"]);
    expect([r("-201.925", 2, "half-up"), r("-201.925", 2, "half-even"), r("-201.925", 2, "down")]).toEqual(["-201.93", "-201.92", "-201.92"]);
    // Beyond ties: 2.51 → 3 and 2.49 → 2 in both half modes.
    expect([r("2.51", 0, "half-even"), r("2.49", 0, "half-up"), r("-2.51", 0, "half-even")]).toEqual(["3", "2", "-3"]);
  });
});

describe("intervalText: the exact values that round to a stated figure", () => {
  /** "[lo, hi)" → its ends and whether each is included. */
  const parse = (text: string) => {
    const m = /^([[(])(-?\d+(?:\.\d+)?), (-?\d+(?:\.\d+)?)([\])])$/.exec(text);
    if (!m) throw new Error(`not an interval: ${text}`);
    return { lo: m[2]!, hi: m[3]!, loIn: m[1] === "[", hiIn: m[4] === "]" };
  };

  it("for random stated figures, dp 0–4 and all three modes: each end is included exactly when it rounds to the figure, and just inside rounds to it, just outside does not", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 4 }), mode, (scaled, dp, m) => {
        const stated = formatScaled(scaled, dp);
        const text = intervalText(new Dec(stated), dp, m);
        const { lo, hi, loIn, hiIn } = parse(text);
        // Both ends are written with one decimal more than the stated figure.
        expect([lo, hi].map((e) => e.split(".")[1]?.length ?? 0), text).toEqual([dp + 1, dp + 1]);
        const rounds = (x: Q) => eq(q(roundQ(x, dp, m)), q(stated));
        expect(rounds(q(lo)), `${stated} ${m} ${text}: low end`).toBe(loIn);
        expect(rounds(q(hi)), `${stated} ${m} ${text}: high end`).toBe(hiIn);
        const epsilon = q(formatScaled(1n, dp + 3));
        expect(rounds(add(q(lo), epsilon)), `${stated} ${m} ${text}: just above the low end`).toBe(true);
        expect(rounds(sum([q(hi), mul(epsilon, q(-1))])), `${stated} ${m} ${text}: just below the high end`).toBe(true);
        expect(rounds(sum([q(lo), mul(epsilon, q(-1))])), `${stated} ${m} ${text}: just below the low end`).toBe(false);
        expect(rounds(add(q(hi), epsilon)), `${stated} ${m} ${text}: just above the high end`).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("the defined examples", () => {
    const t = (stated: string, dp: number, m: RoundingMode) => intervalText(new Dec(stated), dp, m);
    expect([t("352.13", 2, "half-up"), t("201.92", 2, "half-up"), t("170", 0, "half-up"), t("-1.5", 1, "half-up"), t("0", 0, "half-up")]).toEqual([
      "[352.125, 352.135)",
      "[201.915, 201.925)",
      "[169.5, 170.5)",
      "(-1.55, -1.45]",
      "(-0.5, 0.5)",
    ]);
    // half-even: both ends closed when the last digit is even, both open when it is odd.
    expect([t("201.92", 2, "half-even"), t("201.93", 2, "half-even"), t("0", 0, "half-even"), t("-1.5", 1, "half-even")]).toEqual([
      "[201.915, 201.925]",
      "(201.925, 201.935)",
      "[-0.5, 0.5]",
      "(-1.55, -1.45)",
    ]);
    // truncation: [s, s + unit) above zero, (s − unit, s] below it, (−unit, unit) at zero.
    expect([t("114.16", 2, "down"), t("-1.5", 1, "down"), t("0", 0, "down")]).toEqual(["[114.160, 114.170)", "(-1.60, -1.50]", "(-1.0, 1.0)"]);
  });
});

describe("sums of 2-decimal amounts are exact", () => {
  const cents = fc.array(fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }), { minLength: 1, maxLength: 400 });

  it("Dec addition equals the BigInt sum of cents", () => {
    fc.assert(
      fc.property(cents, (list) => {
        const texts = list.map((c) => formatScaled(c, 2));
        const total = texts.reduce((acc, t) => acc.plus(t), new Dec(0));
        const reference = formatScaled(list.reduce((a, b) => a + b, 0n), 2);
        expect(total.toFixed(2)).toBe(reference);
        // The reference itself, through the rationals: Σ text = Σ cents ÷ 100.
        expect(eq(sum(texts.map((t) => q(t))), div(q(list.reduce((a, b) => a + b, 0n)), q(100)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("floating point would not be exact on the same kind of input (why Dec is used)", () => {
    // 0.1 + 0.2 as in a hand-typed dataset; the BigInt/Dec sum is exactly 0.30.
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(new Dec("0.1").plus("0.2").toFixed(2)).toBe("0.30");
    expect(formatScaled(10n + 20n, 2)).toBe("0.30");
  });

  it("the model's income total is the exact Σ of many sources read from the YAML text", () => {
    const positiveCents = fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(positiveCents, (list) => {
        const sources = list.map((c, i) => `      - { id: s${i}, name: 来源${i}, amount: ${formatScaled(c, 2)} }\n`).join("");
        const text = `${HEAD}finance:\n  income:\n    sources:\n${sources}  expenditure:\n    basic:\n      personnel: 0\n      public: 0\n    project: 0\n`;
        const total = checkText(text).model.figures.get("income.total")!.value!;
        const reference = list.reduce((a, b) => a + b, 0n);
        expect(total.toFixed(2)).toBe(formatScaled(reference, 2));
        // And the carry-over (income − 0) too.
        expect(checkText(text).model.figures.get("carryOver.total")!.value!.toFixed(2)).toBe(formatScaled(reference, 2));
      }),
      { numRuns: 40 },
    );
  });

  it("the seven funds of the sample add to 4426.12 exactly, in any order", () => {
    const funds = ["4086.21", "100", "53.61", "80", "47.2", "39.7", "19.4"];
    fc.assert(
      fc.property(fc.shuffledSubarray(funds, { minLength: 7, maxLength: 7 }), (order) => {
        expect(order.reduce((acc, t) => acc.plus(t), new Dec(0)).toString()).toBe("4426.12");
        expect(eq(order.map((t) => q(t)).reduce(add), q("4426.12"))).toBe(true);
      }),
    );
  });
});
