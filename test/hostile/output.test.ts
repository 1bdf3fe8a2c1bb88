/**
 * Issue 6 §2, atomic and safe output, through the built CLI:
 *   - a batch interrupted by SIGINT, SIGTERM or SIGHUP exits 130, leaves no temporary file, and every
 *     output it wrote is complete (a DOCX is a valid zip, Markdown ends with a line break);
 *   - a full disk (a 64 KiB tmpfs) fails with exit 2 and a clear message, leaves no partial
 *     file and the previous good output byte-identical;
 *   - a device as the output (like /dev/full, /dev/null) is refused and left a device — tested
 *     on private device nodes, never on the real /dev (the CLI once renamed its output over it);
 *   - output is never written outside the requested folder, whatever the dataset's file name
 *     or content, and never over the input.
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDatasets } from "../helpers/datasets.js";
import { cliEnv, ROOT, STACK_FRAME } from "../helpers/cli.js";
import { EXAMPLE, freshDir, privateCli, snapshot, type PrivateCli } from "../helpers/hostile.js";

let cli: PrivateCli;
const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const d = freshDir(prefix);
  dirs.push(d);
  return d;
};
let batch: string;

beforeAll(() => {
  cli = privateCli();
  // ~100 synthetic units (bench/generate.mjs), larger than the default so that a build takes a while.
  batch = join(tempDir("batch"), "data");
  writeDatasets(batch, 100, [], [], { funds: 7, indicators: 30 });
}, 180_000);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  cli?.remove();
});

const TEMPORARY = /\.tmp$|^\.[^/]*\.[0-9a-f]{12}\.tmp$/;

/** Every output present is complete: a DOCX unzips and has its document part, Markdown ends with a line break. */
function assertComplete(out: string): string[] {
  const names = readdirSync(out).sort();
  for (const name of names) {
    const bytes = readFileSync(join(out, name));
    if (name.endsWith(".docx")) {
      const parts = unzipSync(new Uint8Array(bytes));
      expect(Object.keys(parts), `${name} is a complete DOCX`).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml"]));
    } else if (name.endsWith(".md")) {
      expect(bytes.length, `${name} is not empty`).toBeGreaterThan(0);
      expect(bytes.at(-1), `${name} ends with a line break`).toBe(0x0a);
    } else {
      throw new Error(`unexpected file in the output folder: ${name}`);
    }
  }
  return names;
}

interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Builds the batch, sends `signals` (one after the other, `gap` ms apart) after the first "已生成" line. */
function interruptBatch(out: string, signals: NodeJS.Signals[], gap = 0, formats = "docx,md"): Promise<Interrupted> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli.bin, "build", batch, "-o", `${out}/`, "--jobs", "2", "-f", formats], { cwd: ROOT, env: cliEnv({ CI: "1" }), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let sent = false;
    const killer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
      if (!sent && stderr.includes("已生成")) {
        sent = true;
        signals.forEach((s, i) => setTimeout(() => child.kill(s), i * gap));
      }
    });
    child.on("error", fail);
    child.on("close", (code, signal) => {
      clearTimeout(killer);
      done({ code, signal, stderr });
    });
  });
}

