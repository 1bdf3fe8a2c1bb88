import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Files generated from the schema must be regenerated when the schema changes. */
describe("generated files are up to date with the schema", () => {
  for (const script of ["scripts/gen-types.mjs", "scripts/gen-docs.mjs"]) {
    it(`${script} --check`, () => {
      const r = spawnSync(process.execPath, [script, "--check"], { encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
    });
  }
});
