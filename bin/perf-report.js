#!/usr/bin/env node
// The command line: the bundled CLI in dist/ (built by `npm run build`, run by `prepare`),
// loaded with its V8 code cache — once this Node is known to be new enough to run it.
import { createRequire } from "node:module";
import { nodeVersionProblem } from "./node-version.js";

const tooOld = nodeVersionProblem(process.versions.node, process.argv.slice(2), process.env);
if (tooOld) {
  process.stderr.write(`${tooOld}\n`);
  process.exitCode = 2;
} else {
  try {
    const { load } = createRequire(import.meta.url)("../dist/boot.cjs");
    const { main } = load("cli.cjs");
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    // Never a stack trace: a broken install is reported in one line.
    process.stderr.write(`perf-report: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  }
}
