/**
 * Issue 6 §4: fast-check mutations of the example dataset and of the report template, with a
 * fixed seed and a bounded number of runs. Every outcome is either success or findings of a
 * known class (io.*, load.*, yaml.*, schema.* and the rule ids of src/check/rule-ids.ts),
 * each with a position unless the file could not be read (io.*) — never an exception. A
 * smaller number of mutants goes through the built CLI: no stack trace, exit code 0, 1 or 2.
 * Template mutants either render or throw TemplateError with a finding.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcile } from "../helpers/worded.js";
import type { Model } from "../../src/compute/model.js";
import type { RenderedFinding as Finding } from "../../src/findings/render.js";
import { render } from "../../src/i18n/messages.js";
import { loadDataset } from "../helpers/worded.js";
import { renderBlocks } from "../../src/render/render.js";
import { compileTemplate, TemplateError } from "../../src/render/template.js";
import { ROOT, STACK_FRAME } from "../helpers/cli.js";
import { EXAMPLE, isKnownCode, mayLackPosition, privateCli, type PrivateCli } from "../helpers/hostile.js";

const SEED = 20201231;
const DATASET_RUNS = 400;
const CLI_RUNS = 24;
const TEMPLATE_RUNS = 300;

const ORIGINAL = readFileSync(join(ROOT, EXAMPLE));
const TEMPLATE = readFileSync(join(ROOT, "templates/report.hbs"), "utf8");

// ── dataset mutations, on bytes ──────────────────────────────────────────────────────────

type Mutation = (doc: Buffer) => Buffer;

const splitLines = (doc: Buffer): Buffer[] => {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = doc.indexOf(0x0a); i >= 0; i = doc.indexOf(0x0a, i + 1)) {
    lines.push(doc.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < doc.length) lines.push(doc.subarray(start));
  return lines;
};

/** A value of another type for `key: value` lines. */
const OTHER_TYPES = ["true", "null", "~", "[]", "{}", '"文字"', "文字", "1.5", "-3", "0", "2020-12-31", "[1, 2]", "{a: 1}", '"5,296"', "0x1F", ".nan", "1e400", "-0", "|\n  多行\n", "*nope", "&a 1", "!!binary MzA=", "'", '"'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // delete a line (a key, an item, a closing bracket…)
  fc.nat().map((n) => (doc: Buffer) => {
    const lines = splitLines(doc);
    if (lines.length === 0) return doc;
    lines.splice(n % lines.length, 1);
    return Buffer.concat(lines);
  }),
  // duplicate a line (a duplicated key, a repeated item)
  fc.nat().map((n) => (doc: Buffer) => {
    const lines = splitLines(doc);
    if (lines.length === 0) return doc;
    const i = n % lines.length;
    lines.splice(i, 0, lines[i]!);
    return Buffer.concat(lines);
  }),
  // swap a scalar's type: the value after "key: " on a line
  fc.tuple(fc.nat(), fc.constantFrom(...OTHER_TYPES)).map(([n, value]) => (doc: Buffer) => {
    const lines = splitLines(doc).map((l) => l.toString("utf8"));
    const candidates = lines.map((l, i) => (/^(\s*(?:- )?[\w.]+:\s)(.+)$/.test(l.replace(/\n$/, "")) ? i : -1)).filter((i) => i >= 0);
    if (candidates.length === 0) return doc;
    const i = candidates[n % candidates.length]!;
    lines[i] = lines[i]!.replace(/^(\s*(?:- )?[\w.]+:\s)(.+)$/m, (_, key: string) => `${key}${value}`);
    return Buffer.from(lines.join(""));
  }),
  // insert random bytes at a random offset (invalid UTF-8, NUL, control characters…)
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([n, bytes]) => (doc: Buffer) => {
    const at = n % (doc.length + 1);
    return Buffer.concat([doc.subarray(0, at), Buffer.from(bytes), doc.subarray(at)]);
  }),
  // insert random text (any Unicode, YAML indicators)
  fc.tuple(fc.nat(), fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("{", "}", "[", "]", ":", "- ", "\t", "#", "&a", "*a", "<<: ", "? ", "---\n", "...\n", "%YAML 1.1\n", "\r", "\r\n", "\ufeff", "{{", "}}"))).map(([n, text]) => (doc: Buffer) => {
    const at = n % (doc.length + 1);
    return Buffer.concat([doc.subarray(0, at), Buffer.from(text), doc.subarray(at)]);
  }),
  // truncate at a random offset (possibly inside a multi-byte character)
  fc.nat().map((n) => (doc: Buffer) => doc.subarray(0, n % (doc.length + 1))),
  // replace a number with a random string
  fc.tuple(fc.nat(), fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("五千", "５２９６", "5,296", "1_000", "1e999", "-.inf", "12:30", "0o17", "+", "-", ".", "1..2", "NaN"))).map(([n, text]) => (doc: Buffer) => {
    const source = doc.toString("utf8");
    const numbers = [...source.matchAll(/(?<=:\s|\[|,\s)-?\d+(?:\.\d+)?(?=\s|,|\]|\}|$)/gm)];
    if (numbers.length === 0) return doc;
    const m = numbers[n % numbers.length]!;
    return Buffer.from(source.slice(0, m.index) + text + source.slice(m.index! + m[0].length));
  }),
);

