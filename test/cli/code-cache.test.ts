/**
 * The V8 code cache of the bundle (src/boot/code-cache.ts, made by scripts/build.mjs): a
 * fresh build leaves one that V8 takes, in the main thread and in pool workers alike; a
 * cache that is damaged or missing costs speed only — same output, same exit code.
 */
import { copyFileSync, cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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
    expect(readdirSync(join(cli.root, "dist/cache")).sort()).toEqual(["cli.cjs.cache", "compiled-schema.cjs.cache", "report-template.cjs.cache"]);
  });

  it("is taken by V8 for a check and a build", async () => {
    const check = await cli.run(["check", EXAMPLE], { env: debug });
    expect(check.code).toBe(0);
    expect(cacheLines(check.stderr)).toEqual(["code cache: cli.cjs accepted", "code cache: compiled-schema.cjs accepted"]);
    const out = join(cli.root, "out.docx");
    const build = await cli.run(["build", EXAMPLE, "-o", out], { env: debug });
    expect(build.code).toBe(0);
    expect(cacheLines(build.stderr)).toEqual(["code cache: cli.cjs accepted", "code cache: compiled-schema.cjs accepted", "code cache: report-template.cjs accepted"]);
  });

  it("is taken by pool workers too (four datasets, --jobs 2: two to each)", async () => {
    const dir = join(cli.root, "two");
    mkdirSync(dir);
    for (const name of ["a.yaml", "b.yaml", "c.yaml", "d.yaml"]) copyFileSync(join(ROOT, EXAMPLE), join(dir, name));
    const build = await cli.run(["build", dir, "--jobs", "2", "-o", `${dir}/`], { env: debug });
    expect(build.code).toBe(0);
    const lines = cacheLines(build.stderr);
    expect(lines.filter((l) => !/\(worker \d+\)$/.test(l))).toEqual(["code cache: cli.cjs accepted"]);
    // Each worker: the bundle, the schema validator, the template; the order of workers aside.
    expect(lines.filter((l) => /\(worker \d+\)$/.test(l)).map((l) => l.replace(/ \(worker \d+\)$/, ""))).toEqual(
      ["cli.cjs", "cli.cjs", "compiled-schema.cjs", "compiled-schema.cjs", "report-template.cjs", "report-template.cjs"].map((n) => `code cache: ${n} accepted`),
    );
  });

  it("damaged or missing, it is not used, and the check says exactly what it says with it", async () => {
    const copy = join(cli.root, "..", `${cli.root.split("/").pop()}-damaged`);
    cpSync(cli.root, copy, { recursive: true });
    try {
      const bin = join(copy, "bin/perf-report.js");
      const good = await cli.run(["check", EXAMPLE, "--format", "json"]);
      writeFileSync(join(copy, "dist/cache/cli.cjs.cache"), Buffer.alloc(4096, 0x5a));
      rmSync(join(copy, "dist/cache/compiled-schema.cjs.cache"));
      const damaged = await cliAsync(["check", EXAMPLE, "--format", "json"], { bin, env: debug });
      expect(damaged.code).toBe(good.code);
      expect(damaged.stdout.replace(/"seconds": [\d.e-]+/, "")).toBe(good.stdout.replace(/"seconds": [\d.e-]+/, ""));
      expect(cacheLines(damaged.stderr)).toEqual(["code cache: cli.cjs not used", "code cache: compiled-schema.cjs not used"]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
