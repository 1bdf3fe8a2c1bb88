import { describe, expect, it } from "vitest";
import { distance, nearest } from "../../src/validate/nearest.js";

describe("distance (optimal string alignment)", () => {
  it.each([
    ["", "", 0],
    ["", "abc", 3],
    ["abc", "", 3],
    ["amount", "amount", 0],
    ["amonut", "amount", 1], // adjacent swap counts once
    ["fiannce", "finance", 1],
    ["persnnel", "personnel", 1], // one deletion
    ["pubilc", "public", 1],
    ["yaer", "year", 1],
    ["kitten", "sitting", 3],
    ["flaw", "lawn", 2],
    ["ab", "ba", 1],
    ["ca", "abc", 3], // OSA: a swapped pair cannot be edited again (true Damerau would be 2)
    ["测试局", "测试", 1], // counts characters, not bytes
    ["Amount", "amount", 1], // case-sensitive: nearest lower-cases first
  ])("distance(%j, %j) = %i", (a, b, d) => {
    expect(distance(a, b)).toBe(d);
    expect(distance(b, a)).toBe(d);
  });
});

describe("nearest", () => {
  const SOURCE = ["id", "name", "amount", "prior"];
  const BASIC = ["personnel", "public", "prior"];
  const ROOT = ["unit", "year", "title", "prior", "settings", "profile", "finance", "narrative", "achievements", "evaluation", "stated"];

  it.each([
    ["amonut", SOURCE, "amount"],
    ["amout", SOURCE, "amount"],
    ["ammount", SOURCE, "amount"],
    ["Amount", SOURCE, "amount"], // case is ignored, and the schema's spelling returned
    ["AMOUNT", SOURCE, "amount"],
    ["nmae", SOURCE, "name"],
    ["persnnel", BASIC, "personnel"],
    ["personel", BASIC, "personnel"],
    ["pubilc", BASIC, "public"],
    ["fiannce", ROOT, "finance"],
    ["yaer", ROOT, "year"],
    ["years", ROOT, "year"],
    ["setting", ROOT, "settings"],
    ["achievement", ROOT, "achievements"],
    ["evalution", ROOT, "evaluation"],
  ])("nearest(%j) = %j", (word, candidates, expected) => {
    expect(nearest(word, candidates)).toBe(expected);
  });

  it.each([
    ["__proto__", ROOT],
    ["budget", ROOT],
    ["money", SOURCE],
    ["xyz", BASIC],
    ["anything", []],
  ])("nearest(%j) is undefined: nothing close enough", (word, candidates) => {
    expect(nearest(word, candidates)).toBeUndefined();
  });

  it("allows one edit per three characters of the longer word, and at least one", () => {
    // "year": 4 letters, one edit allowed
    expect(nearest("yeer", ["year"])).toBe("year");
    expect(nearest("yxxr", ["year"])).toBeUndefined();
    // "amount": 6 letters, two edits allowed
    expect(nearest("amxxnt", ["amount"])).toBe("amount");
    expect(nearest("axxxnt", ["amount"])).toBeUndefined();
    // "achievements": 12 letters, four edits allowed
    expect(nearest("achievemxxxx", ["achievements"])).toBe("achievements");
    expect(nearest("achiexxxxxxx", ["achievements"])).toBeUndefined();
    // a long word and a short candidate: the longer length counts ("names" → "name", one edit)
    expect(nearest("names", ["name"])).toBe("name");
  });

  it("prefers the closest candidate, and on a tie the first listed", () => {
    expect(nearest("prio", ["prior", "pri"])).toBe("prior");
    expect(nearest("pri", ["prior", "pri"])).toBe("pri");
    expect(nearest("cat", ["bat", "hat"])).toBe("bat");
    expect(nearest("cat", ["hat", "bat"])).toBe("hat");
  });
});
