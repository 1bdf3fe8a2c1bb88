import { readFileSync } from "node:fs";
import { reconcile } from "../../src/check/check.js";
import type { Model } from "../../src/compute/model.js";
import { loadDataset } from "../../src/pipeline/load.js";
import type { Block } from "../../src/render/blocks.js";
import { renderBlocks } from "../../src/render/render.js";
import { compileTemplate } from "../../src/render/template.js";

export const EXAMPLE = "examples/yongzhou-2020.yaml";
export const SEED = "test/fixtures/seed/yongzhou-2020-sample.txt";

/** The example (or another dataset) rendered through the bundled template. */
export async function buildBlocks(file = EXAMPLE, templateFile = "templates/report.hbs"): Promise<{ model: Model; blocks: Block[] }> {
  const loaded = await loadDataset(file, { lang: "zh" });
  if (!loaded.located) throw new Error(`${file}: ${loaded.findings.map((f) => f.message).join("; ")}`);
  const { model } = reconcile(loaded.located, "zh");
  const template = compileTemplate(readFileSync(templateFile, "utf8"));
  return { model, blocks: renderBlocks(template, model) };
}
