import { readFileSync } from "node:fs";
import type { ErrorObject, ValidateFunction } from "ajv";
import { SCHEMA_PATH } from "./schema-path.js";

/**
 * The build step compiles the schema to standalone code (dist/validate/compiled-schema.js);
 * loading it costs a few milliseconds where compiling costs a few hundred. Running from the
 * TypeScript sources (tests), the schema is compiled here instead, with the same options.
 */
const compiled: ValidateFunction = await import(new URL("./compiled-schema.js", import.meta.url).href).then(
  (m: { default: ValidateFunction }) => m.default,
  async () => {
    const { Ajv } = await import("ajv");
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as object;
    return new Ajv({ allErrors: true, verbose: true, strict: true, strictTuples: false }).compile(schema);
  },
);

export function schemaValidator(): ValidateFunction {
  return compiled;
}

export type SchemaError = ErrorObject;
