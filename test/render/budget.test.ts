/**
 * Issue 11 §4: a template that runs away (ten nested {{#each}}, partials that double at every
 * level, 200,000 blocks) is stopped by the render's budget (src/render/budget.ts) or refused
 * when compiled, with the template's line and column; a render asked to stop stops at once.
 */
import { describe, expect, it } from "vitest";
import { reconcile } from "../../src/check/check.js";
import { renderFinding } from "../../src/findings/render.js";
import type { Model } from "../../src/compute/model.js";
import { loadDataset } from "../../src/pipeline/load.js";
import { RENDER_LIMITS, RenderInterrupted, renderLimits, type RenderOptions } from "../../src/render/budget.js";
import { renderBlocks } from "../../src/render/render.js";
import { compileTemplate, TemplateError } from "../../src/render/template.js";
import { EXAMPLE } from "../helpers/build-example.js";

let example: Model | undefined;
async function model(): Promise<Model> {
  example ??= reconcile((await loadDataset(EXAMPLE, {})).located!).model;
  return example;
}

/** The refusal (its finding, worded in `lang`) or the number of blocks rendered. */
async function outcome(source: string, options: RenderOptions = {}, lang: "zh" | "en" = "en"): Promise<unknown> {
  try {
    return renderBlocks(compileTemplate(source), await model(), options).length;
  } catch (error) {
    if (error instanceof TemplateError) return worded(error, lang);
    throw error;
  }
}

/** A template refusal as the user reads it (the file is the caller's to add). */
function worded(error: TemplateError, lang: "zh" | "en"): object {
  const { file: _file, ...rest } = renderFinding({ ...error.finding, file: "" }, lang);
  return rest;
}

const nested = (depth: number, body = "x") => `{{#doctitle}}标题{{/doctitle}}\n${"{{#each @root.duties}}".repeat(depth)}{{#para}}${body}{{/para}}${"{{/each}}".repeat(depth)}\n`;

