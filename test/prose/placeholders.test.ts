/** strayBraces: braces that look meant as a placeholder but are not one (issue 11 item 11: {{income.total}}} printed a stray }). */
import { describe, expect, it } from "vitest";
import { strayBraces } from "../../src/prose/placeholders.js";

describe("strayBraces", () => {
  it("finds a single brace against a placeholder", () => {
    expect(strayBraces("收入{{income.total}}}。")).toEqual({ raw: "}", index: 18 });
    expect(strayBraces("收入{{{income.total}}。")).toEqual({ raw: "{", index: 2 });
  });

  it("finds {{ or }} left over", () => {
    expect(strayBraces("见{{income.total}")).toEqual({ raw: "{{", index: 1 });
    expect(strayBraces("见{income.total}}")).toEqual({ raw: "}}", index: 14 });
  });

  it("accepts placeholders, and single braces that stand apart from them", () => {
    expect(strayBraces("{{income.total}}与{{ income.growth : 1 }}")).toBeUndefined();
    expect(strayBraces("集合 {a, b} 与 {{income.total}}")).toBeUndefined();
    expect(strayBraces("没有引用")).toBeUndefined();
  });
});
