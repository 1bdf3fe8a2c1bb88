#!/usr/bin/env node
// npm run bench — speed and memory of perf-report as whole processes, beside the floor of
// starting Node itself. Uses only public tools: GNU time (/usr/bin/time) for peak RSS.
//   node bench/bench.mjs [--runs N] [--units N] [--quick]
// Writes bench/results.json and prints a table with each figure's ratio to the floor.
//   --baseline DIR: also measure the build in DIR (a checkout with its own dist/), each
//   measure run for both builds one after the other, printed side by side ("before").
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { syntheticDataset, writeDatasets } from "./generate.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const EXAMPLE = join(ROOT, "examples/yongzhou-2020.yaml");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const quick = process.argv.includes("--quick");
const RUNS = arg("--runs", quick ? 5 : 9);
const UNITS = arg("--units", quick ? 200 : 1000);
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

if (!existsSync(join(ROOT, "dist/cli.cjs"))) {
  console.error("bench: build first (npm run build)");
  process.exit(2);
}

// Measure a private copy of the build, so that a rebuild of dist/ during the run (tests,
// another shell) cannot disturb it.
function privateCopy(root) {
  const pkg = mkdtempSync(join(tmpdir(), "perf-report-bench-pkg-"));
  cpSync(join(root, "dist"), join(pkg, "dist"), { recursive: true });
  cpSync(join(root, "bin"), join(pkg, "bin"), { recursive: true });
  cpSync(join(root, "package.json"), join(pkg, "package.json"));
  for (const dir of ["node_modules", "schemas", "templates"]) symlinkSync(join(root, dir), join(pkg, dir), "dir");
  return pkg;
}
const PKG = privateCopy(ROOT);
const BIN = join(PKG, "bin/perf-report.js");
const baselineAt = process.argv.indexOf("--baseline");
const BASE_PKG = baselineAt > 0 ? privateCopy(process.argv[baselineAt + 1]) : undefined;
const BASE_BIN = BASE_PKG && join(BASE_PKG, "bin/perf-report.js");

/** One cold process: wall seconds and peak RSS (MB, when GNU time is there). */
function once(args, cwd) {
  const started = process.hrtime.bigint();
  const r = TIME
    ? spawnSync(TIME, ["-f", "%M", process.execPath, ...args], { cwd, encoding: "utf8" })
    : spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`bench: ${args.join(" ")} exited ${r.status}\n${r.stderr}`);
  const rss = TIME ? Number(r.stderr.trim().split("\n").pop()) / 1024 : undefined;
  return { seconds, rss };
}

/** A measure of this build, and of the baseline's right after it when there is one. */
function measure(name, args, runs = RUNS, cwd = ROOT) {
  const now = measureOne(name, args, runs, cwd);
  if (BASE_BIN && args[0] === BIN) {
    const out = args.indexOf("-o");
    const baseArgs = args.map((a, i) => (a === BIN ? BASE_BIN : i === out + 1 && out > 0 ? a.replace(/(\.\w+)?(\/?)$/, "-before$1$2") : a));
    results.push({ ...measureOne(`${name} [before]`, baseArgs, runs, cwd), before: true });
  }
  return now;
}

function measureOne(name, args, runs, cwd) {
  once(args, cwd); // warm the file-system cache
  const samples = Array.from({ length: runs }, () => once(args, cwd));
  const times = samples.map((s) => s.seconds).sort((a, b) => a - b);
  const rss = Math.max(...samples.map((s) => s.rss ?? 0));
  return { name, runs, median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1], peakRssMb: TIME ? rss : undefined };
}

const work = mkdtempSync(join(tmpdir(), "perf-report-bench-"));
const results = [];
try {
  const floor = measure("node -e ''", ["-e", ""]);
  results.push(floor);
  results.push(measure("check example", [BIN, "check", EXAMPLE]));
  results.push(measure("build example (docx)", [BIN, "build", EXAMPLE, "-o", join(work, "one.docx")]));
  results.push(measure("build example (docx, md, html, json)", [BIN, "build", EXAMPLE, "-o", join(work, "all") + "/", "-f", "docx,md,html,json"]));

  // Cost that grows linearly: the same unit at 1× and 10× the sample's funds and indicators.
  for (const scale of [1, 10]) {
    const file = join(work, `scale-${scale}.yaml`);
    writeFileSync(file, syntheticDataset(scale, { funds: 7 * scale, indicators: 66 * scale }));
    results.push(measure(`check ${scale}× unit`, [BIN, "check", file]));
    results.push(measure(`build ${scale}× unit`, [BIN, "build", file, "-o", join(work, `scale-${scale}.docx`)]));
  }

  // A batch: UNITS synthetic units of the sample's size, built with one and two workers.
  const data = join(work, "batch");
  writeDatasets(data, UNITS, [], [], { funds: 7, indicators: 66 });
  for (const jobs of [1, 2]) {
    const out = join(work, `out-${jobs}`);
    mkdirSync(out);
    mkdirSync(`${out}-before`);
    const r = measure(`build ${UNITS} units --jobs ${jobs}`, [BIN, "build", data, "-o", `${out}/`, "--jobs", String(jobs), "--quiet"], quick ? 1 : 3);
    r.perUnitMs = (r.median / UNITS) * 1000;
    const before = results[results.length - 1];
    if (before?.before) before.perUnitMs = (before.median / UNITS) * 1000;
    results.push(r);
    rmSync(out, { recursive: true, force: true });
  }

  // -f pdf over 5 units with one worker: LibreOffice's starts dominate (one per run, not per file).
  if (spawnSync("sh", ["-c", "command -v soffice"]).status === 0) {
    const five = join(work, "five");
    mkdirSync(five);
    for (let i = 0; i < 5; i++) writeFileSync(join(five, `unit-${i}.yaml`), syntheticDataset(i, { funds: 7, indicators: 66 }));
    const out = join(work, "pdf");
    mkdirSync(out);
    mkdirSync(`${out}-before`);
    results.push(measure("build 5 units -f pdf --jobs 1", [BIN, "build", five, "-o", `${out}/`, "-f", "pdf", "--jobs", "1", "--quiet"], quick ? 1 : 3));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(PKG, { recursive: true, force: true });
  if (BASE_PKG) rmSync(BASE_PKG, { recursive: true, force: true });
}

const floor = results[0].median;
const rows = results.map((r) => ({
  ...r,
  ratio: r.median / floor,
}));
const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad("measure", 44)}${pad("median s", 10)}${pad("min", 8)}${pad("max", 8)}${pad("× floor", 9)}${pad("peak MB", 9)}per unit`);
for (const r of rows) {
  console.log(
    `${pad(r.name, 44)}${pad(r.median.toFixed(3), 10)}${pad(r.min.toFixed(3), 8)}${pad(r.max.toFixed(3), 8)}${pad(r.ratio.toFixed(2), 9)}${pad(r.peakRssMb ? r.peakRssMb.toFixed(0) : "—", 9)}${r.perUnitMs ? `${r.perUnitMs.toFixed(1)} ms` : ""}`,
  );
}
const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: +(totalmem() / 2 ** 30).toFixed(1), date: new Date().toISOString() };
writeFileSync(join(ROOT, "bench/results.json"), `${JSON.stringify({ machine, runs: RUNS, units: UNITS, results: rows }, null, 2)}\n`);
console.log(`\n${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}; results in bench/results.json`);
