#!/usr/bin/env node
// The command line: the bundled CLI in dist/ (built by `npm run build`, run by `prepare`).
try {
  const { main } = await import("../dist/cli.js");
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Never a stack trace: a broken install is reported in one line.
  process.stderr.write(`perf-report: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 3;
}
