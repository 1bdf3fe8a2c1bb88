/**
 * Issue 10: what a build says after its findings ("wrote …", "nothing was built") is data —
 * a catalogue key and its params — worded by the formatter in the run's language, like findings.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { unitText } from "../../src/cli/report.js";
import { buildDataset } from "../../src/pipeline/build.js";

const MINIMAL = resolve("test/fixtures/valid/minimal.yaml");
const PUBLISHED = resolve("examples/yongzhou-2020-as-published.yaml");

describe("a build's lines after its findings", () => {
  it("name the files written as key/params, worded in the language they are printed in", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perf-report-messages-"));
    const result = await buildDataset(MINIMAL, { lang: "zh", formats: ["md", "json"], out: { dir } });
    expect(result.messages).toEqual([
      { key: "build.wrote", params: { file: join(dir, "minimal.md") } },
      { key: "build.wrote", params: { file: join(dir, "minimal.json") } },
    ]);
    expect(unitText(result, "en")).toBe(`wrote ${join(dir, "minimal.md")}\nwrote ${join(dir, "minimal.json")}\n`);
    expect(unitText(result, "zh")).toBe(`已生成 ${join(dir, "minimal.md")}\n已生成 ${join(dir, "minimal.json")}\n`);
  });

  it("say a refused build as key/params too", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perf-report-messages-"));
    const result = await buildDataset(PUBLISHED, { lang: "en", formats: ["md"], out: { dir } });
    expect(result.written).toEqual([]);
    expect(result.messages).toEqual([{ key: "build.refused", params: { file: PUBLISHED, count: 5 } }]);
    expect(unitText({ ...result, findings: [] }, "zh")).toBe(`perf-report: ${PUBLISHED} 有 5 个错误，未生成报告；确需生成请加 --force\n`);
  });
});
