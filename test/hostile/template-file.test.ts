/**
 * Issue 11 item 3: `--template` is read like every other input — only a regular file, and no
 * larger than `--max-bytes` (default 5 MiB). A FIFO once hung the build forever, /dev/zero grew
 * it to 21 GB (that one is in the corpus, test/fixtures/bad/cases.ts), a 60 MB template was read whole.
 */
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildDataset } from "../../src/pipeline/build.js";
import { cli, STACK_FRAME } from "../helpers/cli.js";
import { EXAMPLE } from "../helpers/hostile.js";

const tmp = mkdtempSync(join(tmpdir(), "perf-report-template-file-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const posix = process.platform !== "win32";

/** A template of exactly `bytes` bytes: a title, then a Handlebars comment. */
function bigTemplate(name: string, bytes: number): string {
  const head = "{{#doctitle}}甲乙{{/doctitle}}\n{{!-- ";
  const tail = " --}}\n";
  const file = join(tmp, name);
  writeFileSync(file, head + "x".repeat(bytes - Buffer.byteLength(head) - Buffer.byteLength(tail)) + tail);
  return file;
}

describe("--template that is not a regular file", () => {
  it.runIf(posix)("a FIFO nobody writes to: refused at once (exit 2), nothing written", () => {
    const fifo = join(tmp, "template.hbs");
    execFileSync("mkfifo", [fifo]);
    const out = mkdtempSync(join(tmp, "out-"));
    const r = cli(["build", EXAMPLE, "--template", fifo, "-o", `${out}/`, "-f", "md"], { timeout: 5000 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`perf-report: ${fifo}: 这不是普通文件（可能是管道或设备）\n`);
    expect(readdirSync(out)).toEqual([]);
  });

  it.runIf(posix)("the same when the pre-check is passed by (the unit's own read): a positioned io.not-a-file finding, exit 2", async () => {
    const fifo = join(tmp, "unit-template.hbs");
    execFileSync("mkfifo", [fifo]);
    const out = mkdtempSync(join(tmp, "out-"));
    const built = buildDataset(resolve(EXAMPLE), { lang: "en", formats: ["md"], out: { dir: out }, template: fifo });
    const result = await Promise.race([built, new Promise<"hung">((r) => setTimeout(() => r("hung"), 5000))]);
    if (result === "hung") {
      // A reader stuck on the pipe: a writer that comes and goes gives it an end, so the test can end.
      closeSync(openSync(fifo, "w"));
      await built;
    }
    expect(result).not.toBe("hung");
    if (result === "hung") return;
    expect(result.outcome).toBe("input");
    expect(result.findings).toEqual([{ code: "io.not-a-file", severity: "error", key: "io.not-a-file", params: {}, file: fifo }]);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("--template larger than --max-bytes", () => {
  it("6 MiB under the default limit (5 MiB): refused with the sizes, exit 2, in the user's language", () => {
    const file = bigTemplate("big.hbs", 6 * 1024 * 1024);
    const out = mkdtempSync(join(tmp, "out-"));
    const zh = cli(["build", EXAMPLE, "--template", file, "-o", `${out}/`, "-f", "md"]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`perf-report: ${file}: 文件过大（6291456 字节，上限 5242880 字节）；可用 --max-bytes 调整上限\n`);
    const en = cli(["build", EXAMPLE, "--template", file, "-o", `${out}/`, "-f", "md", "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(`perf-report: ${file}: file too large (6291456 bytes, limit 5242880); raise the limit with --max-bytes\n`);
    expect(en.stderr).not.toMatch(STACK_FRAME);
    expect(readdirSync(out)).toEqual([]);
  });

  it("the same template under a raised --max-bytes: built", () => {
    const file = bigTemplate("big-allowed.hbs", 6 * 1024 * 1024);
    const out = mkdtempSync(join(tmp, "out-"));
    const r = cli(["build", EXAMPLE, "--template", file, "-o", `${out}/`, "-f", "md", "--max-bytes", "7000000"]);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(["yongzhou-2020.md"]);
  });

  it("a smaller --max-bytes applies to the template too", () => {
    const file = bigTemplate("small.hbs", 2000);
    const r = cli(["build", EXAMPLE, "--template", file, "-o", `${tmp}/small-out/`, "-f", "md", "--max-bytes", "1999", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`perf-report: ${file}: file too large (2000 bytes, limit 1999); raise the limit with --max-bytes`);
  });
});
