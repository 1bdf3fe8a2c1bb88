import type { ErrorObject, ValidateFunction } from "ajv";
import { createRequire } from "node:module";
import { isScalar } from "yaml";
import type { Finding } from "../findings/finding.js";
import type { Lang } from "../i18n/lang.js";
import { message, msg, type Message } from "../i18n/messages.js";
import { escapePointer, type Located } from "../load/parse.js";
import { locate, locateKey } from "./locate.js";
import { nearest } from "./nearest.js";
import { schemaAt, schemaValidator } from "./schema.js";

/** A compiled schema and a way to read its parts (for "did you mean" among its properties). */
export interface SchemaUse {
  validate: () => ValidateFunction;
  at: (schemaPath: string) => unknown;
}

const DATASET_SCHEMA: SchemaUse = { validate: schemaValidator, at: schemaAt };

// ajv-i18n is CommonJS with a default export that ESM sees as the module object; it is
// loaded only when a dataset has errors to translate.
const localizeZh = (errors: ErrorObject[]) => (createRequire(import.meta.url)("ajv-i18n/localize/zh") as (errors: ErrorObject[]) => void)(errors);

/** ajv's wording of an error in both languages (ajv-i18n's Chinese, ajv's English). */
type Wording = Map<ErrorObject, { zh: string; en: string }>;

/** Checks a parsed dataset against the JSON Schema; every error becomes a positioned finding. */
export function validateSchema(located: Located, schema: SchemaUse = DATASET_SCHEMA): Finding[] {
  const validate = schema.validate();
  if (validate(located.data)) return [];
  const errors = (validate.errors ?? []).map((e) => ({ ...e }));
  const zh = errors.map((e) => ({ ...e }));
  localizeZh(zh);
  const wording: Wording = new Map(errors.map((e, i) => [e, { en: e.message ?? "", zh: e.keyword === "type" ? zhTypeMessage(zh[i]!.message ?? "") : (zh[i]!.message ?? "") }]));
  const findings = prune(errors, wording).map((error) => toFinding(located, error, wording.get(error)!, schema));
  return dropExplainedRequired(findings);
}

/**
 * A misspelt required key is reported once: "property amonut is not allowed — did you mean
 * amount?" already says what "missing required property amount" would.
 */
function dropExplainedRequired(findings: Finding[]): Finding[] {
  const guessed = new Set(
    findings
      .filter((f) => f.code === "schema.additional-property" && f.hint?.key === "hint.did-you-mean")
      .map((f) => `${f.path!.slice(0, f.path!.lastIndexOf("/"))}\u0000${String(f.hint!.params!.name)}`),
  );
  return findings.filter((f) => f.code !== "schema.required" || !guessed.has(`${f.path}\u0000${String(f.params!.name)}`));
}

const TYPE_NAMES_ZH: Record<string, string> = {
  number: "数值",
  integer: "整数",
  string: "文本",
  boolean: "布尔值（true/false）",
  object: "映射（键: 值）",
  array: "列表",
  null: "空值",
};

/** ajv-i18n leaves JSON type names in English: "应当是 number 类型". */
function zhTypeMessage(message: string): string {
  return message.replace(/应当是 ([\w,]+) 类型/, (_, types: string) => `应当是${types.split(",").map((t) => TYPE_NAMES_ZH[t] ?? t).join("或")}类型`);
}

