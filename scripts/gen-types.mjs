#!/usr/bin/env node
// Regenerates src/model/dataset.ts from the JSON Schema, the single source of truth for the
// dataset's shape. `--check` exits 1 when the committed file is stale (run by the tests).
import { readFileSync, writeFileSync } from "node:fs";
import { compile } from "json-schema-to-typescript";

const schemaUrl = new URL("../schemas/perf-report.schema.json", import.meta.url);
const outUrl = new URL("../src/model/dataset.ts", import.meta.url);
const schema = JSON.parse(readFileSync(schemaUrl, "utf8"));
// Chinese titles are for editors; as TypeScript names they would become NoName1, NoName2…
// Inline everything except the named definitions, which become named types.
// Scalar definitions are inlined; object definitions keep a name.
const named = { namedList: "NamedList", titledItems: "TitledItems", indicator: "Indicator" };
const defs = schema.definitions;
const strip = (node) => {
  if (Array.isArray(node)) return node.map(strip);
  if (!node || typeof node !== "object") return node;
  const ref = typeof node.$ref === "string" ? node.$ref.replace("#/definitions/", "") : undefined;
  if (ref && !(ref in named)) return strip({ ...defs[ref], description: node.description });
  const out = {};
  for (const [k, v] of Object.entries(node)) if (!(k === "title" && typeof v === "string")) out[k] = strip(v);
  return out;
};
const input = strip(schema);
input.title = "Dataset";
for (const [key, name] of Object.entries(named)) input.definitions[key].title = name;
const banner = "/* Generated from schemas/perf-report.schema.json by scripts/gen-types.mjs. Do not edit. */";
const ts = await compile(input, "Dataset", {
  bannerComment: banner,
  additionalProperties: false,
  unreachableDefinitions: false,
  format: true,
  style: { printWidth: 120 },
});
if (process.argv.includes("--check")) {
  const current = readFileSync(outUrl, "utf8");
  if (current !== ts) {
    console.error("src/model/dataset.ts is stale: run npm run gen:types");
    process.exit(1);
  }
} else {
  writeFileSync(outUrl, ts);
}
