#!/usr/bin/env node
// The build: the CLI (with its pool worker) bundled by esbuild into one CommonJS script,
// dist/cli.cjs — one file to load instead of hundreds of modules, and a script whose V8 code
// cache can be kept (src/boot/code-cache.ts; Node 20 caches no ES modules) — plus the schema
// compiled to standalone code, the default template precompiled, and the code cache itself.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const dist = new URL("../dist/", import.meta.url);
rmSync(dist, { recursive: true, force: true });
const common = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  logLevel: "warning",
  legalComments: "none",
  minify: !process.argv.includes("--no-minify"),
};
// The DOCX writer and the docx package in a script of their own, dist/writer-docx.cjs, which
// the writer registry requires on first use: a check, or a build of Markdown, neither reads
// nor deserialises the package's code (its cache included).
const docxApart = {
  name: "docx-writer-apart",
  setup(b) {
    b.onResolve({ filter: /^\.\/docx\.js$/ }, (args) => (args.importer.endsWith("src/write/registry.ts") ? { path: "./writer-docx.cjs", external: true } : undefined));
  },
};
await build({ ...common, entryPoints: ["src/write/docx.ts"], outfile: "dist/writer-docx.cjs" });
await build({
  ...common,
  entryPoints: ["src/entry.ts"],
  outfile: "dist/cli.cjs",
  plugins: [docxApart],
  // import() of that script as require(), which the code cache's loader serves (src/boot/code-cache.ts).
  supported: { "dynamic-import": false },
  // Dependencies are bundled too; ajv-i18n and the generated modules below are required at
  // run time. A module's own URL, in a CommonJS bundle, is the bundle's.
  define: { "import.meta.url": "__perfReportUrl" },
  banner: { js: 'const __perfReportUrl = require("node:url").pathToFileURL(__filename).href;' },
});
await build({ ...common, entryPoints: ["src/boot/code-cache.ts"], outfile: "dist/boot.cjs" });
writeFileSync(new URL("worker.cjs", dist), '// A pool worker thread: the same bundle, with the same code cache.\nrequire("./boot.cjs").load("cli.cjs").startWorker();\n');
await import("./build-validator.mjs");
await import("./build-template.mjs");

// The code cache: a build and a check of the example in one process, in its main thread
// (--jobs 1), so that the bytecode of everything they run is kept. A failure here costs
// speed, not the build.
const scratch = mkdtempSync(join(tmpdir(), "perf-report-build-"));
try {
  const example = fileURLToPath(new URL("../examples/yongzhou-2020.yaml", import.meta.url));
  const train = `
    const { main } = require("./dist/boot.cjs").load("cli.cjs");
    (async () => {
      const build = await main(["build", ${JSON.stringify(example)}, "--jobs", "1", "-f", "docx,md,html,json", "-o", ${JSON.stringify(`${scratch}/`)}, "--quiet"]);
      const check = await main(["check", ${JSON.stringify(example)}, "--jobs", "1", "--quiet"]);
      process.exitCode = build || check;
    })();`;
  // NODE_OPTIONS can carry V8 flags, and V8 refuses a cache made under other flags than its own:
  // the cache is made for a plain `node`.
  const { NODE_OPTIONS: _, ...inherited } = process.env;
  const trainingEnv = { ...inherited, PERF_REPORT_WRITE_CODE_CACHE: "1", CI: "1" };
  const run = spawnSync(process.execPath, ["-e", train], { cwd: fileURLToPath(new URL("..", import.meta.url)), env: trainingEnv, encoding: "utf8" });
  if (run.status !== 0) console.warn(`build: no code cache (the training run failed: ${run.stderr.trim()})`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
