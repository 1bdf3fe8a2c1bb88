/** Issue 10 defect 5: a font name is a name, not CSS — the style schema refuses what could end a CSS string. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkStyleFile } from "../../src/write/style-file.js";

const dir = mkdtempSync(join(tmpdir(), "perf-report-style-"));
const styleFile = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe("font names in a --style file", () => {
  it("refuses the script injection of issue 10 at the font's line and column, in Chinese and English", async () => {
    const file = styleFile("inject.yaml", `page:\n  top: 30\nfonts: { latin: 'x"; } </style><script>alert(1)</script><style> p { font: "y' }\n`);
    const zh = await checkStyleFile(file, "zh");
    expect(zh.findings.map((f) => [f.code, f.pos?.line, f.pos?.col, f.path, f.message])).toEqual([
      ["schema.pattern", 3, 17, "/fonts/latin", "字体名不能含有引号、花括号、尖括号、反斜杠、分号或控制字符"],
    ]);
    const en = await checkStyleFile(file, "en");
    expect(en.findings.map((f) => f.message)).toEqual(["a font name cannot contain quotes, braces, angle brackets, backslashes, semicolons or control characters"]);
  });

  it.each([['a"b'], ["a'b"], ["a{b"], ["a}b"], ["a<b"], ["a>b"], ["a\\b"], ["a;b"], ["a\tb"], ["a\u001bb"]])("refuses %j", async (name) => {
    const file = styleFile("one.yaml", `fonts:\n  body: ${JSON.stringify(name)}\n`);
    const { findings } = await checkStyleFile(file, "en");
    expect(findings.map((f) => [f.code, f.path, f.pos?.line])).toEqual([["schema.pattern", "/fonts/body", 2]]);
  });

  it("accepts real font names: CJK, spaces, underscores, hyphens, parentheses", async () => {
    const file = styleFile("ok.yaml", "fonts:\n  title: 方正小标宋简体\n  heading1: 方正黑体_GBK\n  latin: Times New Roman\n  body: Noto Serif CJK SC (Regular)\n  table: FZFangSong-Z02\n");
    expect((await checkStyleFile(file, "zh")).findings).toEqual([]);
  });
});
