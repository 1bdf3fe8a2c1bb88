/**
 * Issue 6, "must show": no object in the process gains properties from `__proto__`,
 * `constructor` or merge keys. Every hostile fixture (the corpus in test/fixtures/bad/ and the
 * invalid fixtures) is loaded in this process through the library — loadDataset, then
 * reconcile where the dataset is usable — and so are the hostile style files and templates.
 * After each: `({}).polluted` is undefined, the built-in prototypes have exactly the keys they
 * had, and every object in the loaded data has the ordinary prototype (a `__proto__` key is
 * an own property, never a prototype).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { reconcile } from "../../src/check/check.js";
import type { Model } from "../../src/compute/model.js";
import { loadDataset } from "../../src/pipeline/load.js";
import { renderBlocks } from "../../src/render/render.js";
import { compileTemplate, TemplateError } from "../../src/render/template.js";
import { checkStyleFile } from "../../src/write/style-file.js";
import { GB9704, mergeStyle } from "../../src/write/style.js";
import { ROOT } from "../helpers/cli.js";
import { BAD, EXAMPLE, INVALID } from "../helpers/hostile.js";

const PROTOTYPES: [string, object][] = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
  ["Number.prototype", Number.prototype],
];

const keysOf = (o: object): string[] => Reflect.ownKeys(o).map(String).sort();
const before = new Map(PROTOTYPES.map(([name, proto]) => [name, keysOf(proto)]));
const gb9704 = JSON.stringify(GB9704);

function assertClean(what: string): void {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted, `${what}: ({}).polluted`).toBeUndefined();
  expect(probe.yes, `${what}: ({}).yes`).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
  for (const [name, proto] of PROTOTYPES) expect(keysOf(proto), `${what}: ${name} keys`).toEqual(before.get(name));
  expect(typeof Object.prototype.toString).toBe("function");
  expect(JSON.stringify(GB9704), `${what}: the default style`).toBe(gb9704);
}

/** Every object and array in the data has the ordinary prototype; returns the paths of own `__proto__` keys. */
function assertOrdinary(data: unknown, path = ""): string[] {
  if (data === null || typeof data !== "object") return [];
  if (data instanceof Date || data instanceof Uint8Array) return [];
  const found: string[] = [];
  if (Array.isArray(data)) {
    expect(Object.getPrototypeOf(data), `${path || "/"} is an ordinary array`).toBe(Array.prototype);
    data.forEach((item, i) => found.push(...assertOrdinary(item, `${path}/${i}`)));
    return found;
  }
  expect(Object.getPrototypeOf(data), `${path || "/"} is an ordinary object`).toBe(Object.prototype);
  for (const key of Object.keys(data)) {
    if (key === "__proto__") found.push(`${path}/__proto__`);
    found.push(...assertOrdinary((data as Record<string, unknown>)[key], `${path}/${key}`));
  }
  return found;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f) && statSync(join(ROOT, dir, f)).isFile())
    .sort()
    .map((f) => `${dir}/${f}`);
}

const DATASETS = [...yamlFiles(BAD), ...yamlFiles(INVALID)];