const mutant = fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce<Buffer>((doc, m) => m(doc), ORIGINAL));

/** What a finding must be, whatever the input: a known code, a severity, a message, and a position unless the file was unreadable. */
function checkFinding(f: Finding, lines: number): void {
  expect(isKnownCode(f.code), `unknown finding code ${f.code}: ${f.message}`).toBe(true);
  expect(["error", "warning"]).toContain(f.severity);
  expect(typeof f.message).toBe("string");
  expect(f.message.length).toBeGreaterThan(0);
  expect(f.message).not.toMatch(/undefined|\[object Object\]|NaN/);
  if (!mayLackPosition(f.code)) {
    expect(f.pos, `${f.code} without a position: ${f.message}`).toBeDefined();
  }
  if (f.pos) {
    expect(f.pos.line).toBeGreaterThanOrEqual(1);
    expect(f.pos.line).toBeLessThanOrEqual(lines + 1);
    expect(f.pos.col).toBeGreaterThanOrEqual(1);
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "perf-report-hostile-fuzz-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("fuzzing the example dataset in this process (loadDataset + reconcile)", () => {
  it("the unmutated example loads and reconciles clean", async () => {
    const file = join(dir, "original.yaml");
    writeFileSync(file, ORIGINAL);
    const loaded = await loadDataset(file, { lang: "zh" });
    expect(loaded.findings).toEqual([]);
    expect(reconcile(loaded.located!, "zh").findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it(`${DATASET_RUNS} mutants: success, or findings of a known class with a position; never an exception`, async () => {
    const file = join(dir, "mutant.yaml");
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(mutant, fc.constantFrom("zh" as const, "en" as const), async (doc, lang) => {
        writeFileSync(file, doc);
        const lines = doc.toString("utf8").split("\n").length;
        const loaded = await loadDataset(file, { lang });
        const findings = [...loaded.findings];
        if (loaded.located) findings.push(...reconcile(loaded.located, lang).findings);
        for (const f of findings) {
          checkFinding(f, lines);
          seen.set(f.code, (seen.get(f.code) ?? 0) + 1);
        }
      }),
      { seed: SEED, numRuns: DATASET_RUNS },
    );
    // The mutations reach the loader, the parser, the schema and the rules.
    const families = new Set([...seen.keys()].map((c) => (c.includes(".") && /^(io|load|yaml|schema)\./.test(c) ? c.split(".")[0] : "rule")));
    expect([...families].sort()).toEqual(expect.arrayContaining(["load", "rule", "schema", "yaml"]));
  }, 60_000);
});

describe("what the fuzzing found, kept as examples", () => {
  const withFormula = (formula: string) =>
    `${readFileSync(join(ROOT, "test/fixtures/valid/minimal.yaml"), "utf8")}achievements:\n  - title: 成效\n    indicators:\n      - { id: a, name: 指标, target: 1, actual: 2 }\n      - { id: b, name: 指标2, target: 1, formula: "${formula}" }\n`;

  // Once a RangeError “Maximum call stack size exceeded” from reconcile (the CLI exited 3); formulas now stop at 200 terms.
  it("a formula of 100,000 terms (a + a + …): loadDataset + reconcile give findings, never an exception", async () => {
    const file = join(dir, "formula-long.yaml");
    writeFileSync(file, withFormula(`a${" + a".repeat(100_000)}`));
    const loaded = await loadDataset(file, { lang: "zh" });
    expect(loaded.findings).toEqual([]);
    let findings: Finding[] = [];
    expect(() => (findings = reconcile(loaded.located!, "zh").findings)).not.toThrow();
    for (const f of findings) checkFinding(f, 22);
    expect(findings.map((f) => [f.code, f.message, f.pos?.line, f.pos?.col])).toEqual([["indicator.formula", "计算式有误（第 801 个字符）：超过 200 项", 21, 49]]);
  });

  // Once “计算式有误（第 NaN 个字符）：Maximum call stack size exceeded”; parentheses now nest at most 32 deep.
  it("a formula nested 20,000 parentheses deep: a finding with a position and no NaN", async () => {
    const file = join(dir, "formula-deep.yaml");
    writeFileSync(file, withFormula(`${"(".repeat(20_000)}a${")".repeat(20_000)}`));
    const loaded = await loadDataset(file, { lang: "zh" });
    const { findings } = reconcile(loaded.located!, "zh");
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) checkFinding(f, 22);
    expect(findings.map((f) => [f.code, f.message, f.pos?.line, f.pos?.col])).toEqual([["indicator.formula", "计算式有误（第 33 个字符）：括号嵌套超过 32 层", 21, 49]]);
  });
});

describe("fuzzing the example dataset through the built CLI", () => {
  let cli: PrivateCli;
  beforeAll(() => {
    cli = privateCli();
  }, 180_000);
  afterAll(() => cli?.remove());

  it(`${CLI_RUNS} mutants with check, and a third as many with build: exit 0, 1 or 2, no stack trace, no internal error`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(mutant, async (doc) => {
        const file = join(dir, `cli-${n}.yaml`);
        writeFileSync(file, doc);
        const build = n++ % 3 === 2;
        const out = join(dir, `out-${n}`);
        const r = await cli.run(build ? ["build", file, "-o", `${out}/`, "-f", "md,docx"] : ["check", file], { timeout: 30_000 });
        expect(r.timedOut).toBe(false);
        expect([0, 1, 2]).toContain(r.code);
        expect(r.stderr).not.toMatch(STACK_FRAME);
        expect(r.stderr).not.toMatch(/internal error|FATAL/);
        expect(r.stdout).toBe("");
      }),
      { seed: SEED, numRuns: CLI_RUNS },
    );
  }, 120_000);
});

