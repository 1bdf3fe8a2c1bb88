import { fileURLToPath } from "node:url";

/** The dataset schema shipped with the package. */
export const SCHEMA_PATH = fileURLToPath(new URL("../../schemas/perf-report.schema.json", import.meta.url));
