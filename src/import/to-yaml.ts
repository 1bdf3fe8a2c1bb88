import { Document, isCollection, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";
import type { Lang } from "../i18n/lang.js";
import { msg, render } from "../i18n/messages.js";
import { schemaAt, schemaPart } from "../validate/schema.js";
import { Draft, Exact, type Unplaced, type Value } from "./draft.js";
import type { Part } from "./outline.js";

/** The top-level key under which a part's leftovers are shown as TODO comments. */
const PART_KEY: Record<Part | "front", string> = {
  front: "unit",
  none: "unit",
  duties: "profile",
  organisation: "profile",
  staffing: "profile",
  scale: "finance",
  spending: "finance",
  basic: "finance",
  project: "finance",
  fundAllocation: "finance",
  fundUse: "finance",
  fundManagement: "narrative",
  implementation: "narrative",
  projectOrganisation: "narrative",
  projectManagement: "narrative",
  achievements: "achievements",
  problems: "narrative",
  measures: "narrative",
  goals: "narrative",
  analysis: "narrative",
  score: "evaluation",
  profileTable: "profile",
};

const FLOW_WIDTH = 160;
const FLOW_VALUE = 40;

/**
 * The draft as YAML, built node by node with the yaml package's Document API — never by
 * pasting values into text, so that no report text can break the file — with the schema line
 * `init` writes, notes as comments and what was not placed as TODO comments.
 */
export function draftYaml(draft: Draft, opts: { schemaRef: string; source: string; lang: Lang }): string {
  const doc = new Document();
  const root = node(draft.finished(), "", draft, opts.lang, schemaAt("#")) as YAMLMap;
  doc.contents = root;
  doc.commentBefore = [` yaml-language-server: $schema=${opts.schemaRef}`, ...msg(opts.lang, "import.header", { source: opts.source }).split("\n").map((l) => ` ${l}`)].join("\n");
  const byKey = new Map<string, Unplaced[]>();
  for (const u of draft.unplaced) {
    const key = root.has(PART_KEY[u.part]) ? PART_KEY[u.part] : "";
    byKey.set(key, [...(byKey.get(key) ?? []), u]);
  }
  for (const [key, list] of byKey) {
    const text = list.map((u) => ` ${msg(opts.lang, "import.todo.unplaced", { line: u.piece.block.line, text: u.piece.text })}`).join("\n");
    if (key === "") doc.comment = [doc.comment, text].filter(Boolean).join("\n");
    else {
      const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key)!;
      const k = pair.key as Scalar;
      k.commentBefore = [k.commentBefore, text].filter(Boolean).join("\n");
      if (root.items.indexOf(pair) > 0) k.spaceBefore = true;
    }
  }
  for (const pair of root.items.slice(1)) (pair.key as Scalar).spaceBefore = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true, indentSeq: true });
}

/** The keys in the order the schema lists them (the order of the examples and of `init`). */
function ordered(value: { [key: string]: Value }, schema: Schema): [string, Value][] {
  const keys = Object.keys(schema.properties ?? {});
  const rank = (k: string) => (keys.includes(k) ? keys.indexOf(k) : keys.length);
  return Object.entries(value).sort((a, b) => rank(a[0]) - rank(b[0]));
}

interface Schema {
  properties?: Record<string, Schema>;
  items?: Schema;
  $ref?: string;
}

function resolved(schema: Schema | undefined): Schema {
  let s = schema ?? {};
  for (let i = 0; i < 8 && s.$ref; i++) s = schemaPart(schemaAt("#"), s.$ref) as Schema;
  return s;
}

function node(value: Value, path: string, draft: Draft, lang: Lang, schema: unknown): Node {
  const here = resolved(schema as Schema);
  const notes = (draft.notes.get(path) ?? []).map((m) => ` ${render(lang, m)}`).join("\n");
  let out: Node;
  if (value instanceof Exact) out = numberNode(value);
  else if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    value.forEach((v, i) => {
      const item = node(v, join(path, String(i)), draft, lang, here.items);
      seq.items.push(item);
    });
    out = seq;
  } else if (typeof value === "object") {
    const map = new YAMLMap();
    for (const [k, v] of ordered(value, here)) {
      const child = node(v, join(path, k), draft, lang, here.properties?.[k]);
      const key = new Scalar(k);
      if (isCollection(child) && child.commentBefore) {
        key.commentBefore = child.commentBefore;
        child.commentBefore = undefined;
      }
      map.items.push(new Pair(key, child));
    }
    // Short records of plain values (an indicator, a post, a source) on one line, as the examples write them.
    const short = map.items.every((p) => isScalar(p.value) && !p.value.comment && String(p.value.value).length <= FLOW_VALUE);
    if (short && /\.\d+$/.test(path) && JSON.stringify(plain(value)).length < FLOW_WIDTH) map.flow = true;
    out = map;
  } else out = new Scalar(value);
  if (notes) {
    if (isScalar(out)) out.comment = notes;
    else out.commentBefore = notes;
  }
  return out;
}

/** A number as printed: the decimals it was written with are kept (47.20 stays 47.20). */
function numberNode(e: Exact): Scalar {
  const [, decimals = ""] = e.text.split(".");
  const n = Number(e.text);
  const s = new Scalar(n);
  s.minFractionDigits = decimals.length;
  // yaml prints String(n) padded with zeros: it must give back exactly what the report printed.
  const [whole, shown = ""] = String(n).split(".");
  const printed = decimals.length > shown.length ? `${whole}.${shown.padEnd(decimals.length, "0")}` : String(n);
  if (printed !== e.text) throw new Error(`import: ${e.text} cannot be written exactly`);
  return s;
}

function plain(value: Value): unknown {
  if (value instanceof Exact) return value.text;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

const join = (path: string, key: string) => (path === "" ? key : `${path}.${key}`);
