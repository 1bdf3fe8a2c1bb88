import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cli, ensureBuilt, ROOT } from "../helpers/cli.js";

const DIR = "test/fixtures/audit";
interface Expected {
  line: number;
  figure: string;
}
const expected = (parse(readFileSync(join(ROOT, DIR, "expected.yaml"), "utf8")) as { reports: Record<string, Expected[]> }).reports;

/** Precision and recall of audit's errors over the labelled set of real published reports. */
describe("audit on the labelled set", () => {
  beforeAll(ensureBuilt);

  it("finds the hand-listed wrong figures with precision 1.0 and recall at least 0.8", () => {
    const files = Object.keys(expected).map((f) => join(DIR, f));
    const run = cli(["audit", ...files, "--format", "json"]);
    const findings = (JSON.parse(run.stdout) as { findings: { file: string; severity: string; pos: { line: number; col: number; endCol: number } }[] }).findings.filter((f) => f.severity === "error");
    const marked = findings.map((f) => {
      const line = readFileSync(join(ROOT, f.file), "utf8").split(/\r?\n/)[f.pos.line - 1]!;
      return { file: f.file, line: f.pos.line, figure: [...line].slice(f.pos.col - 1, f.pos.endCol).join("") };
    });
    const want = Object.entries(expected).flatMap(([file, list]) => list.map((e) => ({ file: join(DIR, file), line: e.line, figure: e.figure })));
    const key = (x: { file: string; line: number; figure: string }) => `${x.file}:${x.line}:${x.figure}`;
    const got = new Set(marked.map(key));
    const truePositives = want.filter((w) => got.has(key(w))).length;
    const falsePositives = marked.filter((m) => !want.some((w) => key(w) === key(m)));
    const precision = marked.length === 0 ? 1 : truePositives / marked.length;
    const recall = truePositives / want.length;
    console.log(`audit labelled set: ${files.length} reports, ${want.length} wrong figures; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${truePositives} found, ${falsePositives.length} false alarms)`);
    expect(falsePositives).toEqual([]);
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(0.8);
    expect(run.code).toBe(1);
  });
});
