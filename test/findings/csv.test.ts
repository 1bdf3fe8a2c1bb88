/**
 * Issue 11 item 7: the CSV summary's formula guard exempted anything starting with "-" and a
 * digit, so "-1+cmd|' /C calc'!A0" reached Excel as a formula. Every formula-leading
 * character is neutralised; only a value that is entirely a decimal number stays as it is.
 */
import { describe, expect, it } from "vitest";
import { csvCell } from "../../src/findings/csv.js";

describe("csvCell", () => {
  it("makes formula-like text inert with a leading '", () => {
    expect(csvCell("-1+cmd|' /C calc'!A0")).toBe("'-1+cmd|' /C calc'!A0");
    expect(csvCell("-2-3")).toBe("'-2-3");
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
  });

  it("keeps numbers numeric and ordinary text as it is", () => {
    expect(csvCell("-6.9")).toBe("-6.9");
    expect(csvCell("-100")).toBe("-100");
    expect(csvCell("1234.56")).toBe("1234.56");
    expect(csvCell(42)).toBe("42");
    expect(csvCell("测试局")).toBe("测试局");
    expect(csvCell("")).toBe("");
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell("a\nb")).toBe('"a\nb"');
  });
});
