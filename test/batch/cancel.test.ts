/**
 * A second Ctrl-C cancels the running units at their next write (src/batch/cancel.ts): each
 * takes its own temporary file away, and no worker is killed mid-step. These tests cancel in
 * the same tick as the run starts, so the outcome is exact, not a matter of timing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { adoptCancelFlag, Cancelled, cancelRun, newCancelFlag } from "../../src/batch/cancel.js";
import { runTasks, type Task } from "../../src/batch/pool.js";
import { runTask } from "../../src/batch/run-task.js";
import { writeAtomic } from "../../src/write/atomic.js";

const EXAMPLE = resolve("examples/yongzhou-2020.yaml");
const dirs: string[] = [];
const freshDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), "perf-report-cancel-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const buildTask = (out: string, stem: string): Task => ({ kind: "build", file: EXAMPLE, options: { lang: "zh", formats: ["docx", "md"], out: { dir: out, stem } } });

describe("writeAtomic with a cancelled write", () => {
  it("leaves the previous file byte-identical and no temporary file", async () => {
    const dir = freshDir();
    const target = join(dir, "report.md");
    writeFileSync(target, "old\n");
    await expect(
      writeAtomic(target, "new\n", () => {
        throw new Cancelled();
      }),
    ).rejects.toBeInstanceOf(Cancelled);
    expect(readdirSync(dir)).toEqual(["report.md"]);
    expect(readFileSync(target, "utf8")).toBe("old\n");
  });
});

describe("cancelling a run as it starts", () => {
  it("a unit running when the flag is set ends with 130 and writes nothing", async () => {
    const out = freshDir();
    const flag = newCancelFlag();
    adoptCancelFlag(flag);
    cancelRun(flag);
    const result = await runTask(buildTask(out, "u"));
    expect(result.outcome).toBe("cancelled");
    expect(result.findings).toEqual([]);
    expect(result.written).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
  });

  it("in this thread (--jobs 1): no unit starts after the cancel", async () => {
    const out = freshDir();
    const seen: number[] = [];
    const pool = runTasks([0, 1, 2].map((i) => buildTask(out, `u${i}`)), 1, (_, index) => seen.push(index));
    pool.cancel();
    expect(await pool.results).toEqual([undefined, undefined, undefined]);
    expect(seen).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
  });

  it("on workers (--jobs 2, two tasks each at a time): the four handed out end with 130 and write nothing; the rest never start", async () => {
    const out = freshDir();
    const pool = runTasks([0, 1, 2, 3, 4, 5].map((i) => buildTask(out, `u${i}`)), 2, () => undefined);
    pool.cancel();
    const results = await pool.results;
    expect(results.map((r) => r?.outcome)).toEqual(["cancelled", "cancelled", "cancelled", "cancelled", undefined, undefined]);
    expect(readdirSync(out)).toEqual([]);
  });

  it("a run that is not cancelled writes every output (the flag of an earlier run does not leak)", async () => {
    const out = freshDir();
    const results = await runTasks([buildTask(out, "a")], 1, () => undefined).results;
    expect(results.map((r) => r?.outcome)).toEqual(["clean"]);
    expect(readdirSync(out).sort()).toEqual(["a.docx", "a.md"]);
  });

  it("two runs at once: cancelling one raises its own flag, not the other's", async () => {
    const outA = freshDir();
    const outB = freshDir();
    const a = runTasks([0, 1].map((i) => buildTask(outA, `a${i}`)), 2, () => undefined);
    const b = runTasks([0, 1].map((i) => buildTask(outB, `b${i}`)), 2, () => undefined);
    a.cancel();
    expect((await a.results).map((r) => r?.outcome)).toEqual(["cancelled", "cancelled"]);
    expect((await b.results).map((r) => r?.outcome)).toEqual(["clean", "clean"]);
    expect(readdirSync(outA)).toEqual([]);
    expect(readdirSync(outB).sort()).toEqual(["b0.docx", "b0.md", "b1.docx", "b1.md"]);
  });
});

describe("stopping a run (the first Ctrl-C) while a unit renders a user's template", () => {
  const templateTask = (out: string, stem: string, template: string): Task => ({ kind: "build", file: EXAMPLE, options: { lang: "zh", formats: ["md"], out: { dir: out, stem }, template } });

  it("one unit alone still runs on a worker, so the stop reaches its render: it ends as cancelled (exit 130) and writes nothing", async () => {
    const out = freshDir();
    const pool = runTasks([templateTask(out, "u", resolve("templates/report.hbs"))], 1, () => undefined);
    pool.stop();
    expect((await pool.results).map((r) => r?.outcome)).toEqual(["cancelled"]);
    expect(readdirSync(out)).toEqual([]);
  });

  it("the same unit with the bundled template runs in this thread: stopped before it starts, it has no result", async () => {
    const out = freshDir();
    const pool = runTasks([buildTask(out, "u")], 1, () => undefined);
    pool.stop();
    expect(await pool.results).toEqual([undefined]);
  });

  it("a run that is not stopped renders the user's template on its worker and writes it", async () => {
    const out = freshDir();
    const results = await runTasks([templateTask(out, "u", resolve("templates/report.hbs"))], 1, () => undefined).results;
    expect(results.map((r) => r?.outcome)).toEqual(["clean"]);
    expect(readdirSync(out)).toEqual(["u.md"]);
  });
});
