import { describe, expect, it } from "vitest";
import { Dec } from "../../src/load/numbers.js";
import { fits, inferTarget } from "../../src/import/target.js";

const c = (actual: string, rate: string) => ({ actual: new Dec(actual), rate: new Dec(rate), dp: rate.includes(".") ? rate.split(".")[1]!.length : 0 });

describe("the plan behind a completion rate the report states without it", () => {
  it("is the roundest number that gives the rate half-up or truncated", () => {
    expect(inferTarget([c("8077", "201.92")], true)?.toString()).toBe("4000"); // 201.925 exactly: truncated
    expect(inferTarget([c("137", "114.16")], true)?.toString()).toBe("120"); // 114.1667: truncated
    expect(inferTarget([c("32.6004", "148.66")], false)?.toString()).toBe("21.93");
  });

  it("is one plan for every rate of a group: the more precise rate decides it", () => {
    // 3.97 → 149.8% and 4.53 → 170% against the same 年度计划: 2.65 (alone, 170% would allow 2.66).
    expect(inferTarget([c("3.97", "149.8"), c("4.53", "170")], false)?.toString()).toBe("2.65");
    expect(inferTarget([c("4.53", "170")], false)?.toString()).toBe("2.66");
  });

  it("is none when no whole number fits a count, or the rates disagree", () => {
    expect(inferTarget([c("3", "41.18")], true)).toBeUndefined(); // 3 ÷ 41.18% ≈ 7.285: no whole number of 家
    expect(inferTarget([c("3", "41.18")], false)?.toString()).toBe("7.285");
    expect(inferTarget([c("100", "50"), c("100", "80")], false)).toBeUndefined();
  });

  it("accepts a stated plan under any rounding the report may have used", () => {
    expect(fits(new Dec("4000"), c("8077", "201.92"))).toBe(true);
    expect(fits(new Dec("4001"), c("8077", "201.92"))).toBe(false);
  });
});
