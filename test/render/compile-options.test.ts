import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMPILE_OPTIONS, HELPER_NAMES } from "../../src/render/helpers.js";

/** The build precompiles the bundled template with its own copy of the options: keep them equal. */
describe("scripts/build-template.mjs", () => {
  it("compiles with the helpers and options user templates are compiled with", () => {
    const script = readFileSync("scripts/build-template.mjs", "utf8");
    const helpers = JSON.parse(/const HELPERS = (\[[^\]]*\]);/.exec(script)![1]!) as string[];
    expect(helpers).toEqual([...HELPER_NAMES]);
    expect(script).toContain("{ strict: true, knownHelpers: Object.fromEntries(HELPERS.map((n) => [n, true])), knownHelpersOnly: true, noEscape: true, preventIndent: true }");
    expect(Object.keys(COMPILE_OPTIONS)).toEqual(["strict", "knownHelpers", "knownHelpersOnly", "noEscape", "preventIndent"]);
  });
});