describe("loading every hostile dataset in this process", () => {
  it("there are hostile fixtures to load, the prototype-named ones among them", () => {
    expect(DATASETS.length).toBeGreaterThanOrEqual(90);
    for (const name of ["proto-nested", "proto-flow", "proto-quoted", "proto-in-list", "proto-stated", "constructor-key", "prototype-key", "merge-key", "merge-proto", "proto-key"]) {
      expect(DATASETS.some((f) => f.endsWith(`/${name}.yaml`)), name).toBe(true);
    }
  });

  for (const file of DATASETS) {
    it(`${file}: loadDataset${file.includes("prototype-names") ? " + reconcile" : ""} leaves every prototype alone`, async () => {
      const loaded = await loadDataset(join(ROOT, file), { lang: "zh" });
      const data = loaded.located?.data ?? loaded.data;
      const protoKeys = assertOrdinary(data);
      if (loaded.located) {
        const { model } = reconcile(loaded.located, "zh");
        expect(Object.getPrototypeOf(model.dataset)).toBe(Object.prototype);
        assertOrdinary(model.dataset);
      }
      assertClean(file);
      // A __proto__ key is kept as data (and refused by the schema by name), never dropped or applied.
      if (/proto-(nested|flow|quoted|key)\.yaml$/.test(file)) {
        expect(protoKeys.length, "the __proto__ key is an own property of the data").toBeGreaterThan(0);
        expect(loaded.findings.some((f) => f.message.includes("__proto__"))).toBe(true);
      }
    });
  }

  it("a dataset with __proto__ at the top: the loaded data's prototype is Object.prototype, and the key is its own", async () => {
    const loaded = await loadDataset(join(ROOT, INVALID, "proto-key.yaml"), { lang: "zh" });
    const data = (loaded.located?.data ?? loaded.data) as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.hasOwn(data, "__proto__")).toBe(true);
    expect(({}) as Record<string, unknown>).not.toHaveProperty("polluted");
  });

  it("merge keys are not merged: `<<` stays an ordinary key, the aliased mapping is not copied in", async () => {
    const loaded = await loadDataset(join(ROOT, BAD, "merge-proto.yaml"), { lang: "zh" });
    const data = (loaded.located?.data ?? loaded.data) as { unit: Record<string, unknown>; profile: Record<string, unknown> };
    expect(Object.keys(data.unit)).toEqual(["<<", "name"]);
    expect(Object.hasOwn(data.unit, "polluted")).toBe(false);
    expect(Object.hasOwn(data.profile, "polluted")).toBe(false);
    expect(Object.getPrototypeOf(data.unit["<<"])).toBe(Object.prototype);
    assertClean("merge-proto.yaml");
  });
});

describe("hostile style files in this process", () => {
  const styles = yamlFiles(`${BAD}/styles`);
  for (const file of styles) {
    it(`${file}: checkStyleFile leaves every prototype alone`, async () => {
      const { findings } = await checkStyleFile(join(ROOT, file), "zh");
      expect(Array.isArray(findings)).toBe(true);
      assertClean(file);
    });
  }

  it("mergeStyle given __proto__ and constructor keys (as JSON.parse makes them) changes no prototype and not the defaults", () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": "yes"}, "page": {"__proto__": {"polluted": "yes"}, "top": 30}, "constructor": {"prototype": {"polluted": "yes"}}}') as Parameters<typeof mergeStyle>[1];
    const merged = mergeStyle(GB9704, hostile);
    expect(merged.page.top).toBe(30);
    assertClean("mergeStyle");
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });

  // Object.assign once copied the own __proto__ key with [[Set]], giving style.page the prototype {polluted}.
  it("mergeStyle: a page group with a __proto__ key gets no foreign prototype", () => {
    const hostile = JSON.parse('{"page": {"__proto__": {"polluted": "yes"}, "top": 30}}') as Parameters<typeof mergeStyle>[1];
    const merged = mergeStyle(GB9704, hostile);
    expect(Object.getPrototypeOf(merged.page)).toBe(Object.prototype);
    expect((merged.page as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("hostile templates in this process", () => {
  let model: Model;
  beforeAll(async () => {
    const loaded = await loadDataset(join(ROOT, EXAMPLE), { lang: "zh" });
    model = reconcile(loaded.located!, "zh").model;
  });

  const templates = readdirSync(join(ROOT, BAD, "templates"))
    .filter((f) => f.endsWith(".hbs"))
    .sort();
  for (const name of templates) {
    it(`${name}: compileTemplate + renderBlocks either renders or throws TemplateError, and leaves every prototype alone`, () => {
      const source = readFileSync(join(ROOT, BAD, "templates", name), "utf8");
      try {
        const blocks = renderBlocks(compileTemplate(source), model);
        expect(JSON.stringify(blocks)).not.toMatch(/function|\[native code\]|polluted|process|\/bin\/|root:/);
      } catch (error) {
        expect(error, String(error)).toBeInstanceOf(TemplateError);
        expect((error as TemplateError).finding.code).toMatch(/^template\./);
      }
      assertClean(name);
    });
  }
});
