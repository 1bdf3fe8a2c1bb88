/**
 * Every `npm run NAME` that the scripts, sources, benchmarks and documentation tell a reader
 * to type names a script package.json has (scripts/gen-types.mjs once named a missing
 * `npm run gen:types`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const PLACES = ["scripts", "src", "bench", "bin", "README.md", "BENCHMARKS.md"];

function files(place: string): string[] {
  const path = join(ROOT, place);
  if (/\.md$/.test(place)) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(m?js|ts)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe("npm scripts named in the repository", () => {
  it("every `npm run NAME` is a script of package.json", () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);
    const named = PLACES.flatMap(files).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/npm run ([\w:-]+)/g)].map((m) => `${m[1]} (${file.slice(ROOT.length)})`));
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((n) => !scripts.includes(n.split(" ")[0]!))).toEqual([]);
  });
});
