#!/usr/bin/env node
// Writes the README's table of dataset fields from the schema, between the markers
// <!-- fields:start --> and <!-- fields:end -->, so that the guide cannot drift from the
// schema. `--check` exits 1 when the README is stale (run by the tests).
import { readFileSync, writeFileSync } from "node:fs";

const schema = JSON.parse(readFileSync(new URL("../schemas/perf-report.schema.json", import.meta.url), "utf8"));
const readmeUrl = new URL("../README.md", import.meta.url);
const defs = schema.definitions;

const resolve = (node) => (node.$ref ? { ...defs[node.$ref.replace("#/definitions/", "")], ...node, $ref: undefined } : node);

function typeOf(node) {
  const n = resolve(node);
  if (n.enum) return n.enum.map((v) => `\`${v}\``).join(" \\| ");
  if (n.oneOf) return n.oneOf.map((o) => (o.const !== undefined ? `\`${o.const}\`` : typeOf(o))).join(" \\| ");
  if (n.type === "array") return `list of ${n.items ? typeOf(n.items) : "any"}`;
  if (n.type === "number") return n.minimum === 0 ? "amount ≥ 0" : "number";
  if (n.type === "integer") return n.minimum === 0 ? "count ≥ 0" : "integer";
  if (n.type === "string") return n.pattern ? "id" : "text";
  if (n.type === "object") return n.properties ? "map" : "map of figure id → number";
  return n.type ?? "";
}

const rows = [];
function walk(node, path, required) {
  const n = resolve(node);
  if (path) rows.push(`| \`${path}\` | ${typeOf(node)}${required ? " (required)" : ""} | ${(node.title ?? n.title ?? "").replace(/\|/g, "\\|")} — ${(node.description ?? n.description ?? "").replace(/\|/g, "\\|")} |`);
  const object = n.type === "array" ? resolve(n.items ?? {}) : n;
  for (const [key, child] of Object.entries(object.properties ?? {})) {
    walk(child, `${path}${path ? "." : ""}${n.type === "array" ? "[]." : ""}${key}`.replace(".[]", "[]"), (object.required ?? []).includes(key));
  }
}
walk(schema, "", false);
const table = ["| field | type | meaning |", "|---|---|---|", ...rows].join("\n");
const readme = readFileSync(readmeUrl, "utf8");
const next = readme.replace(/<!-- fields:start -->[\s\S]*<!-- fields:end -->/, `<!-- fields:start -->\n${table}\n<!-- fields:end -->`);
if (process.argv.includes("--check")) {
  if (next !== readme) {
    console.error("README.md's field table is stale: run npm run gen:docs");
    process.exit(1);
  }
} else writeFileSync(readmeUrl, next);
