import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FAMILIES, familyFile } from "../../src/families.js";
import { runText, type Block } from "../../src/render/blocks.js";
import { toMarkdown } from "../../src/write/markdown.js";
import { chineseNumeral } from "../../src/render/format.js";
import { buildBlocks } from "../helpers/build-example.js";
import { cli, ensureBuilt } from "../helpers/cli.js";

const EXAMPLES = readdirSync("examples")
  .filter((f) => f.endsWith(".yaml") && !f.includes("as-published"))
  .map((f) => `examples/${f}`);
const DATASETS = [...EXAMPLES, "test/fixtures/families/minimal.yaml"];

/** Datasets that do say 0 (the sample's 年初预算专项资金 is 0: budget.projectInitial: 0). */
const SAYS_ZERO = new Set(["examples/yongzhou-2020.yaml"]);

/** What no report may print, whatever its family and however little its data says. */
function problems(blocks: readonly Block[], zero = false): string[] {
  const out: string[] = [];
  const text = (b: Block) => (b.type === "paragraph" ? `${b.lead ?? ""}${runText(b.runs)}` : b.type === "heading" || b.type === "title" ? b.text : "");
  blocks.forEach((b, i) => {
    const t = text(b);
    if (/undefined|NaN|\[object/.test(t)) out.push(`undefined/NaN: ${t}`);
    if (!zero && /(?<![\d.])0万元/.test(t)) out.push(`0万元 the data does not say: ${t}`);
    if (b.type === "paragraph" && t.includes("—")) out.push(`— in prose: ${t}`);
    if (/，，|。。|、、|；；|，。|；。/.test(t)) out.push(`doubled punctuation: ${t}`);
    // "…。其中：" may end a paragraph only when the list it announces follows (the sample's layout).
    if (b.type === "paragraph" && /其中[：:]$/.test(t) && blocks[i + 1]?.type !== "paragraph") out.push(`其中： at the end: ${t}`);
    if (b.type === "paragraph" && /^[，。；、]/.test(runText(b.runs))) out.push(`starts with punctuation: ${t}`);
    if (b.type === "heading") {
      const next = blocks.slice(i + 1).find((n) => n.type !== "pagebreak" && n.type !== "section");
      if (!next || (next.type === "heading" && next.level <= b.level)) out.push(`empty heading: ${t}`);
    }
  });
  // Numbers never skip: the level-1 headings that carry 一、 go 一、二、三、… in order.
  const numbered = blocks.filter((b): b is Extract<Block, { type: "heading" }> => b.type === "heading" && b.level === 1 && /^[一二三四五六七八九十]+、/.test(b.text));
  numbered.forEach((h, i) => {
    if (!h.text.startsWith(`${chineseNumeral(i + 1)}、`)) out.push(`numbering skips at: ${h.text}`);
  });
  return out;
}

describe("every family, every example: missing means missing", () => {
  for (const family of FAMILIES) {
    for (const file of DATASETS) {
      it(`${family.name} × ${file}`, async () => {
        const { blocks } = await buildBlocks(file, familyFile(family.name));
        expect(problems(blocks, SAYS_ZERO.has(file))).toEqual([]);
        expect(blocks.some((b) => b.type === "paragraph" || b.type === "table")).toBe(true);
      });
    }
  }
});

describe("the sample through each family", () => {
  for (const family of FAMILIES) {
    it(family.name, async () => {
      const { blocks } = await buildBlocks("examples/yongzhou-2020.yaml", familyFile(family.name));
      expect(problems(blocks, true)).toEqual([]);
    });
  }
});

describe("a dataset with only unit, year and two duties", () => {
  it("six-part: the profile and its duties, nothing else, numbered from 一、 and 1、", async () => {
    const { blocks } = await buildBlocks("test/fixtures/families/minimal.yaml", familyFile("six-part"));
    expect(toMarkdown(blocks)).toBe(
      [
        "# 某县档案馆",
        "# 2022年度部门整体支出绩效自评报告",
        "## 一、部门（单位）概况",
        "### （一）部门（单位）基本情况",
        "#### 1、部门职能职责",
        "（1）负责全县档案的接收、征集、整理和保管。",
        "（2）负责档案信息化建设和开发利用。",
      ].join("\n\n") + "\n",
    );
  });
});

describe("computed numbers close up when a section is left out", () => {
  it("suining (no money): 机构设置 is 2、 and 人员编制 3、; no section about spending", async () => {
    const md = toMarkdown((await buildBlocks("examples/suining-sifaju-2020.yaml", familyFile("six-part"))).blocks);
    expect(md).toContain("2、机构设置情况。2020年12月31日，我局股室8个，二级机构2个，派驻乡镇司法所17个。");
    expect(md).toContain("3、人员编制情况。截至2020年12月31日，我局共有编制57人。年末实有在职人员50人，退休人员14人。");
    expect(md).not.toMatch(/收入|万元|## 二、/);
  });
  it("the sample keeps its six parts, 一、 to 六、", async () => {
    const { blocks } = await buildBlocks("examples/yongzhou-2020.yaml", familyFile("six-part"));
    const h1 = blocks.filter((b) => b.type === "heading" && b.level === 1).map((b) => (b as { text: string }).text);
    expect(h1).toEqual(["一、部门（单位）概况", "二、部门整体支出管理及使用情况", "三、部门（单位）专项组织实施情况", "四、部门整体支出绩效情况", "五、存在的主要问题", "六、改进措施和有关建议"]);
  });
  it("yiyang: the income line with its published change and growth, no prior total printed", async () => {
    const md = toMarkdown((await buildBlocks("examples/nanxian-zhengxie-2024.yaml", familyFile("yiyang"))).blocks);
    expect(md).toContain("1、收入：816.23万元。同比上年度减少62.52万元，下降7.11%。其中：财政拨款收入816.23万元。");
    expect(md).toContain("2、支出：816.23万元。其中：人员经费支出543.25万元，公用经费支出90.63万元，项目支出182.35万元。");
    expect(md).not.toContain("878.75");
  });
  it("score-first: the score first, the documents and their numbers; a partial list ends in 等", async () => {
    const md = toMarkdown((await buildBlocks("examples/nanxian-caizhengju-2020.yaml", familyFile("score-first"))).blocks);
    expect(md.split("\n\n")[2]).toBe("## 一、自评得分情况");
    expect(md).toContain("（中发〔2018〕34号）、《关于全面实施预算绩效管理的实施意见》（湘办发〔2019〕10号）等文件精神");
    expect(md).toContain("综合评分为97分");
    expect(md).toContain("股室16个，包括办公室、预算股、人事教育股、国库股、科教文化股、乡镇财政等。");
  });
});

describe("the built DOCX of each example", () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), "perf-report-families-"));
  const run = cli(["build", ...EXAMPLES, "-o", `${dir}/`, "-q"]);
  const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
  const docText = (file: string) => strFromU8(unzipSync(readFileSync(file))["word/document.xml"]!).replace(/<[^>]+>/g, "");

  it("builds every example (exit 0)", () => expect(run.code, run.stderr).toBe(0));
  for (const file of EXAMPLES) {
    const name = file.replace(/^examples\/|\.yaml$/g, "");
    it(`${name}: no undefined, NaN or invented 0万元; passes the OOXML schema check`, () => {
      const text = docText(join(dir, `${name}.docx`));
      expect(text).not.toMatch(/undefined|NaN/);
      if (!SAYS_ZERO.has(file)) expect(text).not.toMatch(/(?<![\d.])0万元/);
      if (hasXmllint) expect(execFileSync("python3", ["vendor/tools/validate-docx", join(dir, `${name}.docx`)], { encoding: "utf8" })).toContain("valid");
    });
  }
  it("the table-form report has its cover and a bordered form without a header row", () => {
    const xml = strFromU8(unzipSync(readFileSync(join(dir, "yueyang-chengguan-jiandu-2018.docx")))["word/document.xml"]!);
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("岳阳市2018年度部门整体支出绩效评价自评报告部门（单位）名称：岳阳市城市管理监督指挥中心预 算 编 码：906017");
    expect(text).toContain("岳阳市财政局（制）");
    expect(text).toContain("联系人吴俊联络电话8690022人员编制21实有人数21职能职责概述");
    expect(xml).toContain('w:gridSpan w:val="3"');
    expect(xml).not.toContain("<w:tblHeader");
  });
});

describe("perf-report templates", () => {
  it("lists the four families with a line each, in both languages", () => {
    const zh = cli(["templates"]);
    expect(zh.code).toBe(0);
    expect(zh.stdout.split("\n").filter((l) => l.startsWith("  ")).map((l) => l.trim().split(/\s+/)[0])).toEqual(["six-part", "yiyang", "score-first", "table-form"]);
    expect(cli(["templates", "--lang", "en"]).stdout).toContain("Yueyang table form");
  });
  it("--template NAME picks a family over the dataset's own", () => {
    const dir = mkdtempSync(join(tmpdir(), "perf-report-families-"));
    const run = cli(["build", "examples/suining-sifaju-2020.yaml", "--template", "score-first", "-f", "md", "-o", `${dir}/`, "-q"]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, "suining-sifaju-2020.md"), "utf8")).toContain("## 一、单位基本概况");
  });
});
