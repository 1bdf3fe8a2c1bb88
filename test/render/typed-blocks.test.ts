/**
 * Template helpers build typed blocks (issue 12): dataset prose is only ever the text of a
 * paragraph, whatever its lines look like, and text a template prints outside a block is refused.
 */
import { describe, expect, it } from "vitest";
import { renderFinding } from "../../src/findings/render.js";
import { compileTemplate, TemplateError } from "../../src/render/template.js";
import { renderBlocks } from "../../src/render/render.js";
import { buildBlocks } from "../helpers/build-example.js";
import { valid } from "../helpers/fixtures.js";

describe("prose that reads like structure", () => {
  it("prints `# x`, `::pagebreak`, `::table finance` and `#### a||b` as paragraphs of text", async () => {
    const { blocks } = await buildBlocks(valid("forged-prose.yaml"));
    expect(blocks.filter((b) => b.type === "title").map((b) => (b as { text: string }).text)).toEqual(["测试局", "2020年度部门整体支出绩效自评报告"]);
    expect(blocks.filter((b) => b.type === "pagebreak")).toEqual([]);
    expect(blocks.filter((b) => b.type === "table").map((b) => (b as { table: { id: string } }).table.id)).toEqual(["finance"]);
    const duties = blocks.slice(blocks.findIndex((b) => b.type === "heading" && b.text === "1、部门职能职责") + 1).slice(0, 5);
    expect(duties).toEqual([
      { type: "paragraph", runs: [{ text: "（1）负责测试" }] },
      { type: "paragraph", runs: [{ text: "# 伪造标题" }] },
      { type: "paragraph", runs: [{ text: "::pagebreak" }] },
      { type: "paragraph", runs: [{ text: "::table finance" }] },
      { type: "paragraph", runs: [{ text: "#### 伪造||段落" }] },
    ]);
  });
});

describe("the block helpers", () => {
  const render = async (source: string) => {
    const { model } = await buildBlocks(valid("minimal.yaml"));
    return renderBlocks(compileTemplate(source), model);
  };
  const refusal = async (source: string) => {
    try {
      await render(source);
    } catch (error) {
      if (error instanceof TemplateError) return renderFinding({ ...error.finding, file: "" }, "en");
      throw error;
    }
    return undefined;
  };

  it("make a title, headings, a run-in heading, a signature and a landscape section", async () => {
    const source = [
      "{{#doctitle}}{{unit.name}}{{/doctitle}}",
      "{{#heading 1}}一、概况{{/heading}}",
      '{{#para lead="1、机构。"}}{{unit.selfName}}{{/para}}',
      "{{#landscape}}",
      '{{table "finance"}}',
      "{{/landscape}}",
      "{{pagebreak}}",
      "{{#signature}}",
      "{{unit.name}}",
      "{{year}}年12月31日",
      "{{/signature}}",
      "",
    ].join("\n");
    const blocks = await render(source);
    expect(blocks.map((b) => (b.type === "table" ? "table" : b))).toEqual([
      { type: "title", text: "测试局" },
      { type: "heading", level: 1, text: "一、概况" },
      { type: "paragraph", lead: "1、机构。", runs: [{ text: "我单位" }] },
      { type: "section", orientation: "landscape" },
      "table",
      { type: "section", orientation: "portrait" },
      { type: "pagebreak" },
      { type: "signature", lines: ["测试局", "2020年12月31日"] },
    ]);
  });

  it("refuse text outside a block, at its line and column, and name the old line syntax", async () => {
    expect(await refusal("{{#para}}正文{{/para}}\n## 一、概况\n")).toMatchObject({
      code: "template.error",
      pos: { line: 2, col: 1 },
      message: expect.stringContaining("a leading # or ## no longer makes a heading"),
    });
    expect(await refusal("{{#each duties}}\n  {{this}}\n{{/each}}\n")).toMatchObject({ pos: { line: 2, col: 3 } });
  });

  it("refuse a block inside a text block, a heading without a level and a block helper without #", async () => {
    expect(await refusal("{{#para}}a{{pagebreak}}{{/para}}\n")).toMatchObject({ message: "pagebreak cannot be used inside a para block", pos: { line: 1, col: 11 } });
    expect(await refusal("{{#heading}}a{{/heading}}\n")).toMatchObject({ message: "heading: expects a level 1–4, e.g. {{#heading 1}}…{{/heading}}" });
    expect(await refusal("{{#heading 5}}a{{/heading}}\n")).toMatchObject({ code: "template.helper" });
    expect(await refusal("{{para}}\n")).toMatchObject({ message: "para is a block helper: write {{#para}}…{{/para}}" });
  });
});
