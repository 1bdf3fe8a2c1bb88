import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";

export const SCHEMA_PATH = fileURLToPath(new URL("../../schemas/perf-report.schema.json", import.meta.url));

let compiled: ValidateFunction | undefined;

/** The dataset schema, compiled once per process. */
export function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as object;
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTuples: false });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

export type SchemaError = ErrorObject;
