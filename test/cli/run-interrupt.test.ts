/**
 * A second Ctrl-C (src/cli/run.ts) removes the temporary files of its own run — the ones a
 * worker ended after the grace period may leave — and nothing else in the output folders:
 * not another run's temporaries, not a file that merely looks like one, however new. It once
 * removed every ".*.<12 hex>.tmp" newer than the run's start (issue 10 defect 6).
 * The signals are emitted in-process, both at once, so that the outcome is exact.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Task } from "../../src/batch/pool.js";
import { expandInputs } from "../../src/batch/inputs.js";
import { runUnits } from "../../src/cli/run.js";
import { writeDatasets } from "../helpers/datasets.js";
import { ensureBuilt } from "../helpers/cli.js";

let work: string;
beforeAll(() => {
  ensureBuilt(); // the pool's workers run dist/worker.cjs
  work = mkdtempSync(join(tmpdir(), "perf-report-run-interrupt-"));
  writeDatasets(join(work, "data"), 8, [], [], { funds: 7, indicators: 30 });
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a second Ctrl-C", () => {
  it("removes this run's temporaries only: another run's and look-alikes made just before stay", async () => {
    const out = join(work, "out");
    const foreign = [".a.md.ba9876543210.00112233.tmp", ".b.md.0123456789ab.tmp", ".c.docx.fedcba987654.tmp"];
    mkdirSync(out);
    for (const name of foreign) writeFileSync(join(out, name), "not this run's\n");
    let stderr = "";
    let sent = false;
    const io = {
      out: () => undefined,
      err: (text: string) => {
        stderr += text;
        if (!sent && stderr.includes("已生成")) {
          sent = true;
          process.emit("SIGINT", "SIGINT");
          process.emit("SIGINT", "SIGINT");
        }
      },
    };
    const task = (file: string): Task => ({ kind: "build", file, options: { lang: "zh", formats: ["docx", "md"], out: { dir: out, stem: basename(file, ".yaml") } } });
    const code = await runUnits("build", await expandInputs([join(work, "data")]), task, { lang: "zh", format: "text", jobs: 2, quiet: true }, io);
    expect(sent).toBe(true);
    expect(code).toBe(130);
    expect(stderr).toMatch(/perf-report: 已中断（完成 \d+\/8 个）\n$/);
    expect(readdirSync(out).filter((n) => n.endsWith(".tmp")).sort()).toEqual([...foreign].sort());
  });
});
