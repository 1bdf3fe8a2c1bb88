import { readFileSync } from "node:fs";
import type { ErrorObject, ValidateFunction } from "ajv";
import { pathToFileURL } from "node:url";
import { packagePath } from "../paths.js";
import { SCHEMA_PATH } from "./schema-path.js";

/**
 * The build step compiles the schema to standalone code (dist/compiled-schema.js);
 * loading it costs a few milliseconds where compiling costs a few hundred. Running from the
 * TypeScript sources (tests), the schema is compiled here instead, with the same options.
 */
const compiled: ValidateFunction = await import(pathToFileURL(packagePath("dist", "compiled-schema.js")).href).then(
  (m: { default: ValidateFunction }) => m.default,
  async () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as object;
    return new (await ajvClass())({ allErrors: true, strict: true, strictTuples: false }).compile(schema);
  },
);

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

export function schemaValidator(): ValidateFunction {
  return compiled;
}

export type SchemaError = ErrorObject;
