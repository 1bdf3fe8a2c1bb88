#!/usr/bin/env node
// The build: the CLI and its pool worker bundled by esbuild into dist/ (one file to load per
// command instead of hundreds of modules), plus the schema compiled to standalone code.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync(new URL("../dist/", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: "src/cli/main.ts", worker: "src/batch/worker.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Dependencies are bundled too: one file to read and compile instead of hundreds of modules.
  // ajv-i18n is loaded with createRequire at run time and stays in node_modules.
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
  legalComments: "none",
  minify: !process.argv.includes("--no-minify"),
  // CommonJS dependencies inside an ESM bundle still call require() for Node's built-ins.
  banner: { js: 'import { createRequire as __perfReportRequire } from "node:module"; const require = __perfReportRequire(import.meta.url);' },
});
await import("./build-validator.mjs");
await import("./build-template.mjs");
