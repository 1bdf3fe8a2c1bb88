/**
 * Issue 11 §4, runaway templates, through the built CLI:
 *   - ten nested {{#each}} over the duties are refused within seconds (exit 2, the block's
 *     line and column), in bounded memory, and write nothing;
 *   - 200,000 {{#if}} blocks are refused before Handlebars compiles them;
 *   - Ctrl-C (SIGINT) or SIGTERM during a render that would run for long ends the run with 130
 *     at once, leaving no file: the render runs on a worker, this thread takes the signal;
 *   - in a batch that renders one template for every unit, the unit whose data makes it run
 *     away is reported (exit 2, the dataset named) and every other unit is built.
 * Limits are lowered (PERF_REPORT_RENDER_LIMITS) where a test needs a render stopped sooner,
 * or raised where it needs one that does not stop by itself.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeDatasets } from "../helpers/datasets.js";
import { BIN, cliAsync, cliEnv, ensureBuilt, ROOT, STACK_FRAME } from "../helpers/cli.js";
import { EXAMPLE, tempDirs } from "../helpers/hostile.js";

const tempDir = tempDirs();

const NESTED_EACH = `{{#doctitle}}{{unit.name}}{{/doctitle}}\n${"{{#each @root.duties}}".repeat(10)}{{#para}}x{{/para}}${"{{/each}}".repeat(10)}\n`;
const RUNS = (limit: string) => `error[template.budget] 模板的块已执行超过 ${limit} 次（多半是 {{#each}} 多层嵌套，或局部模板相互调用）`;

function template(name: string, source: string): string {
  const file = join(tempDir("template"), name);
  writeFileSync(file, source);
  return file;
}

/** GNU time, to read the run's peak memory; absent on some systems (then memory is not asserted). */
const GNU_TIME = "/usr/bin/time";
const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-v", "true"]).status === 0;

describe("a single runaway template", () => {
  it("ten nested {{#each}} over the duties: exit 2 within seconds, at the innermost block, in bounded memory, nothing written", async () => {
    const file = template("nested.hbs", NESTED_EACH);
    const out = tempDir("nested-out");
    const started = performance.now();
    const r = await cliAsync(["build", EXAMPLE, "--template", file, "-f", "md", "-o", `${out}/`], { timeout: 30_000 });
    const seconds = (performance.now() - started) / 1000;
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`${file}:2:199: ${RUNS("2,000,000")}`);
    expect(r.stderr).toContain(`  = ${EXAMPLE}: 渲染的是这个数据集\n`);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(readdirSync(out)).toEqual([]);
    expect(seconds).toBeLessThan(15);
  }, 40_000);

  it.skipIf(!hasGnuTime)("…and its peak memory stays under 400 MB (it was 4 GB and an out-of-memory abort)", () => {
    ensureBuilt();
    const file = template("nested.hbs", NESTED_EACH);
    const r = spawnSync(GNU_TIME, ["-v", process.execPath, BIN, "build", EXAMPLE, "--template", file, "-f", "md", "-o", `${tempDir("rss")}/`], { cwd: ROOT, env: cliEnv(), encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(2);
    const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
    expect(kb).toBeGreaterThan(0);
    expect(kb).toBeLessThan(400 * 1024);
  }, 40_000);

  it("200,000 {{#if}} blocks (5 MB): refused at the 10,001st tag before compiling (it took minutes and 4 GB)", async () => {
    const file = template("ifs.hbs", `# 标题\n${"{{#if unit.name}}a{{/if}}".repeat(200_000)}\n`);
    const r = await cliAsync(["build", EXAMPLE, "--template", file, "-f", "md", "-o", `${tempDir("ifs-out")}/`], { timeout: 20_000 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`${file}:2:125001: error[template.error] 模板中的 {{…}} 标记超过 10,000 个`);
  }, 30_000);
});

/** Starts a build that would render for a long time, signals it after `delay` ms, and times how long it takes to end. */
function interruptRender(signal: NodeJS.Signals, out: string, delay: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; afterSignal: number }> {
  ensureBuilt();
  const file = template("nested.hbs", NESTED_EACH);
  // Limits that this render does not reach in a minute: only the signal can end it.
  const env = cliEnv({ PERF_REPORT_RENDER_LIMITS: "chars=1000000000,runs=1000000000000,ms=600000" });
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, "build", EXAMPLE, "--template", file, "-f", "docx,md", "-o", `${out}/`], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let sentAt = 0;
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const sender = setTimeout(() => {
      sentAt = performance.now();
      child.kill(signal);
    }, delay);
    const killer = setTimeout(() => child.kill("SIGKILL"), delay + 20_000);
    child.on("error", fail);
    child.on("close", (code, sig) => {
      clearTimeout(sender);
      clearTimeout(killer);
      done({ code, signal: sig, stderr, afterSignal: sentAt === 0 ? -1 : performance.now() - sentAt });
    });
  });
}

