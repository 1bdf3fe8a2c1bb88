/**
 * The worker pool (src/batch/pool.ts) when a worker thread dies: only the task that killed it
 * fails (outcome internal, exit 3, an "internal" finding with the reason); the task that was in the same
 * worker's hands runs again, alone, and every other task runs as usual. The worker here is a
 * stand-in that fails on purpose (test/fixtures/workers/fragile.cjs).
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runTasks, type Task } from "../../src/batch/pool.js";
import type { UnitResult } from "../../src/pipeline/result.js";

const FRAGILE = fileURLToPath(new URL("../fixtures/workers/fragile.cjs", import.meta.url));
const task = (file: string): Task => ({ kind: "check", file, options: { lang: "en" } });

async function run(files: string[], jobs: number) {
  const seen: number[] = [];
  const results = await runTasks(files.map(task), jobs, (_: UnitResult, index: number) => seen.push(index), FRAGILE).results;
  return { results, seen };
}

describe("a worker thread that dies", () => {
  it("fails only the task that killed it (exit 3 with the reason); the others, the one beside it included, succeed", async () => {
    const files = ["a", "b", "exit-1", "c", "d", "e", "f"];
    const { results, seen } = await run(files, 2);
    expect(results.map((r) => r?.outcome)).toEqual(["clean", "clean", "internal", "clean", "clean", "clean", "clean"]);
    expect(results[2]!.findings).toEqual([{ code: "internal", severity: "error", message: "internal error in perf-report: a worker thread stopped (exit code 7). This is a bug in perf-report; please report it (--debug shows the details)", file: "exit-1" }]);
    expect(results[2]!.row.status).toBe("unusable");
    // Every task reported exactly once.
    expect([...seen].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("an error thrown out of the worker is the failed task's reason", async () => {
    const { results } = await run(["a", "throw-1", "b", "c"], 2);
    expect(results.map((r) => r?.outcome)).toEqual(["clean", "internal", "clean", "clean"]);
    expect(results[1]!.findings[0]!.message).toBe("internal error in perf-report: throw-1 broke the worker. This is a bug in perf-report; please report it (--debug shows the details)");
  });

  it("two deadly tasks, each with a harmless one in the same hands: both deadly ones fail, the harmless ones succeed", async () => {
    const { results, seen } = await run(["exit-1", "exit-2", "a", "b"], 2);
    expect(results.map((r) => r?.outcome)).toEqual(["internal", "internal", "clean", "clean"]);
    expect(seen.length).toBe(4);
  });
});

describe("a second Ctrl-C while a unit hangs", () => {
  it("ends the hung workers after the grace period; their units count as cancelled (130), the finished ones keep their results", async () => {
    const seen: number[] = [];
    const pool = runTasks(["a", "hang-1", "hang-2", "b"].map(task), 2, (_: UnitResult, index: number) => seen.push(index), FRAGILE);
    // Once "a" and "b" are done (however slowly the workers start), only the hung units are left.
    while (seen.length < 2) await new Promise((done) => setTimeout(done, 10));
    pool.cancel(50);
    const results = await pool.results;
    expect(results.map((r) => r?.outcome)).toEqual(["clean", "cancelled", "cancelled", "clean"]);
    expect([...seen].sort((x, y) => x - y)).toEqual([0, 1, 2, 3]);
  });
});

describe("a worker that dies after stop() (the first Ctrl-C)", () => {
  it("the tasks it held are started work: the bystander still runs again and succeeds, the culprit fails; none is left without a result", async () => {
    const seen: number[] = [];
    const pool = runTasks(["a", "b", "exit-1", "c"].map(task), 2, (_: UnitResult, index: number) => seen.push(index), FRAGILE);
    pool.stop();
    const results = await pool.results;
    expect(results.map((r) => r?.outcome)).toEqual(["clean", "clean", "internal", "clean"]);
    expect([...seen].sort((x, y) => x - y)).toEqual([0, 1, 2, 3]);
  });
});
