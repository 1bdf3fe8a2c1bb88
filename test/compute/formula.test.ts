/**
 * Issue 10: why a formula cannot be read is a catalogue message, so that a Chinese run says it
 * in Chinese (it once printed “计算式有误（第 801 个字符）：more than 200 terms”).
 */
import { describe, expect, it } from "vitest";
import { FormulaError, parseFormula } from "../../src/compute/formula.js";
import { message, render } from "../../src/i18n/messages.js";

/** The finding's sentence for `formula` in `lang`, as indicators.ts words it. */
function said(formula: string, lang: "zh" | "en"): string {
  try {
    parseFormula(formula);
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    return render(lang, message("indicator.formula-syntax", { detail: error.detail, at: error.offset + 1 }));
  }
  throw new Error(`${formula} parsed`);
}

describe("formula errors in the user's language", () => {
  const cases: [string, string, string, string][] = [
    ["201 terms", `a${" + a".repeat(200)}`, "计算式有误（第 801 个字符）：超过 200 项", "formula error (at character 801): more than 200 terms"],
    ["40 parentheses", `${"(".repeat(40)}a${")".repeat(40)}`, "计算式有误（第 33 个字符）：括号嵌套超过 32 层", "formula error (at character 33): parentheses nested more than 32 deep"],
    ["40 signs", `${"-".repeat(40)}a`, "计算式有误（第 33 个字符）：正负号嵌套超过 32 层", "formula error (at character 33): signs nested more than 32 deep"],
    ["an unclosed parenthesis", "(a + b", "计算式有误（第 7 个字符）：这里应当是右括号“)”", "formula error (at character 7): expected )"],
    ["a missing term", "a +", "计算式有误（第 4 个字符）：计算式不完整", "formula error (at character 4): unexpected end"],
    ["a second operator", "a ++ )", "计算式有误（第 4 个字符）：这里不应出现“+”", "formula error (at character 4): unexpected “+”"],
    ["two terms side by side", "a b", "计算式有误（第 3 个字符）：这里不应出现“b”", "formula error (at character 3): unexpected “b”"],
  ];

  it.each(cases)("%s", (_name, formula, zh, en) => {
    expect(said(formula, "zh")).toBe(zh);
    expect(said(formula, "en")).toBe(en);
    // Nothing English is left in the Chinese sentence.
    expect(zh).not.toMatch(/[A-Za-z]{2,}/);
  });
});