function toFinding(located: Located, error: ErrorObject, words: { zh: string; en: string }, schema: SchemaUse): Finding {
  const file = located.source.file;
  const base = { severity: "error" as const, file };
  const params = error.params as Record<string, unknown>;

  if (error.keyword === "additionalProperties") {
    const name = String(params.additionalProperty);
    const path = `${error.instancePath}/${escapePointer(name)}`;
    const allowed = Object.keys((schema.at(error.schemaPath.replace(/\/additionalProperties$/, "")) as { properties?: object }).properties ?? {});
    const guess = nearest(name, allowed);
    // In { amount: 8,650.5 } the comma ends the value: "650.5" turns up as a key.
    const hint = /^\d{3}(\.\d+)?$/.test(name)
      ? message("hint.separators-flow")
      : guess
        ? message("hint.did-you-mean", { name: guess })
        : allowed.length > 0
          ? message("hint.allowed", { names: allowed.join(", ") })
          : undefined;
    return { ...base, code: "schema.additional-property", ...message("schema.additional-property", { name }), path, pos: locateKey(located, path), hint };
  }
  if (error.keyword === "required") {
    const name = String(params.missingProperty);
    return { ...base, code: "schema.required", ...message("schema.required", { name }), path: error.instancePath, pos: locateKey(located, error.instancePath) };
  }
  if (error.keyword === "propertyNames") {
    const name = String(params.propertyName);
    const path = `${error.instancePath}/${escapePointer(name)}`;
    return { ...base, code: "schema.property-name", ...message("schema.property-name", { name }), path, pos: locateKey(located, path) };
  }
  if (error.keyword === "enum") {
    const values = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ");
    return { ...base, code: "schema.enum", ...message("schema.enum", { values }), path: error.instancePath, pos: locate(located, error.instancePath) };
  }
  return {
    ...base,
    code: `schema.${error.keyword}`,
    ...message("schema.ajv", words),
    path: error.instancePath,
    pos: locate(located, error.instancePath),
    hint: error.keyword === "type" || error.keyword === "oneOf" || error.keyword === "anyOf" ? typeHint(located, error) : undefined,
  };

  function typeHint(located: Located, error: ErrorObject): Message | undefined {
    const node = located.nodes.get(error.instancePath);
    if (!isScalar(node)) return undefined;
    const text = node.source ?? String(node.value);
    if (typeof node.value === "string" && /^[-+]?\d+(\.\d+)?\s*[%％]$/.test(text.trim())) {
      return message("hint.percent", { plain: text.trim().replace(/\s*[%％]$/, "") });
    }
    const expected = (error.params as { type?: string }).type ?? "number";
    if (expected === "string" && typeof node.value === "number") {
      if (/^0\d+$/.test(text)) return message("hint.leading-zero", { text, value: String(node.value) });
      return message("hint.quote-text", { text });
    }
    if ((expected === "number" || expected === "integer") && typeof node.value === "string") {
      const halfWidth = text.replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
      const plain = halfWidth.replace(/[,\s_']/g, "");
      if (/^[-+]?\d+(\.\d+)?$/.test(plain)) {
        return halfWidth !== text ? message("hint.fullwidth", { plain }) : message("hint.separators", { plain });
      }
    }
    return undefined;
  }
}

/**
 * ajv reports every failed branch of an anyOf/oneOf. Keep the errors that point deeper than
 * the alternative itself (they say what is wrong inside the value); otherwise keep one
 * error for the alternative, listing what its branches would have accepted.
 */
function prune(all: ErrorObject[], wording: Wording): ErrorObject[] {
  // A bad key under propertyNames comes with its pattern error, which names no key.
  const errors = all.filter((e) => !(e.propertyName !== undefined && e.keyword !== "propertyNames"));
  const alternatives = errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf");
  if (alternatives.length === 0) return errors;
  const dropped = new Set<ErrorObject>();
  for (const alt of alternatives) {
    // ajv lists a branch's errors just before the alternative's own; a branch that is a
    // $ref reports the definition's schema path, so position tells, not the path.
    const at = errors.indexOf(alt);
    const branches = errors.filter(
      (e, i) =>
        e !== alt &&
        (e.schemaPath.startsWith(`${alt.schemaPath}/`) || (i < at && e.schemaPath.startsWith("#/definitions/") && e.instancePath.startsWith(alt.instancePath) && !dropped.has(e))),
    );
    const deeper = branches.filter((e) => e.instancePath !== alt.instancePath);
    if (deeper.length > 0) {
      dropped.add(alt);
      for (const e of branches) if (e.instancePath === alt.instancePath) dropped.add(e);
    } else {
      for (const e of branches) dropped.add(e);
      const accepted = (lang: Lang) =>
        branches.map((e) =>
          e.keyword === "const"
            ? JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)
            : e.keyword === "enum"
              ? (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(lang === "zh" ? "、" : ", ")
              : wording.get(e)![lang],
        );
      if (branches.length > 0) {
        wording.set(alt, {
          zh: msg("zh", "schema.alternatives", { branches: accepted("zh").join("；或") }),
          en: msg("en", "schema.alternatives", { branches: accepted("en").join("; or ") }),
        });
      }
    }
  }
  return errors.filter((e) => !dropped.has(e));
}
