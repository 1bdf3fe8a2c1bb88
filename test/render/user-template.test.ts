/**
 * The checks a user's template passes before Handlebars runs it (src/render/template.ts):
 * what they refuse is in the bad-input corpus (test/fixtures/bad, through the CLI); here,
 * that they refuse no more than that — each template below is one a user may well write.
 */
import { describe, expect, it } from "vitest";
import { reconcile } from "../helpers/worded.js";
import type { Model } from "../../src/compute/model.js";
import { loadDataset } from "../helpers/worded.js";
import { runText } from "../../src/render/blocks.js";
import { renderBlocks } from "../../src/render/render.js";
import { render as word } from "../../src/i18n/messages.js";
import { renderFinding } from "../../src/findings/render.js";
import { compileTemplate, TemplateError } from "../../src/render/template.js";
import { EXAMPLE } from "../helpers/build-example.js";

async function model(): Promise<Model> {
  const loaded = await loadDataset(EXAMPLE, { lang: "zh" });
  return reconcile(loaded.located!, "zh").model;
}

const render = async (source: string): Promise<string[]> =>
  renderBlocks(compileTemplate(source), await model()).map((b) => ("text" in b ? b.text : b.type === "paragraph" ? runText(b.runs) : b.type));

const refusal = (source: string): unknown => {
  try {
    compileTemplate(source);
  } catch (error) {
    return error instanceof TemplateError ? renderFinding({ ...error.finding, file: "t.hbs" }, "en") : error;
  }
  return undefined;
};

describe("templates the checks refuse, with their wording", () => {
  it("a block named after a property of every object ({{#constructor a b}}) is an unknown helper, not a misused #if", () => {
    expect(refusal("{{#constructor a b}}x{{/constructor}}\n")).toMatchObject({ code: "template.error", file: "t.hbs", message: expect.stringMatching(/^unknown helper “constructor”/) });
  });

  it("a missing field is named without the value it was looked up in", async () => {
    const message = async (source: string) => {
      try {
        await render(source);
      } catch (error) {
        return word("en", (error as TemplateError).finding);
      }
      return undefined;
    };
    expect(await message("{{nosuch}}\n")).toBe('"nosuch" not defined');
    expect(await message("{{#with duties}}{{nosuch}}{{/with}}\n")).toBe('"nosuch" not defined');
    expect(await message("{{#with unit}}{{this.__proto__.x}}{{/with}}\n")).toBe('"x" not defined in undefined');
  });
});

describe("templates the checks let through", () => {
  it("an inline partial called from the body, and again from another partial", async () => {
    const source = '{{#*inline "名称"}}{{unit.name}}{{/inline}}{{#*inline "标题"}}{{#doctitle}}{{> 名称}}报告{{/doctitle}}{{/inline}}{{> 标题}}\n';
    expect(await render(source)).toEqual(["永州市工业和信息化局报告"]);
  });

  it("{{this}} for the items of a list of text, and one value to #if, #each, #with, lookup", async () => {
    const source = '{{#para}}{{#with unit}}{{#if selfName}}{{lookup this "selfName"}}{{/if}}{{/with}}\n{{#each duties}}{{#if @first}}{{this}}{{/if}}{{/each}}{{/para}}\n';
    const [first, second] = await render(source);
    expect(first).toBe("我局");
    expect(second).toMatch(/^负责/);
  });

  it("a fund's figure id through a block parameter or an index ({{amount fund.allocated}}, {{amount funds.0.allocated}})", async () => {
    const source = "{{#para}}{{#each funds as |fund|}}{{#if @first}}{{fund.name}}{{amount fund.allocated}}{{/if}}{{/each}}\n{{amount funds.0.allocated}}{{/para}}\n";
    const [first, second] = await render(source);
    expect(first).toMatch(/^\S+\d[\d.,]*万元$/);
    expect(second).toMatch(/^\d[\d.,]*万元$/);
    expect(first!.endsWith(second!)).toBe(true);
  });

  it("an {{else if}} chain 150 links long is not nesting", async () => {
    const chain = `{{#if nosuch1}}a${Array.from({ length: 150 }, (_, i) => `{{else if nosuch${i + 2}}}b`).join("")}{{else}}{{year}}{{/if}}\n`;
    expect(refusal(chain)).toBeUndefined();
  });

  it("blocks nested 100 deep; the 101st is refused at its own line and column", () => {
    const nested = (n: number) => `${"{{#if year}}".repeat(n)}年${"{{/if}}".repeat(n)}\n`;
    expect(refusal(nested(100))).toBeUndefined();
    expect(refusal(nested(101))).toEqual({ code: "template.error", severity: "error", file: "t.hbs", message: "blocks nested more than 100 deep", pos: { line: 1, col: 1201 } });
  });
});
