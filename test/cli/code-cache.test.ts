/**
 * The V8 code cache of the bundle (src/boot/code-cache.ts, made by scripts/build.mjs): a
 * fresh build leaves one that V8 takes, in the main thread and in pool workers alike; a
 * cache that is damaged or missing costs speed only — same output, same exit code.
 */
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliAsync, ROOT } from "../helpers/cli.js";
import { EXAMPLE, privateCli, type PrivateCli } from "../helpers/hostile.js";

let cli: PrivateCli;
const debug = { PERF_REPORT_DEBUG_CODE_CACHE: "1" };
const cacheLines = (stderr: string): string[] => stderr.match(/^code cache: .*$/gm)?.sort() ?? [];

beforeAll(() => {
  cli = privateCli();
}, 180_000);
afterAll(() => cli?.remove());

describe("the code cache", () => {
  it("is made by the build for every script of dist/ that a check or a build runs", () => {
    expect(readdirSync(join(cli.root, "dist/cache")).sort()).toEqual(["cli.cjs.cache", "compiled-schema.cjs.cache", "manifest.json", "report-template.cjs.cache", "writer-docx.cjs.cache"]);
  });

  it("is taken by V8 for a check and a build", async () => {
    const check = await cli.run(["check", EXAMPLE], { env: debug });
    expect(check.code).toBe(0);
    expect(cacheLines(check.stderr)).toEqual(["code cache: cli.cjs accepted", "code cache: compiled-schema.cjs accepted"]);
    const out = join(cli.root, "out.docx");
    const build = await cli.run(["build", EXAMPLE, "-o", out], { env: debug });
    expect(build.code).toBe(0);
    // The DOCX writer and the docx package are a script of their own, which a check never reads.
    expect(cacheLines(build.stderr)).toEqual(["code cache: cli.cjs accepted", "code cache: compiled-schema.cjs accepted", "code cache: report-template.cjs accepted", "code cache: writer-docx.cjs accepted"]);
  });

  it("is taken by pool workers too (four datasets, --jobs 2: two to each)", async () => {
    const dir = join(cli.root, "two");
    mkdirSync(dir);
    for (const name of ["a.yaml", "b.yaml", "c.yaml", "d.yaml"]) copyFileSync(join(ROOT, EXAMPLE), join(dir, name));
    const build = await cli.run(["build", dir, "--jobs", "2", "-o", `${dir}/`], { env: debug });
    expect(build.code).toBe(0);
    const lines = cacheLines(build.stderr);
    expect(lines.filter((l) => !/\(worker \d+\)$/.test(l))).toEqual(["code cache: cli.cjs accepted"]);
    // Each worker: the bundle, the schema validator, the template, the DOCX writer; the order of workers aside.
    expect(lines.filter((l) => /\(worker \d+\)$/.test(l)).map((l) => l.replace(/ \(worker \d+\)$/, "")).sort()).toEqual(
      ["cli.cjs", "cli.cjs", "compiled-schema.cjs", "compiled-schema.cjs", "report-template.cjs", "report-template.cjs", "writer-docx.cjs", "writer-docx.cjs"].map((n) => `code cache: ${n} accepted`),
    );
  });

  it("four datasets with --jobs 4: one to each worker (every worker has a task before any has two)", async () => {
    const dir = join(cli.root, "four");
    mkdirSync(dir);
    for (const name of ["a.yaml", "b.yaml", "c.yaml", "d.yaml"]) copyFileSync(join(ROOT, EXAMPLE), join(dir, name));
    const check = await cli.run(["check", dir, "--jobs", "4"], { env: debug });
    expect(check.code).toBe(0);
    const validators = cacheLines(check.stderr).filter((l) => l.startsWith("code cache: compiled-schema.cjs accepted (worker "));
    expect(new Set(validators).size).toBe(4);
  });

  it("is made for a plain node even when the build runs under NODE_OPTIONS (V8 refuses a cache made under other flags)", async () => {
    const other = privateCli({ NODE_OPTIONS: "--max-old-space-size=4096" });
    try {
      const check = await other.run(["check", EXAMPLE], { env: debug });
      expect(check.code).toBe(0);
      expect(cacheLines(check.stderr)).toEqual(["code cache: cli.cjs accepted", "code cache: compiled-schema.cjs accepted"]);
    } finally {
      other.remove();
    }
  }, 180_000);

  /** A copy of the private build to damage; removed afterwards. */
  async function withCopy(damage: (dist: string) => void, test: (bin: string) => Promise<void>): Promise<void> {
    const copy = join(cli.root, "..", `${cli.root.split("/").pop()}-damaged`);
    cpSync(cli.root, copy, { recursive: true });
    try {
      damage(join(copy, "dist"));
      await test(join(copy, "bin/perf-report.js"));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
  const withoutTime = (json: string) => json.replace(/"seconds": [\d.e-]+/, "");

  it("damaged inside (bytes changed past its header) or missing, it is not used, and the check says exactly what it says with it", async () => {
    const good = await cli.run(["check", EXAMPLE, "--format", "json"]);
    await withCopy(
      (dist) => {
        // V8 checks a cache's header but not its body: this once crashed the process (SIGTRAP).
        const file = join(dist, "cache/cli.cjs.cache");
        const bytes = readFileSync(file);
        for (let i = 64; i < bytes.length; i += 97) bytes[i] = bytes[i]! ^ 0xa5;
        writeFileSync(file, bytes);
        rmSync(join(dist, "cache/compiled-schema.cjs.cache"));
      },
      async (bin) => {
        const damaged = await cliAsync(["check", EXAMPLE, "--format", "json"], { bin, env: debug });
        expect(damaged.signal).toBeNull();
        expect(damaged.code).toBe(good.code);
        expect(withoutTime(damaged.stdout)).toBe(withoutTime(good.stdout));
        expect(cacheLines(damaged.stderr)).toEqual(["code cache: cli.cjs not used", "code cache: compiled-schema.cjs not used"]);
      },
    );
  });

  it("made for another bundle of the same length, it is not used: the new code runs", async () => {
    await withCopy(
      (dist) => {
        // V8 compares only the source's length: the old cache would run the old code.
        const file = join(dist, "cli.cjs");
        const source = readFileSync(file, "utf8");
        expect(source).toContain("file not found");
        writeFileSync(file, source.replaceAll("file not found", "FILE NOT FOUND"));
      },
      async (bin) => {
        const r = await cliAsync(["check", "no-such.yaml", "--lang", "en"], { bin, env: debug });
        expect(r.code).toBe(2);
        expect(r.stderr).toContain("FILE NOT FOUND");
        expect(cacheLines(r.stderr)).toEqual(["code cache: cli.cjs not used"]);
      },
    );
  });
});
