/**
 * -f pdf over a batch (issue 12): the run's DOCX files go to ONE LibreOffice start at the end
 * of the run, whatever --jobs is, and each PDF is then written atomically. A unit whose file
 * LibreOffice fails to convert is that unit's environment error (exit 2); Ctrl-C while
 * LibreOffice runs stops it, writes no PDF and leaves no temporary file.
 * LibreOffice is stood in for by a script (PERF_REPORT_SOFFICE) that logs each start and
 * writes a fake PDF for each DOCX it is given, except those named in $FAIL.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, cli, cliEnv, ROOT } from "../helpers/cli.js";
import { valid } from "../helpers/fixtures.js";

const NAMES = ["a", "b", "c", "d", "e"];
let work: string;
let inputs: string[];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "perf-report-pdf-run-"));
  inputs = NAMES.map((name) => {
    const file = join(work, `${name}.yaml`);
    writeFileSync(file, readFileSync(valid("minimal.yaml")));
    return file;
  });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A stand-in soffice in `dir`: one log line per start (its arguments), `sleep` seconds, then a PDF per DOCX. */
function fakeSoffice(dir: string, sleep = 0): { command: string; log: string } {
  const log = join(dir, "starts.log");
  const command = join(dir, "soffice");
  writeFileSync(
    command,
    `#!/bin/sh
echo "$*" >> "${log}"
sleep ${sleep}
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
for a in "$@"; do
  case "$a" in
    *.docx) n=$(basename "$a" .docx); case " $FAIL " in *" $n "*) echo "Error: source file could not be loaded" >&2;; *) printf '%%PDF-1.4 fake\\n' > "$out/$n.pdf";; esac;;
  esac
done
`,
  );
  chmodSync(command, 0o755);
  return { command, log };
}

function starts(log: string): string[] {
  return existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : [];
}

describe("-f pdf over a batch", () => {
  for (const jobs of ["1", "2"]) {
    it(`converts the DOCX of 5 units with one LibreOffice start (--jobs ${jobs})`, () => {
      const dir = mkdtempSync(join(work, "run-"));
      const { command, log } = fakeSoffice(dir);
      const r = cli(["build", ...inputs, "-f", "pdf,docx", "-o", `${dir}/out/`, "--jobs", jobs, "--quiet"], { env: { PERF_REPORT_SOFFICE: command, TMPDIR: dir } });
      expect(r.stderr).toMatch(/\n处理了 5 个文件（5 个通过，0 个有问题，0 个无法使用）：0 个错误，0 个警告，用时 [\d.]+ 秒\n$/);
      expect(r.code).toBe(0);
      const lines = starts(log);
      expect(lines).toHaveLength(1);
      expect(lines[0]!.match(/\.docx/g)).toHaveLength(5);
      expect(readdirSync(join(dir, "out")).sort()).toEqual(NAMES.flatMap((n) => [`${n}.docx`, `${n}.pdf`]));
      for (const n of NAMES) expect(readFileSync(join(dir, "out", `${n}.pdf`), "utf8")).toBe("%PDF-1.4 fake\n");
      for (const n of NAMES) expect(r.stderr).toContain(`已生成 ${dir}/out/${n}.pdf\n`);
      // The run's own temporary folder is gone.
      expect(readdirSync(dir).sort()).toEqual(["out", "soffice", "starts.log"]);
    }, 120_000);
  }

  it("a unit whose DOCX LibreOffice cannot convert is that unit's environment error; the others get their PDF", () => {
    const dir = mkdtempSync(join(work, "run-"));
    const { command, log } = fakeSoffice(dir);
    // The second unit in input order is the second file LibreOffice is given.
    const r = cli(["build", ...inputs, "-f", "pdf", "-o", `${dir}/out/`, "--jobs", "2"], { env: { PERF_REPORT_SOFFICE: command, TMPDIR: dir, FAIL: "2" } });
    expect(r.code).toBe(2);
    expect(starts(log)).toHaveLength(1);
    expect(r.stderr).toContain(`${inputs[1]}: error[build.pdf] LibreOffice 未能把 DOCX 转换为 PDF：Error: source file could not be loaded\n`);
    expect(r.stderr).toMatch(/处理了 5 个文件（4 个通过，0 个有问题，1 个无法使用）：1 个错误，0 个警告/);
    for (const n of ["a", "c", "d", "e"]) expect(r.stderr).toContain(`已生成 ${dir}/out/${n}.pdf`);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["a.pdf", "c.pdf", "d.pdf", "e.pdf"]);
  }, 120_000);

  it("Ctrl-C while LibreOffice converts: exit 130, LibreOffice stopped, no PDF, no temporary file", async () => {
    const dir = mkdtempSync(join(work, "run-"));
    const { command, log } = fakeSoffice(dir, 30);
    mkdirSync(join(dir, "out"));
    const child = spawn(process.execPath, [BIN, "build", ...inputs, "-f", "pdf", "-o", `${dir}/out/`, "--jobs", "2", "--quiet"], {
      cwd: ROOT,
      env: cliEnv({ PERF_REPORT_SOFFICE: command, TMPDIR: dir }),
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const started = Date.now();
    while (starts(log).length === 0 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(code).toBe(130);
    expect(stderr).toBe("perf-report: 已中断（完成 0/5 个）\n");
    expect(readdirSync(join(dir, "out"))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(["out", "soffice", "starts.log"]);
  }, 120_000);
});
