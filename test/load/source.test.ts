import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeText, DEFAULT_MAX_BYTES } from "../../src/load/source.js";
import { readSource } from "../helpers/worded.js";

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

describe("decodeText", () => {
  it("decodes UTF-8, Chinese included", () => {
    expect(decodeText(bytes("unit:\n  name: 测试局\n"))).toEqual({ text: "unit:\n  name: 测试局\n" });
    expect(decodeText(bytes("𠀀 ５２９６"))).toEqual({ text: "𠀀 ５２９６" }); // 4-byte and full-width characters
  });

  it("decodes an empty file to empty text", () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: "" });
  });

  it("drops a UTF-8 byte-order mark", () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], "year: 2020"))).toEqual({ text: "year: 2020" });
  });

  it("refuses UTF-16 by its byte-order mark, little- and big-endian", () => {
    expect(decodeText(bytes([0xff, 0xfe], [0x61, 0x00]))).toEqual({ error: "utf16", offset: 0 });
    expect(decodeText(bytes([0xfe, 0xff], [0x00, 0x61]))).toEqual({ error: "utf16", offset: 0 });
    expect(decodeText(bytes([0xff, 0xfe]))).toEqual({ error: "utf16", offset: 0 });
  });

  it("refuses a NUL byte, at its offset (before looking at the encoding)", () => {
    expect(decodeText(bytes("year: ", [0x00], "2020"))).toEqual({ error: "nul", offset: 6 });
    expect(decodeText(bytes([0xff], "a", [0x00]))).toEqual({ error: "nul", offset: 2 });
  });

  it.each<[string, Uint8Array, number]>([
    ["a lone 0xFF", bytes("ab", [0xff], "c"), 2],
    ["a continuation byte with no lead", bytes("测", [0x80]), 3],
    ["a lead byte followed by ASCII", bytes("测试", [0xe5, 0x41]), 6],
    ["a sequence cut short by the end of the file", bytes("ab", [0xe6, 0xb5]), 2],
    ["an overlong encoding of NUL (C0 80)", bytes("x", [0xc0, 0x80]), 1],
    ["an encoded UTF-16 surrogate (ED A0 80)", bytes("xy", [0xed, 0xa0, 0x80]), 2],
    ["a code point above U+10FFFF (F4 90 80 80)", bytes([0xf4, 0x90, 0x80, 0x80]), 0],
    ["a 5-byte lead (F8)", bytes("测试局", [0xf8, 0x88, 0x80, 0x80, 0x80]), 9],
    ["GBK-encoded 测试 after valid text", bytes("name: ", [0xb2, 0xe2, 0xca, 0xd4]), 6],
  ])("refuses invalid UTF-8 (%s) at the first bad byte", (_, input, offset) => {
    expect(decodeText(input)).toEqual({ error: "encoding", offset });
  });

  it("is not left in a broken state by a failure (the decoder is shared)", () => {
    expect(decodeText(bytes("ab", [0xe6, 0xb5]))).toEqual({ error: "encoding", offset: 2 });
    expect(decodeText(bytes("测试"))).toEqual({ text: "测试" });
  });
});

describe("readSource", () => {
  const tmp = mkdtempSync(join(tmpdir(), "perf-report-source-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const write = (name: string, content: Uint8Array): string => {
    const file = join(tmp, name);
    writeFileSync(file, content);
    return file;
  };

  it("reads a UTF-8 file under the name it was given", async () => {
    const file = write("ok.yaml", bytes([0xef, 0xbb, 0xbf], "year: 2020\n"));
    expect(await readSource(file, { lang: "zh" })).toEqual({ ok: true, source: { file, text: "year: 2020\n" } });
  });

  it("positions an encoding error by line and character column (CJK characters count one)", async () => {
    const file = write("bad.yaml", bytes("unit:\n  name: 测试", [0xff], "局\n"));
    expect(await readSource(file, { lang: "en" })).toEqual({
      ok: false,
      finding: { code: "io.encoding", severity: "error", message: "file is not valid UTF-8 (at byte 20); save it as UTF-8", file, pos: { line: 2, col: 11 } },
    });
  });

  it("positions a NUL byte the same way", async () => {
    const file = write("nul.yaml", bytes("a: 1\nb: 测", [0x00], "\n"));
    expect(await readSource(file, { lang: "zh" })).toEqual({
      ok: false,
      finding: { code: "io.nul", severity: "error", message: "文件中含有 NUL 字符，不是文本文件", file, pos: { line: 2, col: 5 } },
    });
  });

  it("the default size limit is 5 MiB, and a file of exactly maxBytes is read", async () => {
    expect(DEFAULT_MAX_BYTES).toBe(5 * 1024 * 1024);
    const file = write("ten.yaml", bytes("year: 2020"));
    expect((await readSource(file, { lang: "zh", maxBytes: 10 })).ok).toBe(true);
    expect(await readSource(file, { lang: "zh", maxBytes: 9 })).toEqual({
      ok: false,
      finding: { code: "io.too-large", severity: "error", message: "文件过大（10 字节，上限 9 字节）；可用 --max-bytes 调整上限", file },
    });
  });

  it("a path through a regular file (ENOTDIR) is io.unreadable, naming the reason", async () => {
    const file = join(write("plain.yaml", bytes("a: 1")), "child.yaml");
    expect(await readSource(file, { lang: "en" })).toEqual({
      ok: false,
      finding: { code: "io.unreadable", severity: "error", message: "cannot read file: ENOTDIR", file },
    });
  });
});
