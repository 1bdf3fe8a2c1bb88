/**
 * Issue 10 defect 5: a --style file's font names went into the HTML preview's <style> raw, so
 * `x"; } </style><script>…` put a script in the page. The style schema refuses such names
 * (test/write/style-file.test.ts); the HTML writer escapes CSS strings anyway.
 */
import { describe, expect, it } from "vitest";
import { cssString, toHtml } from "../../src/write/html.js";
import { GB9704, mergeStyle } from "../../src/write/style.js";

const INJECTION = 'x"; } </style><script>alert(1)</script><style> p { font: "y';

describe("cssString", () => {
  it("quotes a plain font name as it is, CJK included", () => {
    expect(cssString("Times New Roman")).toBe('"Times New Roman"');
    expect(cssString("仿宋_GB2312")).toBe('"仿宋_GB2312"');
  });

  it("escapes quotes, backslashes, angle brackets, braces, semicolons and line breaks as CSS hex escapes", () => {
    expect(cssString('a"b')).toBe('"a\\22 b"');
    expect(cssString("a\\b")).toBe('"a\\5c b"');
    expect(cssString("</style>")).toBe('"\\3c /style\\3e "');
    expect(cssString("a;}{'")).toBe('"a\\3b \\7d \\7b \\27 "');
    expect(cssString("a\nb\u0000")).toBe('"a\\a b\\fffd "');
  });

  it("leaves nothing that can end the string or the <style> element", () => {
    const s = cssString(INJECTION);
    expect(s.slice(1, -1)).not.toMatch(/["'<>;{}\n]/);
    expect(s).toBe('"x\\22 \\3b  \\7d  \\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e \\3c style\\3e  p \\7b  font: \\22 y"');
  });
});

describe("toHtml with a hostile style that bypassed the schema", () => {
  it("puts no script and no second </style> in the page", () => {
    const style = mergeStyle(GB9704, { fonts: { latin: INJECTION, title: INJECTION, heading1: INJECTION, heading2: INJECTION, body: INJECTION } });
    const html = toHtml([{ type: "paragraph", runs: [{ text: "正文" }] }], "标题", style);
    expect(html).not.toContain("<script");
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it("writes the default fonts exactly as before", () => {
    const html = toHtml([], "标题", GB9704);
    expect(html).toContain('font: 16pt/28pt "Times New Roman", "仿宋_GB2312", FangSong');
    expect(html).toContain('h2 { font-family: "黑体", SimHei');
  });
});