describe("the render's budget", () => {
  it("ten nested {{#each}} over the 16 duties: refused at the innermost block when the runs run out, in both languages", async () => {
    const limits = { ...RENDER_LIMITS, runs: 100_000 };
    // The tenth {{#each}} opens at column 1 + 9 × 22.
    const pos = { line: 2, col: 199 };
    expect(await outcome(nested(10), { limits })).toEqual({
      code: "template.budget",
      severity: "error",
      message: "the template's blocks ran more than 100,000 times (most likely {{#each}} nested many deep, or partials calling each other)",
      pos,
    });
    expect(await outcome(nested(10), { limits }, "zh")).toMatchObject({ message: "模板的块已执行超过 100,000 次（多半是 {{#each}} 多层嵌套，或局部模板相互调用）", pos });
  });

  it("with the limits as shipped, ten nested {{#each}} are refused within seconds", async () => {
    const started = performance.now();
    expect(await outcome(nested(10))).toMatchObject({ code: "template.budget", message: expect.stringMatching(/^the template's blocks ran more than 2,000,000 times/) });
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("text counted once however deep it is nested: 16 × 16 × 16 duties of ~100 characters are refused at 200,000 characters, not before", async () => {
    const limits = { ...RENDER_LIMITS, chars: 200_000 };
    // Three deep, printing each duty (~20 to 200 characters): about 400,000 characters in all.
    expect(await outcome(nested(3, "{{this}}\n"), { limits })).toMatchObject({
      code: "template.budget",
      message: "the template rendered more than 200,000 characters (most likely {{#each}} inside {{#each}}, or partials calling each other, multiplying the output)",
      pos: { line: 2, col: 45 },
    });
    // Two deep renders 256 duties, ~25,000 characters — well within 200,000 even counted at each of the two levels.
    expect(await outcome(nested(2, "{{this}}\n"), { limits })).toBe(257);
  });

  it("partials that call each other twice, with no block at all, are stopped too (the position is unknown: no block is open)", async () => {
    const levels = Array.from({ length: 40 }, (_, i) => `{{#*inline "p${i}"}}{{> p${i + 1}}}{{> p${i + 1}}}{{/inline}}`).join("");
    const source = `# 标题\n${levels}{{#*inline "p40"}}x{{/inline}}{{> p0}}\n`;
    const found = (await outcome(source, { limits: { ...RENDER_LIMITS, runs: 10_000 } })) as { code: string; pos?: unknown };
    expect(found).toMatchObject({ code: "template.budget", message: expect.stringMatching(/^the template's blocks ran more than 10,000 times/) });
    expect(found.pos).toBeUndefined();
  });

  it("a render past its time is refused, at one of the blocks open", async () => {
    const found = (await outcome(nested(10), { limits: { ...RENDER_LIMITS, ms: 200 } })) as { code: string; message: string; pos: { line: number; col: number } };
    expect(found).toMatchObject({ code: "template.budget", message: "the template took more than 0.2 seconds to render" });
    expect(found.pos.line).toBe(2);
    expect((found.pos.col - 1) % 22).toBe(0);
  });

  it("text too long for a JavaScript string (no block open) is the character limit, not a recursion", async () => {
    // 600 × 1,000,000 characters, printed at the template's top level: past V8's 2^29.
    const source = `${"{{big}}".repeat(600)}\n`;
    const template = compileTemplate(source);
    let found: unknown;
    try {
      template.render(await model(), { big: "字".repeat(1_000_000) });
    } catch (error) {
      found = error instanceof TemplateError ? worded(error, "en") : error;
    }
    expect(found).toMatchObject({ code: "template.budget", message: expect.stringMatching(/^the template rendered more than 20,000,000 characters/) });
  });

  it("the report the bundled template makes is far within the limits: the same blocks with or without them", async () => {
    const { defaultTemplate } = await import("../../src/render/precompiled.js");
    const template = await defaultTemplate();
    const tight = renderBlocks(template, await model(), { limits: { chars: 60_000, runs: 1_000, ms: 30_000 } });
    expect(tight).toEqual(renderBlocks(template, await model()));
  });

  it("a render asked to stop (Ctrl-C) stops at its next block with RenderInterrupted", async () => {
    let asked = 0;
    const template = compileTemplate(nested(10));
    const started = performance.now();
    expect(() => renderBlocks(template, example!, { interrupted: () => ++asked > 1000 })).toThrow(RenderInterrupted);
    expect(asked).toBe(1001);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("PERF_REPORT_RENDER_LIMITS sets any of the limits (for tests); anything else in it is ignored", () => {
    expect(renderLimits({})).toEqual(RENDER_LIMITS);
    expect(renderLimits({ PERF_REPORT_RENDER_LIMITS: "runs=500,ms=2000" })).toEqual({ ...RENDER_LIMITS, runs: 500, ms: 2000 });
    expect(renderLimits({ PERF_REPORT_RENDER_LIMITS: "chars=-1,runs=x,toString=1,=5" })).toEqual(RENDER_LIMITS);
  });
});

describe("a template with too many tags", () => {
  it("200,000 {{#if}} blocks: refused when compiled, at the 10,001st tag, in milliseconds", () => {
    const source = `# 标题\n${"{{#if unit.name}}a{{/if}}".repeat(200_000)}\n`;
    const started = performance.now();
    let found: unknown;
    try {
      compileTemplate(source);
    } catch (error) {
      found = error instanceof TemplateError ? worded(error, "zh") : error;
    }
    // Tag 10,001 is the opening tag of block 5,001 (25 characters each), on line 2.
    expect(found).toEqual({ code: "template.error", severity: "error", message: "模板中的 {{…}} 标记超过 10,000 个", pos: { line: 2, col: 5000 * 25 + 1 } });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("10,000 tags are compiled", () => {
    expect(() => compileTemplate(`# 标题\n${"{{unit.name}}".repeat(10_000)}\n`)).not.toThrow();
  });
});
