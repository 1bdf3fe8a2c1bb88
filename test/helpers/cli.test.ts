/**
 * The test runner's own build check (test/helpers/cli.ts): `npx vitest` after editing src/
 * must test the edited code, not the bundle left by an earlier build.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { needsBuild } from "./cli.js";

const root = mkdtempSync(join(tmpdir(), "perf-report-needs-build-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes `file` under the fake repository with its modification time `age` seconds ago. */
function put(file: string, age: number): void {
  const path = join(root, file);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, "x");
  const t = Date.now() / 1000 - age;
  utimesSync(path, t, t);
}

describe("needsBuild", () => {
  it("is true without dist/cli.cjs", () => {
    put("src/cli/main.ts", 100);
    expect(needsBuild(root)).toBe(true);
  });

  it("is false when the bundle is newer than every source", () => {
    for (const f of ["src/cli/main.ts", "src/load/deep/parse.ts", "templates/report.hbs", "schemas/perf-report.schema.json", "scripts/build.mjs", "scripts/build-template.mjs"]) put(f, 100);
    put("dist/cli.cjs", 50);
    expect(needsBuild(root)).toBe(false);
  });

  for (const file of ["src/load/deep/parse.ts", "templates/report.hbs", "schemas/style.schema.json", "scripts/build.mjs", "scripts/build-validator.mjs"]) {
    it(`is true when ${file} is newer than the bundle`, () => {
      put("dist/cli.cjs", 50);
      put(file, 10);
      expect(needsBuild(root)).toBe(true);
      put(file, 100);
    });
  }

  it("ignores files that do not go into the bundle (tests, the README, other scripts)", () => {
    put("dist/cli.cjs", 50);
    for (const f of ["test/x.test.ts", "README.md", "scripts/gen-docs.mjs"]) put(f, 10);
    expect(needsBuild(root)).toBe(false);
  });
});