describe("an interrupted batch (100 units, --jobs 2)", () => {
  // SIGHUP (the terminal closed) as well: it once killed the run outright, leaving .tmp files.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    it(`${signal} after the first output: exit 130, no temporary file, every output complete`, async () => {
      const out = tempDir(`interrupt-${signal}`);
      const r = await interruptBatch(out, [signal]);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(130);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(r.stderr).toMatch(/\nperf-report: 已中断（完成 \d+\/100 个）\n$/);
      const finished = Number(/已中断（完成 (\d+)\/100 个）/.exec(r.stderr)![1]);
      expect(finished).toBeGreaterThan(0);
      expect(finished).toBeLessThan(100);
      const names = assertComplete(out);
      expect(names.filter((n) => TEMPORARY.test(n))).toEqual([]);
      // Every output announced is there, and nothing is there that was not announced.
      const announced = [...r.stderr.matchAll(/^已生成 (.+)$/gm)].map((m) => m[1]!.slice(out.length + 1)).sort();
      expect(names).toEqual(announced);
      expect(names.length).toBe(finished * 2);
    }, 120_000);
  }

  // A second Ctrl-C while the running units finish: the run is to stop at once and leave no
  // temporary file. Up to 48 interrupts, gaps of 0, 10, 40 and 60 ms, stopping at the first
  // failure. History: the second Ctrl-C once terminated the busy workers and called
  // process.exit; 1 interrupt in 5 to 10 left a temporary file, and later 1 in ~40 (in CI,
  // under load) ended in SIGABRT. Now it sets a flag the running units read before each write
  // (src/batch/cancel.ts): no worker is killed mid-step, and the run ends through the normal path.
  // Killed by SIGINT itself (a second Ctrl-C after the run has settled and its handler is
  // gone) counts as exit 130: that is what a shell reports, and no unit is running.
  it("SIGINT twice (Ctrl-C, Ctrl-C): exit 130 and no temporary file left, every time (48 tries)", async () => {
    for (let i = 0; i < 48; i++) {
      const gap = [0, 10, 40, 60][i % 4]!;
      const out = tempDir("interrupt-twice");
      const r = await interruptBatch(out, ["SIGINT", "SIGINT"], gap, "docx,md,html,json");
      expect(r.code === 130 || r.signal === "SIGINT", `try ${i + 1} (gap ${gap} ms): exit 130, got ${r.code ?? r.signal}; stderr ends: ${r.stderr.slice(-600)}`).toBe(true);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(readdirSync(out).filter((n) => TEMPORARY.test(n)), `try ${i + 1} (gap ${gap} ms): temporary files left`).toEqual([]);
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);

  // This used to hang until killed (and SIGTERM only stopped new units): the pipe is no longer read at all.
  it("a FIFO nobody writes to never leaves a run stuck: refused at once (exit 2), no signal needed", async () => {
    const dir = tempDir("fifo");
    const pipe = join(dir, "pipe.yaml");
    spawnSync("mkfifo", [pipe]);
    const child = spawn(process.execPath, [cli.bin, "check", pipe], { cwd: ROOT, env: cliEnv(), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
    const code = await Promise.race([exited, new Promise<"still running">((r) => setTimeout(() => r("still running"), 5000))]);
    if (code === "still running") child.kill("SIGKILL");
    await exited;
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toBe(`${pipe}: error[io.not-a-file] 这不是普通文件（可能是管道或设备）`);
  }, 20_000);
});

describe("a full disk (a 64 KiB tmpfs)", () => {
  let mount: string | undefined;
  let why = "";
  beforeAll(() => {
    const dir = tempDir("tmpfs");
    const r = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { encoding: "utf8" });
    if (r.status === 0) mount = dir;
    else why = (r.stderr || r.error?.message || `exit ${r.status}`).trim();
    if (!mount) console.log(`test/hostile/output.test.ts: a full disk is not tested here, mount -t tmpfs is not permitted (${why})`);
  });
  afterAll(() => {
    if (mount) spawnSync("umount", [mount]);
  });

  it("building the example's DOCX into it: exit 2, a message naming the file, no partial file, the previous good DOCX byte-identical", async (ctx) => {
    if (!mount) return ctx.skip();
    // The previous good output: a real DOCX of the example, built elsewhere.
    const elsewhere = tempDir("good");
    const good = await cli.run(["build", EXAMPLE, "-o", `${elsewhere}/`]);
    expect(good.code).toBe(0);
    copyFileSync(join(elsewhere, "yongzhou-2020.docx"), join(mount, "yongzhou-2020.docx"));
    // Fill the rest but 8 KiB: a new DOCX (~20 KiB) cannot fit.
    const df = spawnSync("df", ["-B1", "--output=avail", mount], { encoding: "utf8" });
    const free = Number(df.stdout.trim().split("\n").at(-1));
    writeFileSync(join(mount, "filler"), Buffer.alloc(Math.max(0, free - 8192)));
    const before = snapshot(mount);

    const r = await cli.run(["build", EXAMPLE, "-o", `${mount}/`]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`${mount}/yongzhou-2020.docx: error[build.write] 无法写入：磁盘空间不足`);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(snapshot(mount)).toEqual(before);

    // The same as a single -o FILE, and in English.
    const en = await cli.run(["build", EXAMPLE, "-o", join(mount, "yongzhou-2020.docx"), "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr.split("\n")[0]).toBe(`${mount}/yongzhou-2020.docx: error[build.write] cannot write: no space left on the disk`);
    expect(snapshot(mount)).toEqual(before);
  }, 60_000);

  it("several formats, the disk full after the first: no partial file, the outputs written are complete", async (ctx) => {
    if (!mount) return ctx.skip();
    for (const name of readdirSync(mount)) rmSync(join(mount, name), { force: true });
    const df = spawnSync("df", ["-B1", "--output=avail", mount], { encoding: "utf8" });
    const free = Number(df.stdout.trim().split("\n").at(-1));
    writeFileSync(join(mount, "filler"), Buffer.alloc(Math.max(0, free - 36 * 1024)));
    const r = await cli.run(["build", EXAMPLE, "-o", `${mount}/`, "-f", "md,docx,json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error\[build\.write\] 无法写入：磁盘空间不足/);
    const names = readdirSync(mount).filter((n) => n !== "filler");
    expect(names.filter((n) => TEMPORARY.test(n))).toEqual([]);
    for (const n of names) if (n.endsWith(".md")) expect(readFileSync(join(mount, n)).at(-1)).toBe(0x0a);
    for (const n of names) if (n.endsWith(".docx")) expect(Object.keys(unzipSync(new Uint8Array(readFileSync(join(mount, n)))))).toContain("word/document.xml");
    rmSync(join(mount, "filler"));
  }, 60_000);
});

describe("a device as the output (private device nodes, never the real /dev)", () => {
  let devices: string | undefined;
  beforeAll(() => {
    const dir = tempDir("devices");
    const full = spawnSync("mknod", [join(dir, "full.md"), "c", "1", "7"]);
    const nul = spawnSync("mknod", [join(dir, "null.md"), "c", "1", "3"]);
    if (full.status === 0 && nul.status === 0) devices = dir;
    else console.log("test/hostile/output.test.ts: device outputs are not tested here, mknod is not permitted");
  });

  // Before the fix, `perf-report build x.yaml -o /dev/null -f md` run as root replaced /dev/null
  // with a regular file holding the report (writeAtomic renamed its temporary file over the node).
  it("-o a device like /dev/full: refused (exit 2), and the device node is still a device, nothing else left beside it", async (ctx) => {
    if (!devices) return ctx.skip();
    const target = join(devices, "full.md");
    const before = snapshot(devices);
    const r = await cli.run(["build", EXAMPLE, "-o", target, "-f", "md"]);
    expect(lstatSync(target).isCharacterDevice(), "still a character device").toBe(true);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`${target}: error[build.write] 无法写入：目标不是普通文件，不会覆盖`);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(snapshot(devices)).toEqual(before);
  });

  it("-o a device like /dev/null: refused (exit 2, in English with --lang en), and the device node is still a device", async (ctx) => {
    if (!devices) return ctx.skip();
    const target = join(devices, "null.md");
    const before = snapshot(devices);
    const r = await cli.run(["build", EXAMPLE, "-o", target, "-f", "md", "--lang", "en"]);
    expect(lstatSync(target).isCharacterDevice(), "still a character device").toBe(true);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`${target}: error[build.write] cannot write: the target is not a regular file; it is left alone`);
    expect(snapshot(devices)).toEqual(before);
  });
});

describe("never outside the requested folder", () => {
  const NAMES = [
    "..yaml",
    "...yaml",
    "a..b.yaml",
    ".hidden.yaml",
    "$(touch PWNED) `touch PWNED2`;&|<>.yaml",
    "-rf.yaml",
    "名 称 ✓ (2020).yaml",
    "line\nbreak.yaml",
    "..\\..\\windows-escape.yaml",
    "CON.yaml",
    "%2e%2e%2fencoded.yaml",
  ];

  it("dataset file names with .., path-like or odd characters: every output lands directly in -o DIR, named after the file, nothing elsewhere", async () => {
    const work = tempDir("names");
    const data = join(work, "data");
    const out = join(work, "out");
    mkdirSync(data);
    const minimal = readFileSync(join(ROOT, "test/fixtures/valid/minimal.yaml"), "utf8");
    // The content tries to name the output too.
    const hostile = minimal.replace("name: 测试局", 'name: "../../../etc/evil"').concat('title: "../../标题/../x"\n');
    for (const name of NAMES) writeFileSync(join(data, name), hostile);
    const before = snapshot(work);
    const inputs = NAMES.map((n) => join(data, n));
    const r = await cli.run(["build", ...inputs, "-o", `${out}/`, "-f", "md"], { cwd: work });
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.code).toBe(0);
    const after = snapshot(work);
    const created = Object.keys(after).filter((k) => !(k in before));
    // Only the output folder and files directly inside it; the inputs are unchanged.
    for (const k of created) expect(k === "out/" || /^out\/[^/]+\.md$/.test(k), k).toBe(true);
    for (const k of Object.keys(before)) expect(after[k], k).toBe(before[k]);
    const outputs = readdirSync(out);
    expect(outputs).toHaveLength(NAMES.length);
    for (const name of outputs) {
      expect(name).not.toMatch(/[/\\\n]|^\./);
      expect(resolve(out, name).startsWith(`${resolve(out)}/`)).toBe(true);
    }
    expect(existsSync(join(work, "PWNED"))).toBe(false);
    expect(existsSync(join(ROOT, "PWNED"))).toBe(false);
    expect(outputs.some((n) => n.includes("evil") || n.includes("标题"))).toBe(false);
  }, 60_000);

  it("an input reached through ../ and a directory of datasets: outputs only in -o DIR", async () => {
    const work = tempDir("dotdot");
    mkdirSync(join(work, "a", "b"), { recursive: true });
    const minimal = readFileSync(join(ROOT, "test/fixtures/valid/minimal.yaml"));
    writeFileSync(join(work, "a", "b", "2020.yaml"), minimal);
    writeFileSync(join(work, "a", "2021.yaml"), minimal);
    const before = snapshot(work);
    const r = await cli.run(["build", "a/b/../../a/b/2020.yaml", "a/", "-o", "out/", "-f", "md"], { cwd: work });
    expect(r.code).toBe(0);
    const created = Object.keys(snapshot(work)).filter((k) => !(k in before));
    expect(created.sort()).toEqual(["out/", "out/2020.md", "out/2021.md"]);
  });

  it("two datasets with the same file name in different folders: two outputs, neither overwrites the other", async () => {
    const work = tempDir("clash");
    const minimal = readFileSync(join(ROOT, "test/fixtures/valid/minimal.yaml"), "utf8");
    for (const [county, name] of [["甲县", "甲县财政局"], ["乙县", "乙县财政局"]] as const) {
      mkdirSync(join(work, "data", county), { recursive: true });
      writeFileSync(join(work, "data", county, "2020.yaml"), minimal.replace("测试局", name));
    }
    const r = await cli.run(["build", "data", "-o", "out/", "-f", "md"], { cwd: work });
    expect(r.code).toBe(0);
    const outputs = readdirSync(join(work, "out")).sort();
    expect(outputs).toHaveLength(2);
    const texts = outputs.map((n) => readFileSync(join(work, "out", n), "utf8"));
    expect(texts.some((t) => t.includes("甲县财政局"))).toBe(true);
    expect(texts.some((t) => t.includes("乙县财政局"))).toBe(true);
  });

  it("never over the input: -o naming the input, or a folder where the output name is the input's, is refused and the input is byte-identical", async () => {
    const work = tempDir("input");
    const input = join(work, "report.md");
    writeFileSync(input, readFileSync(join(ROOT, EXAMPLE)));
    const original = readFileSync(input);
    const direct = await cli.run(["build", input, "-o", input, "-f", "md"]);
    expect(direct.code).toBe(2);
    expect(direct.stderr).toContain(`输出文件不能覆盖输入文件 ${input}`);
    const viaFolder = await cli.run(["build", input, "-o", `${work}/`, "-f", "md"]);
    expect(viaFolder.code).toBe(2);
    expect(viaFolder.stderr).toContain("输出文件不能覆盖输入文件");
    expect(readFileSync(input)).toEqual(original);
    expect(readdirSync(work)).toEqual(["report.md"]);
  });

  // The output folder is made by the first write (src/write/atomic.ts), not before the units run.
  it("a failed build creates no output folder", async () => {
    const work = tempDir("nofolder");
    const r = await cli.run(["build", `${ROOT}/test/fixtures/invalid/negative-amount.yaml`, "-o", join(work, "new", "folder") + "/"]);
    expect(r.code).toBe(2);
    expect(readdirSync(work)).toEqual([]);
  });
});
