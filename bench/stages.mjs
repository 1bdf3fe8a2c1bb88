#!/usr/bin/env node
// Where a unit's time goes, stage by stage, in one warm process (what a batch worker does):
//   node bench/stages.mjs [--units N] [--rounds N]
// Bundles the stages from src/ with esbuild (a dev dependency) into a temporary module, runs
// them over N synthetic units of the sample's size (bench/generate.mjs) for several rounds,
// and prints each stage's median time per unit. The first round only warms up.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { syntheticDataset } from "./generate.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const UNITS = arg("--units", 200);
const ROUNDS = arg("--rounds", 6);

const runner = `
import { parseDocument } from "yaml";
import { parseSource } from "./src/load/parse.ts";
import { validateSchema } from "./src/validate/validate.ts";
import { reconcile } from "./src/check/check.ts";
import { renderBlocks } from "./src/render/render.ts";
import { defaultTemplate } from "./src/render/precompiled.ts";
import { toDocx } from "./src/write/docx.ts";
import { GB9704 } from "./src/write/style.ts";

const YAML_OPTIONS = { uniqueKeys: true, merge: false, version: "1.2", prettyErrors: false, strict: true };

/** One round over every text: milliseconds per unit for each stage. */
export async function round(texts) {
  const template = await defaultTemplate();
  const t = { "yaml package alone": 0, "parse and locate (yaml + positions)": 0, "schema": 0, "figures and rules": 0, "template": 0, "DOCX (docx package, its zip)": 0 };
  for (const [i, text] of texts.entries()) {
    let a = performance.now();
    parseDocument(text, YAML_OPTIONS);
    let b = performance.now();
    t["yaml package alone"] += b - a;
    const parsed = parseSource({ file: \`unit-\${i}.yaml\`, text });
    a = performance.now();
    t["parse and locate (yaml + positions)"] += a - b;
    if (!parsed.ok) throw new Error("a synthetic unit did not parse");
    validateSchema(parsed.located);
    b = performance.now();
    t["schema"] += b - a;
    const { model } = reconcile(parsed.located);
    a = performance.now();
    t["figures and rules"] += a - b;
    const blocks = renderBlocks(template, model);
    b = performance.now();
    t["template"] += b - a;
    await toDocx({ blocks }, { title: "t", subject: "ut", unit: "u", year: "2020", date: new Date(0) }, GB9704);
    t["DOCX (docx package, its zip)"] += performance.now() - b;
  }
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v / texts.length]));
}
`;

// Inside the package (node_modules/.cache), so that the bundle finds templates/ and dist/ as the CLI does.
mkdirSync(join(ROOT, "node_modules/.cache"), { recursive: true });
const work = mkdtempSync(join(ROOT, "node_modules/.cache/perf-report-stages-"));
try {
  const outfile = join(work, "stages.mjs");
  await build({
    stdin: { contents: runner, resolveDir: ROOT, loader: "ts", sourcefile: "stages.ts" },
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    banner: { js: 'import { createRequire as __stagesRequire } from "node:module"; const require = __stagesRequire(import.meta.url);' },
  });
  const { round } = await import(pathToFileURL(outfile).href);
  const texts = Array.from({ length: UNITS }, (_, i) => syntheticDataset(i, { funds: 7, indicators: 66 }));
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await round(texts));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const stages = Object.keys(rounds[0]);
  console.log(`ms per unit, median of ${ROUNDS - 1} warm rounds over ${UNITS} units of the sample's size (7 funds, 66 indicators)`);
  let total = 0;
  for (const stage of stages) {
    const ms = median(rounds.slice(1).map((r) => r[stage]));
    if (stage !== "yaml package alone") total += ms;
    console.log(`${stage.padEnd(40)}${ms.toFixed(2).padStart(7)}`);
  }
  console.log(`${"all stages (yaml alone not counted twice)".padEnd(40)}${total.toFixed(2).padStart(7)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
