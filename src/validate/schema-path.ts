import { packagePath } from "../paths.js";

/** The dataset schema shipped with the package. */
export const SCHEMA_PATH = packagePath("schemas", "perf-report.schema.json");
