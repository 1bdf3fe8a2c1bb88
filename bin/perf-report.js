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
  // A reader that goes away (`perf-report explain x.yaml | head -1`) ends the output, not the
  // run: what is written after that is dropped, and the run ends with its own exit code.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error) => {
      if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
    });
  }
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
