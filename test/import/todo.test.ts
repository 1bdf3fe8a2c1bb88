import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cli, ensureBuilt, ROOT } from "../helpers/cli.js";
import { plain, sampleParagraphs, sentences } from "../helpers/sample-text.js";

const SAMPLE = "test/fixtures/seed/yongzhou-2020-sample.txt";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "import-todo-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The example built as Markdown, with `stray` inserted as a paragraph after each heading line named; the paragraphs' line numbers. */
function reportWithStray(example: string, stray: Record<string, string>): { file: string; lines: Record<string, number> } {
  const run = cli(["build", `examples/${example}.yaml`, "-f", "md", "-o", `${dir}/`]);
  expect(run.code, run.stderr).toBe(0);
  const out: string[] = [];
  const lines: Record<string, number> = {};
  for (const line of readFileSync(join(dir, `${example}.md`), "utf8").split("\n")) {
    out.push(line);
    const text = stray[line];
    if (text !== undefined) {
      out.push("", text);
      lines[text] = out.length;
    }
  }
  expect(Object.keys(lines)).toHaveLength(Object.keys(stray).length);
  const file = join(dir, `${example}-stray.md`);
  writeFileSync(file, out.join("\n"));
  return { file, lines };
}

function imported(file: string, name: string): { yaml: string; stderr: string } {
  const out = join(dir, name);
  const run = cli(["import", file, "-o", out]);
  expect(run.code, run.stderr).toBe(0);
  return { yaml: readFileSync(out, "utf8"), stderr: run.stderr };
}

describe("import keeps text under a heading that holds nothing of its own", () => {
  const cases: [string, Record<string, string>][] = [
    ["nanxian-zhengxie-2024", { "## 一、基本情况": "本段直接写在一级标题之下，导入不得丢弃。" }],
    [
      "yongzhou-2020",
      {
        "## 一、部门（单位）概况": "本段写在部门概况标题之下，没有归属。",
        "### （一）部门（单位）基本情况": "本段写在基本情况标题之下，也没有归属。",
      },
    ],
    ["nanxian-caizhengju-2020", { "## 二、单位基本概况": "本段写在单位基本概况之下，导入不得丢弃。" }],
  ];
  for (const [example, stray] of cases) {
    it(`${example}: the paragraph is a TODO comment of the draft and a warning at its line`, () => {
      const { file, lines } = reportWithStray(example, stray);
      const { yaml, stderr } = imported(file, `${example}-stray.yaml`);
      for (const [text, line] of Object.entries(lines)) {
        expect(yaml).toContain(`# TODO 未能归入数据集（报告第 ${line} 行）：${text}\n`);
        expect(stderr).toContain(`${file}:${line}:1: warning[import.unplaced] 未能归入数据集，已作为 TODO 注释写入草稿：“${text}”`);
      }
    });
  }
});

/** Whitespace, thousands separators and a leading number (`（1）`, `1、`) do not count. */
const NUMBER_LEAD = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)][、.．]?|\d+[、.．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])\s*/;
const normal = (text: string) => plain(text).replace(NUMBER_LEAD, "").replace(/\s+/g, "");

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "number") return [String(value)];
  // A list the report wrote in one sentence (`分别是a、b、c`) is held item by item.
  if (Array.isArray(value)) return [...value.flatMap(strings), ...(value.every((v) => typeof v === "string") ? [value.join("、")] : [])];
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

describe("import of the published sample: every paragraph is placed or a TODO", () => {
  it("finds each sentence of each paragraph in a value of the draft or a TODO comment (a sentence of figures: its figures among the values)", () => {
    const { yaml } = imported(join(ROOT, SAMPLE), "sample.yaml");
    const values = strings(parse(yaml)).map(normal);
    const todos = yaml
      .split("\n")
      .map((l) => /^\s*# TODO [^：:]*[：:](.*)$/.exec(l)?.[1])
      .filter((t): t is string => t !== undefined)
      .map(normal);
    const numbers = new Set(values.flatMap((v) => v.match(/\d+(?:\.\d+)?/g) ?? []).map((n) => String(Number(n))));
    const text = [...values, ...todos].join("\n");
    const missing: string[] = [];
    for (const paragraph of sampleParagraphs(readFileSync(join(ROOT, SAMPLE), "utf8"))) {
      // A heading is the draft's structure, not a value: a short line without a full stop, or a numbered first sentence of up to 40 characters.
      if (!/[。；]/.test(paragraph) && [...paragraph].length <= 40) continue;
      for (const [i, sentence] of sentences([paragraph]).entries()) {
        if (i === 0 && NUMBER_LEAD.test(sentence) && [...sentence].length <= 40 && !/[；，,]/.test(sentence.replace(/。$/, ""))) continue;
        const s = normal(sentence).replace(/[。；]$/, "");
        // A list (`内设科室分别是a、b、c`): its items, after the words that lead to them.
        const listed = /^[^、]*?(?:是|为|有|包括)[：:]?(.+、.+)$/.exec(s)?.[1];
        if (s === "" || text.includes(s) || (listed !== undefined && text.includes(listed))) continue;
        const figures = (s.match(/\d+(?:\.\d+)?(?=\s*(?:万元|元|亿元|%|人|个|家|项|分))/g) ?? []).map((n) => String(Number(n)));
        if (figures.length > 0 && figures.some((n) => numbers.has(n))) continue;
        missing.push(sentence);
      }
    }
    expect(missing).toEqual([]);
  });
});
