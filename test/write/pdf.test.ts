/**
 * -f pdf (issue 12): the DOCX converted by LibreOffice into the same atomic write; without
 * LibreOffice a clear error with the install command, exit 2, and nothing written.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, cliEnv, ensureBuilt } from "../helpers/cli.js";
import { valid } from "../helpers/fixtures.js";

ensureBuilt();
const soffice = ["soffice", "libreoffice"].find((cmd) => spawnSync(cmd, ["--version"]).status === 0);

function build(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [BIN, "build", ...args], { encoding: "utf8", env: cliEnv(env) });
  return { code: r.status, stderr: r.stderr };
}

describe("-f pdf", () => {
  it("without LibreOffice: exit 2, the install command, and no output", () => {
    const dir = mkdtempSync(join(tmpdir(), "perf-report-pdf-"));
    const input = valid("minimal.yaml");
    const r = build([input, "-f", "pdf", "-o", `${dir}/out/`], { PERF_REPORT_SOFFICE: join(dir, "no-such-soffice") });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${input}: error[build.pdf] 生成 PDF 需要 LibreOffice，但找不到 soffice 命令；请先安装：sudo apt-get install libreoffice-writer-nogui（macOS：brew install --cask libreoffice），或用 PERF_REPORT_SOFFICE 指定其路径\n\n处理了 1 个文件：1 个错误，0 个警告\n`,
    );
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it.skipIf(!soffice)(
    "with LibreOffice: a PDF beside the DOCX, the units of the run converted by one LibreOffice start",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "perf-report-pdf-"));
      const log = join(dir, "starts.log");
      const wrapper = join(dir, "soffice.sh");
      writeFileSync(wrapper, `#!/bin/sh\n[ "$1" = "--version" ] || echo start >> "${log}"\nexec ${soffice} "$@"\n`);
      chmodSync(wrapper, 0o755);
      const inputs = ["a", "b"].map((name) => {
        const file = join(dir, `${name}.yaml`);
        writeFileSync(file, readFileSync(valid("minimal.yaml")));
        return file;
      });
      const r = build([...inputs, "-f", "pdf,docx", "-o", `${dir}/out/`, "--jobs", "2", "--quiet"], { PERF_REPORT_SOFFICE: wrapper });
      expect(r.code).toBe(0);
      expect(readdirSync(join(dir, "out")).sort()).toEqual(["a.docx", "a.pdf", "b.docx", "b.pdf"]);
      for (const name of ["a", "b"]) expect(readFileSync(join(dir, "out", `${name}.pdf`)).subarray(0, 5).toString()).toBe("%PDF-");
      // Two workers, one unit each, and one start of LibreOffice for the run.
      expect(readFileSync(log, "utf8").trim().split("\n")).toHaveLength(1);
    },
    180_000,
  );
});
