import { readFileSync } from "node:fs";
import type { ErrorObject, ValidateFunction } from "ajv";
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
  const { Ajv } = createRequire(import.meta.url)("ajv") as typeof import("ajv");
  return new Ajv({ allErrors: true, strict: true, strictTuples: false }).compile(schema);
}

/** ajv's class, loaded on demand; a bundle sees the CommonJS module's exports as its default. */
export async function ajvClass(): Promise<typeof import("ajv").Ajv> {
  const mod = (await import("ajv")) as unknown as { Ajv?: typeof import("ajv").Ajv; default?: { Ajv?: typeof import("ajv").Ajv } };
  return (mod.Ajv ?? mod.default?.Ajv)!;
}

let schemaJson: unknown;

/**
 * The part of the schema at an ajv `schemaPath` ("#/properties/finance/…"). Read only when a
 * dataset has errors, so that the validator need not carry schema copies (ajv's `verbose`).
 */
export function schemaAt(schemaPath: string): unknown {
  schemaJson ??= JSON.parse(readFileSync(SCHEMA_PATH, "utf8"));
  let node = schemaJson as Record<string, unknown> | undefined;
  for (const raw of schemaPath.replace(/^#\/?/, "").split("/").filter(Boolean)) {
    node = node?.[raw.replace(/~1/g, "/").replace(/~0/g, "~")] as Record<string, unknown> | undefined;
  }
  return node ?? {};
}

export type SchemaError = ErrorObject;
