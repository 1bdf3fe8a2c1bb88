import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentMeta } from "../../src/render/meta.js";
import { toDocx } from "../../src/write/docx.js";
import { GB9704 } from "../../src/write/style.js";
import { buildBlocks, SEED } from "../helpers/build-example.js";

const soffice = ["soffice", "libreoffice"].find((cmd) => spawnSync(cmd, ["--version"]).status === 0);
const pdftotext = spawnSync("pdftotext", ["-v"]).status === 0;
if (!soffice || !pdftotext) {
  console.warn("skipping the LibreOffice test: install libreoffice-writer-nogui and poppler-utils to run it");
}

/** Figures the sample printed wrongly, and what the reconciled report prints instead. */
const CORRECTED: Record<string, string> = { "352.13": "352.26", "69.1": "69.9", "201.92": "201.93", "114.16": "114.17" };

describe.skipIf(!soffice || !pdftotext)("the DOCX as LibreOffice renders it", () => {
  it("converts to a PDF whose text holds every heading and every figure of the sample", async () => {
    const { model, blocks } = await buildBlocks();
    const dir = mkdtempSync(join(tmpdir(), "perf-report-lo-"));
    const docx = join(dir, "report.docx");
    writeFileSync(docx, await toDocx({ blocks }, documentMeta(model.dataset, undefined), GB9704));
    execFileSync(soffice!, ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, docx], { stdio: "ignore", timeout: 120_000 });
    // pdftotext spaces out justified CJK lines and breaks them; compare without whitespace or digit grouping.
    const text = execFileSync("pdftotext", ["-layout", join(dir, "report.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, "").replace(/(\d),(?=\d{3})/g, "$1");
    const pages = execFileSync("pdfinfo", [join(dir, "report.pdf")], { encoding: "utf8" });
    expect(Number(/Pages:\s+(\d+)/.exec(pages)![1])).toBeGreaterThan(10);

    const headings = blocks.filter((b) => b.type === "heading" || b.type === "title").map((b) => (b as { text: string }).text);
    expect(headings.length).toBeGreaterThan(15);
    for (const h of headings) expect(text).toContain(h.replace(/\s+/g, ""));

    const sample = readFileSync(SEED, "utf8").replace(/(\d),(?=\d{3})/g, "$1");
    const figures = [...new Set(sample.match(/\d+(\.\d+)?/g)!)].map((n) => CORRECTED[n] ?? n);
    expect(figures.length).toBeGreaterThan(100);
    const missing = figures.filter((n) => !text.includes(n));
    expect(missing).toEqual([]);
    // Page numbers in the footer.
    expect(text).toContain("—1—");
    expect(text).toContain("—2—");
  }, 180_000);
});
