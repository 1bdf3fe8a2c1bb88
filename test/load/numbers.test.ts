import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isScalar } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/pipeline/load.js";
import { checkNumberText, Dec, parseNumberText } from "../../src/load/numbers.js";
import { parseSource, type Located } from "../../src/load/parse.js";

const tmp = mkdtempSync(join(tmpdir(), "perf-report-numbers-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The minimal dataset with three income sources and the given amounts. */
function dataset(a: string, b: string, c: string, personnel = "47.20", publicAmount = "100"): string {
  return [
    "unit:",
    "  name: 测试局",
    "year: 2020",
    "profile:",
    "  duties:",
    "    - 负责测试",
    "finance:",
    "  income:",
    "    sources:",
    `      - {name: 甲, amount: ${a}}`,
    `      - {name: 乙, amount: ${b}}`,
    `      - {name: 丙, amount: ${c}}`,
    "  expenditure:",
    "    basic:",
    `      personnel: ${personnel}`,
    `      public: ${publicAmount}`,
    "    project: 30",
    "",
  ].join("\n");
}

/** The exact number the user wrote at a pointer, re-read from the YAML source text. */
function exact(located: Located, pointer: string) {
  const node = located.nodes.get(pointer);
  if (!isScalar(node) || node.source === undefined) throw new Error(`no scalar with source text at ${pointer}`);
  return parseNumberText(node.source);
}

describe("amounts are read exactly from the source text", () => {
  it("25 significant digits, 0.1 + 0.2, and the written precision of 47.20 and 100", async () => {
    const file = join(tmp, "precise.yaml");
    writeFileSync(file, dataset("1234567890123456.789012345", "0.1", "0.2"));
    const loaded = await loadDataset(file, { lang: "zh" });
    expect(loaded.findings).toEqual([]);
    const located = loaded.located!;

    const big = exact(located, "/finance/income/sources/0/amount");
    expect(big.value.toString()).toBe("1234567890123456.789012345");
    expect(big.value.precision(true)).toBe(25);
    expect(big.dp).toBe(9);
    // ...which binary floating point cannot hold: the plain data has lost the digits.
    const plain = (located.data as { finance: { income: { sources: { amount: number }[] } } }).finance.income.sources[0]!.amount;
    expect(String(plain)).toBe("1234567890123456.8");
    expect(new Dec(plain).eq(big.value)).toBe(false);

    const a = exact(located, "/finance/income/sources/1/amount");
    const b = exact(located, "/finance/income/sources/2/amount");
    const sum = a.value.plus(b.value);
    expect(sum.toString()).toBe("0.3");
    expect(sum.eq(new Dec("0.3"))).toBe(true);
    expect(0.1 + 0.2 === 0.3).toBe(false); // the reason for all this
    expect(big.value.plus(a.value).plus(b.value).toString()).toBe("1234567890123457.089012345");

    const personnel = exact(located, "/finance/expenditure/basic/personnel");
    expect(personnel).toMatchObject({ dp: 2 });
    expect(personnel.value.toString()).toBe("47.2");
    expect(personnel.value.toFixed(personnel.dp)).toBe("47.20");
    const pub = exact(located, "/finance/expenditure/basic/public");
    expect(pub.dp).toBe(0);
    expect(pub.value.toString()).toBe("100");
  });

  it("1234567890123456789012.345 (22 integer digits) is refused by the loader as out of range, yet parses exactly", async () => {
    const text = dataset("1234567890123456789012.345", "0.1", "0.2");
    const file = join(tmp, "too-big.yaml");
    writeFileSync(file, text);
    const loaded = await loadDataset(file, { lang: "en" });
    expect(loaded.findings).toEqual([
      {
        code: "load.number-range",
        severity: "error",
        message: "number “1234567890123456789012.345” is out of range",
        file,
        path: "/finance/income/sources/0/amount",
        pos: { line: 10, col: 27, endCol: 52 }, // "      - {name: 甲, amount: " is 26 characters
      },
    ]);
    // The parser keeps the node and its text, so the exact value is still recoverable.
    const parsed = parseSource({ file, text }, "en");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const big = exact(parsed.located, "/finance/income/sources/0/amount");
    expect(big.value.toString()).toBe("1234567890123456789012.345");
    expect(big.dp).toBe(3);
    expect(parseNumberText("1234567890123456789012.345").value.toFixed(3)).toBe("1234567890123456789012.345");
  });
});

describe("parseNumberText", () => {
  it.each([
    ["100", "100", 0],
    ["47.20", "47.2", 2],
    ["0.10", "0.1", 2],
    ["-5.5", "-5.5", 1],
    ["+30", "30", 0],
    ["1e3", "1000", 0],
    ["1.5e1", "15", 0],
    ["1.25e1", "12.5", 1],
    ["12.50E-1", "1.25", 3],
    ["1e-3", "0.001", 3],
    ["007", "7", 0],
  ])("%s → value %s, %i decimal places as written", (text, value, dp) => {
    const r = parseNumberText(text);
    expect(r.value.toString()).toBe(value);
    expect(r.dp).toBe(dp);
  });

  it.each(["0x1E", "0o36", ".inf", "-.inf", ".nan", ".5", "5.", "5,296", "1_000", "", " 1"])("refuses %j", (text) => {
    expect(() => parseNumberText(text)).toThrow(`not a decimal number: ${text}`);
  });

  it("rounds half up by default (the Dec clone), and keeps 40 significant digits", () => {
    expect(new Dec("2.5").toDecimalPlaces(0).toString()).toBe("3");
    expect(new Dec("-2.5").toDecimalPlaces(0).toString()).toBe("-3");
    expect(new Dec("1").div(3).toString()).toBe(`0.${"3".repeat(40)}`);
  });
});

describe("checkNumberText", () => {
  it.each([
    ["30", null],
    ["-30", null],
    ["30.25", null],
    ["1e15", null],
    ["1e-15", null],
    ["9999999999999999", null], // 16 digits: exponent 15
    ["0e999", null], // zero has no magnitude
    ["1e16", "number-range"],
    ["10000000000000000", "number-range"], // 17 digits: exponent 16
    ["1e-16", "number-range"],
    ["1e400", "number-range"],
    ["1234567890123456789012.345", "number-range"],
    ["0x1E", "number-notation"],
    ["0o36", "number-notation"],
    [".inf", "number-notation"],
    ["-.inf", "number-notation"],
    [".nan", "number-notation"],
    [".5", "number-notation"],
    ["5.", "number-notation"],
    // A leading zero is likely a typo (0588 for 588), never silently dropped.
    ["0588", "number-leading-zero"],
    ["00", "number-leading-zero"],
    ["007", "number-leading-zero"],
    ["-05", "number-leading-zero"],
    ["+012.5", "number-leading-zero"],
    ["0", null],
    ["-0", null],
    ["0.5", null],
    ["0.05", null],
    ["0e3", null],
    ["10", null],
  ])("%s → %s", (text, expected) => {
    expect(checkNumberText(text)).toBe(expected);
  });
});