// ── template mutations ───────────────────────────────────────────────────────────────────

const TEMPLATE_INSERTS = ["{{", "}}", "{{#if", "{{/if}}", "{{/each}}", "{{#each", "{{else}}", "{{> x}}", "{{!", "{{{", "}}}", "{{#with", "{{^", "{{@", "(", ")", '"', "=", "|", "{{lookup this \"constructor\"}}", "{{table \"x\"}}", "\n"];

const templateMutation: fc.Arbitrary<(t: string) => string> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 })).map(([n, len]) => (t: string) => {
    const at = n % (t.length + 1);
    return t.slice(0, at) + t.slice(at + len);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 6 })).map(([n, len]) => (t: string) => {
    const at = n % (t.length + 1);
    return t.slice(0, at + len) + t.slice(at, at + len) + t.slice(at + len);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...TEMPLATE_INSERTS)).map(([n, text]) => (t: string) => {
    const at = n % (t.length + 1);
    return t.slice(0, at) + text + t.slice(at);
  }),
);

describe("fuzzing the report template (compileTemplate + renderBlocks)", () => {
  let model: Model;
  beforeAll(async () => {
    const loaded = await loadDataset(join(ROOT, EXAMPLE), { lang: "zh" });
    model = reconcile(loaded.located!, "zh").model;
  });

  it("the bundled templates/report.hbs, the fuzzing base, compiles as a user template and renders (README: “start from templates/report.hbs”)", () => {
    expect(renderBlocks(compileTemplate(TEMPLATE), model).length).toBeGreaterThan(50);
  });

  const mutantTemplate = fc.array(templateMutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce((t, m) => m(t), TEMPLATE));

  it(`${TEMPLATE_RUNS} mutants: each renders, or throws TemplateError with a template.* finding — never another exception`, () => {
    let rendered = 0;
    let refused = 0;
    fc.assert(
      fc.property(mutantTemplate, (source) => {
        try {
          const blocks = renderBlocks(compileTemplate(source), model);
          expect(Array.isArray(blocks)).toBe(true);
          rendered++;
        } catch (error) {
          if (!(error instanceof TemplateError)) throw new Error(`not a TemplateError: ${String(error)}`);
          expect(error.finding.code).toMatch(/^template\.[a-z-]+$/);
          expect(error.finding.severity).toBe("error");
          expect(render("zh", error.finding).length).toBeGreaterThan(0);
          refused++;
        }
      }),
      { seed: SEED, numRuns: TEMPLATE_RUNS },
    );
    expect(rendered).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 60_000);
});