describe("a signal during a runaway render of one unit", () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`${signal}: exit 130 within 2 s of the signal, no file left (it was ignored until the render ended)`, async () => {
      const out = tempDir(`signal-${signal}`);
      // Long enough for the worker to be rendering (it starts in well under a second).
      const r = await interruptRender(signal, out, 2500);
      expect(r.afterSignal, "the signal was sent while the render ran").toBeGreaterThan(0);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(130);
      expect(r.afterSignal).toBeLessThan(2000);
      expect(r.stderr).toBe("perf-report: 已中断（完成 0/1 个）\n");
      expect(readdirSync(out)).toEqual([]);
    }, 40_000);
  }
});

describe("a batch where one unit's data makes the template run away", () => {
  it("20 units under one --template: the one with 100 duties is reported (exit 2, the dataset named, in input order), the other 19 are built", async () => {
    const data = join(tempDir("batch"), "data");
    const files = writeDatasets(data, 20);
    const bad = files[6]!;
    const duties = Array.from({ length: 100 }, (_, i) => `职责${i + 1}`).join(", ");
    writeFileSync(bad, readFileSync(bad, "utf8").replace("duties: [负责测试工作。]", `duties: [${duties}]`));
    // Each unit's own duty, times every duty three deep: 1 run for a unit with one duty, 100^4 for the bad one.
    const file = template("batch.hbs", "{{#doctitle}}{{unit.name}}{{/doctitle}}\n{{#para}}{{#each duties}}\n{{#each @root.duties}}{{#each @root.duties}}{{#each @root.duties}}（{{inc @index}}）{{this}}{{/each}}{{/each}}{{/each}}\n{{/each}}{{/para}}\n");
    const out = tempDir("batch-out");
    const r = await cliAsync(["build", data, "--template", file, "-f", "md", "-o", `${out}/`, "--jobs", "2"], { env: { PERF_REPORT_RENDER_LIMITS: "runs=20000" }, timeout: 60_000 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    const names = files.map((f) => f.slice(data.length + 1).replace(/\.yaml$/, ".md"));
    expect(readdirSync(out).sort()).toEqual(names.filter((_, i) => i !== 6));
    const lines = r.stderr.split("\n");
    const at = lines.indexOf(`${file}:3:45: ${RUNS("20,000")}`);
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 5)).toEqual([
      "  |",
      "3 | {{#each @root.duties}}{{#each @root.duties}}{{#each @root.duties}}（{{inc @index}}）{{this}}{{/each}}{{/each}}{{/each}}",
      "  |                                             ^",
      `  = ${bad}: 渲染的是这个数据集`,
    ]);
    // In input order: after unit 6's output, before unit 8's.
    expect(lines[at - 1]).toBe(`已生成 ${out}/unit-0006.md`);
    expect(lines[at + 6]).toBe(`已生成 ${out}/unit-0008.md`);
    expect(lines.at(-2)).toMatch(/^处理了 20 个文件（19 个通过，0 个有问题，1 个无法使用）：1 个错误，0 个警告，用时 [\d.]+ 秒$/);
  }, 90_000);
});
