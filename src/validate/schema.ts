import { readFileSync } from "node:fs";
import type { ValidateFunction } from "ajv";
import { createRequire } from "node:module";
import { loadGenerated } from "../paths.js";
import { SCHEMA_PATH } from "./schema-path.js";

let compiled: ValidateFunction | undefined;

/**
 * The build step compiles the schema to standalone code (dist/compiled-schema.cjs);
 * loading it costs a few milliseconds where compiling costs a few hundred. Running from the
 * TypeScript sources before any build, the schema is compiled here instead, with the same options.
 */
export function schemaValidator(): ValidateFunction {
  return (compiled ??= loadGenerated<ValidateFunction>("compiled-schema.cjs") ?? compileSchema());
}

function compileSchema(): ValidateFunction {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as object;
  return new (ajvClass())({ allErrors: true, strict: true, strictTuples: false }).compile(schema);
}

/**
 * ajv's class, required from node_modules when a schema must be compiled at run time (a
 * --style file; the dataset schema before any build): never part of the bundle.
 */
export function ajvClass(): typeof import("ajv").Ajv {
  return (createRequire(import.meta.url)("ajv") as typeof import("ajv")).Ajv;
}

let schemaJson: unknown;

/**
 * The part of the schema at an ajv `schemaPath` ("#/properties/finance/…"). Read only when a
 * dataset has errors, so that the validator need not carry schema copies (ajv's `verbose`).
 */
export function schemaAt(schemaPath: string): unknown {
  schemaJson ??= JSON.parse(readFileSync(SCHEMA_PATH, "utf8"));
  return schemaPart(schemaJson, schemaPath);
}

/** The part of `schema` at an ajv `schemaPath` (a JSON pointer after "#"), or {} when there is none. */
export function schemaPart(schema: unknown, schemaPath: string): unknown {
  let node = schema as Record<string, unknown> | undefined;
  for (const raw of schemaPath.replace(/^#\/?/, "").split("/").filter(Boolean)) {
    node = node?.[raw.replace(/~1/g, "/").replace(/~0/g, "~")] as Record<string, unknown> | undefined;
  }
  return node ?? {};
}
