/**
 * Issue 11 item 7: one sanitiser for all terminal text. C0 controls show as their pictures; C1
 * and bidirectional controls (a right-to-left override in a unit's name could reorder what the
 * terminal shows after it) show as their code points.
 */
import { describe, expect, it } from "vitest";
import { visible } from "../../src/text/visible.js";

describe("visible", () => {
  it("shows C0 controls as their pictures and keeps tabs", () => {
    expect(visible("a\u001b[31mb\rc\td")).toBe("a␛[31mb␍c\td");
  });

  it("shows bidirectional controls as code points", () => {
    expect(visible("单位\u202Egnp.exe")).toBe("单位⟨U+202E⟩gnp.exe");
    expect(visible("\u2066x\u2069\u200f\u061c")).toBe("⟨U+2066⟩x⟨U+2069⟩⟨U+200F⟩⟨U+061C⟩");
  });

  it("shows C1 controls (U+009B opens an escape sequence on some terminals) as code points", () => {
    expect(visible("a\u009b31mb\u0085")).toBe("a⟨U+009B⟩31mb⟨U+0085⟩");
  });

  it("leaves ordinary text, CJK and full-width punctuation alone", () => {
    expect(visible("永州市工业和信息化局：收入5296万元，增长352.26%。")).toBe("永州市工业和信息化局：收入5296万元，增长352.26%。");
  });
});
