/**
 * No silent fields (issue 13 item 5): every field of the schema reaches an output (the view a
 * template sees, the figures, the rendered blocks) or a check (the findings). The test walks
 * the schema, finds each field in fixtures/model/every-field.yaml, changes it, and expects one
 * of those to change. A new field that nothing reads fails here until something does.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import { describe, expect, it } from "vitest";
import { reconcile } from "../../src/check/check.js";
import { render } from "../../src/i18n/messages.js";
import { renderBlocks } from "../../src/render/render.js";
import { compileTemplate } from "../../src/render/template.js";
import { buildView } from "../../src/render/view.js";
import { parseValid, REPO } from "../helpers/reconcile.js";

const FIXTURE = readFileSync(fileURLToPath(new URL("../fixtures/model/every-field.yaml", import.meta.url)), "utf8");
const SCHEMA = JSON.parse(readFileSync(`${REPO}schemas/perf-report.schema.json`, "utf8")) as SchemaNode;
const TEMPLATE = compileTemplate(readFileSync(`${REPO}templates/report.hbs`, "utf8"));

/** Read before compute, by the pipeline: the prior year's file (covered by test/pipeline and test/cli). */
const READ_BY_PIPELINE = new Set(["prior"]);

interface SchemaNode {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  oneOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
}

/** Every leaf field of the schema: its path (list items as 0) and its schema. */
function leaves(node: SchemaNode, path: string[] = []): { path: string; schema: SchemaNode }[] {
  if (node.$ref) return leaves(SCHEMA.definitions![node.$ref.replace("#/definitions/", "")]!, path);
  if (node.oneOf) return node.oneOf.flatMap((b) => leaves(b, path));
  if (node.properties) return Object.entries(node.properties).flatMap(([k, v]) => leaves(v, [...path, k]));
  const items = node.items?.$ref ? SCHEMA.definitions![node.items.$ref.replace("#/definitions/", "")]! : node.items;
  if (node.type === "array" && items?.properties) return leaves(items, [...path, "0"]);
  return [{ path: path.join("."), schema: node }];
}

/** Every scalar of the fixture (list items at any index, text lists by their first item): path with indices as 0 → its real path. */
function occurrences(node: Node | null, path: (string | number)[] = [], out = new Map<string, (string | number)[]>()) {
  if (isMap(node)) for (const pair of node.items) occurrences(pair.value as Node, [...path, String((pair.key as { value: unknown }).value)], out);
  else if (isSeq(node)) node.items.forEach((item, i) => occurrences(item as Node, [...path, i], out));
  else if (isScalar(node)) {
    const key = path.map((p) => (typeof p === "number" ? "0" : p)).join(".");
    if (!out.has(key)) out.set(key, path);
    // A list of text (duties, items) is one field: the list's own path, changed through its first item.
    if (typeof path.at(-1) === "number" && !out.has(key.slice(0, -2))) out.set(key.slice(0, -2), path);
  }
  return out;
}

function outputs(text: string): string {
  const result = reconcile(parseValid(text, "every-field.yaml"));
  const { model } = result;
  return JSON.stringify({
    view: buildView(model),
    figures: model.figures.all().map((f) => [f.id, f.value?.toString() ?? null, f.text, f.dp, f.unit, render("zh", f.label)]),
    blocks: renderBlocks(TEMPLATE, model),
    findings: result.findings.map((f) => [f.code, f.severity, f.path, render("zh", f), f.tolerance && render("zh", f.tolerance), f.hint && render("zh", f.hint)]),
  });
}

/** A different valid value of the same kind. */
function changed(value: unknown, schema: SchemaNode, oneOfEnum: unknown[] | undefined): unknown {
  const choices = schema.enum ?? oneOfEnum;
  if (choices) return choices.find((c) => c !== value);
  if (typeof value === "boolean") return !value;
  if (typeof value === "number") return value + 1;
  if (typeof value === "string") return /^[A-Za-z][A-Za-z0-9_]*$/.test(value) ? `${value}x` : `${value}甲`;
  throw new Error(`cannot change ${String(value)}`);
}

const FIELDS = leaves(SCHEMA).filter((f) => !f.path.startsWith("finance.specialFunds.0."));
const FOUND = occurrences(parseDocument(FIXTURE).contents as Node);
const BASE = outputs(FIXTURE);

describe("no silent fields", () => {
  it("the fixture holds every field of the schema (the bare-list form of specialFunds is the same fund as items)", () => {
    const missing = FIELDS.map((f) => f.path).filter((p) => p !== "stated" && !READ_BY_PIPELINE.has(p) && !FOUND.has(p));
    expect(missing).toEqual([]);
  });

  const stated = [...FOUND.keys()].filter((k) => k.startsWith("stated."));
  it("the fixture states a number, a number with tolerance and note, and a grade", () => {
    expect(stated).toEqual(["stated.income.total", "stated.expenditure.basic.personnel", "stated.income.growth.value", "stated.income.growth.tolerance", "stated.income.growth.note", "stated.score.grade"]);
  });

  const cases = [
    ...FIELDS.filter((f) => f.path !== "stated" && !READ_BY_PIPELINE.has(f.path)).map((f) => ({ ...f, at: FOUND.get(f.path) })),
    ...stated.map((p) => ({ path: p, schema: {} as SchemaNode, at: FOUND.get(p) })),
  ];
  for (const { path, schema, at } of cases) {
    it(`${path} reaches an output or a check`, () => {
      expect(at, path).toBeDefined();
      const doc = parseDocument(FIXTURE);
      const before = doc.getIn(at!);
      const enumOf = path === "settings.amountDecimals" ? ["exact", "significant"] : undefined;
      doc.setIn(at!, changed(before, schema, enumOf));
      const text = doc.toString({ lineWidth: 0 });
      expect(outputs(text), `${path}: ${String(before)} → ${String(doc.getIn(at!))}`).not.toBe(BASE);
    });
  }
});
