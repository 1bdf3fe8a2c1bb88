// The bundle's entry (dist/cli.cjs): the command line, and the pool worker that runs in the
// same bundle so that one code cache serves both (src/boot/code-cache.ts).
export { main } from "./cli/main.js";
export { startWorker } from "./batch/worker.js";
