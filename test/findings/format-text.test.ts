/**
 * Issue 11 item 5: the text formatter quoted the whole source line and a caret line under
 * every finding — a 600 KB line under 500 findings made gigabytes of output and an
 * "Invalid string length" crash. Excerpts are clipped to 120 display columns around the
 * column, the caret stays under it (CJK characters two columns wide), and a unit prints at
 * most 1,000 findings, then says how many more there are.
 */
import { describe, expect, it } from "vitest";
import { EXCERPT_COLUMNS, excerpt, formatFinding, formatFindings, width } from "../../src/findings/format-text.js";
import type { Finding } from "../../src/findings/finding.js";
import { unitText } from "../../src/cli/report.js";
import type { UnitResult } from "../../src/pipeline/result.js";

const at = (line: number, col: number, endCol?: number, message = "应当是文本类型"): Finding => ({
  code: "schema.type",
  severity: "error",
  message,
  file: "d.yaml",
  pos: endCol === undefined ? { line, col } : { line, col, endCol },
});

/** The quoted line and the caret line of a formatted finding (after the gutter "N | "). */
function quoted(text: string): { line: string; caret: string } {
  const rows = text.split("\n");
  return { line: rows[2]!.replace(/^\d+ \| /, ""), caret: rows[3]!.replace(/^ +\| /, "") };
}

const letters = (n: number): string => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + (i % 26))).join("");

describe("excerpts under a finding", () => {
  it("quote a line that fits in 120 columns whole, caret under the span", () => {
    const text = formatFinding(at(2, 7, 9), () => ["a: 1", "year: abc"], "zh");
    expect(text).toBe(["d.yaml:2:7: error[schema.type] 应当是文本类型", "  |", "2 | year: abc", "  |       ^^^"].join("\n"));
  });

  it("clip a long line to a window: 40 columns before the column, … at both cut ends, 120 columns in all", () => {
    const line = letters(1000);
    const { line: shown, caret } = quoted(formatFinding(at(1, 500, 502), () => [line], "en"));
    expect(shown).toBe(`…${line.slice(459, 577)}…`);
    expect(width(shown)).toBe(EXCERPT_COLUMNS);
    expect(caret).toBe(`${" ".repeat(41)}^^^`);
    expect(shown.slice(41, 44)).toBe(line.slice(499, 502));
  });

  it("keep the caret aligned in display width when the line is CJK (two columns a character)", () => {
    const chars = Array(1000).fill("测");
    chars[499] = "甲";
    const line = chars.join("");
    const { line: shown, caret } = quoted(formatFinding(at(1, 500), () => [line], "zh"));
    expect(shown).toBe(`…${line.slice(479, 538)}…`);
    expect(width(shown)).toBe(EXCERPT_COLUMNS);
    // "…" is one column and 20 CJK characters are 40: the caret (two columns for 甲) starts at 41.
    expect(caret).toBe(`${" ".repeat(41)}^^`);
    expect(shown[21]).toBe("甲");
  });

  it("show no … before a column near the start, and use the room before a column near the end", () => {
    const line = letters(1000);
    expect(quoted(formatFinding(at(1, 3), () => [line], "en"))).toEqual({ line: `${line.slice(0, 118)}…`, caret: "  ^" });
    const end = quoted(formatFinding(at(1, 1000), () => [line], "en"));
    expect(end.line).toBe(`…${line.slice(1000 - 119)}`);
    expect(end.caret).toBe(`${" ".repeat(119)}^`);
  });

  it("clip a span that runs past the window at the window's end", () => {
    const line = letters(1000);
    const cut = excerpt(line, 100, 900);
    // 40 columns before the column (from index 59), 118 between the two … marks.
    expect(cut.span).toBe(line.slice(99, 59 + 118));
  });

  it("count a character outside the BMP as one column, never split in two", () => {
    const line = `${"😀".repeat(300)}x`;
    const cut = excerpt(line, 301);
    expect(cut.span).toBe("x");
    expect(cut.text.endsWith("x")).toBe(true);
    expect(cut.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it("show control characters of the window as pictures (␛), one column each", () => {
    const line = `${"a".repeat(200)}\u001b[2J${"b".repeat(200)}`;
    const { line: shown } = quoted(formatFinding(at(1, 201), () => [line], "en"));
    expect(shown).toContain("␛[2J");
    expect(shown).not.toContain("\u001b");
  });
});

describe("a unit's findings as text", () => {
  it("grow with the number of findings, not findings × line length (500 findings on a 600 KB line)", () => {
    const line = `duties: [${letters(600_000)}]`;
    const findings = Array.from({ length: 500 }, (_, i) => at(1, 10 + i * 1200));
    const blocks = formatFindings(findings, { "d.yaml": line }, "zh");
    expect(blocks).toHaveLength(500);
    const total = blocks.reduce((n, b) => n + b.length, 0);
    expect(total).toBeLessThan(500 * 400);
    for (const b of blocks) expect(b.split("\n")[2]!.length).toBeLessThanOrEqual(4 + EXCERPT_COLUMNS);
  });

  it("list at most 1,000 findings, then say how many more, in Chinese and English", () => {
    const findings = Array.from({ length: 1200 }, (_, i) => at(i + 1, 1));
    const zh = formatFindings(findings, {}, "zh");
    expect(zh).toHaveLength(1001);
    expect(zh[999]).toBe("d.yaml:1000:1: error[schema.type] 应当是文本类型");
    expect(zh[1000]).toBe("… 另有 200 个问题未列出（每个文件最多列出 1000 个）");
    expect(formatFindings(findings, {}, "en")[1000]).toBe("… 200 more finding(s) not shown (at most 1000 per file)");
    expect(formatFindings(findings.slice(0, 1000), {}, "en")).toHaveLength(1000);
  });

  it("never throw out of unitText: a unit whose findings cannot be printed says so in one line", () => {
    const bad = at(1, 1);
    Object.defineProperty(bad, "message", {
      get() {
        throw new RangeError("Invalid string length");
      },
    });
    const result = { file: "d.yaml", code: 2, findings: [bad], checks: 0, texts: {}, messages: [], written: [] } as unknown as UnitResult;
    expect(unitText(result, "en")).toBe("d.yaml: error[internal] internal error: the findings of this file could not be printed (Invalid string length); please report it\n");
  });
});
