import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { byPosition } from "../../src/findings/finding.js";
import { loadDataset } from "../../src/pipeline/load.js";
import { parseDocument } from "yaml";
import { DEFAULT_LIMITS, parseSource } from "../../src/load/parse.js";
import { invalid, valid } from "../helpers/fixtures.js";

const tmp = mkdtempSync(join(tmpdir(), "perf-report-load-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, content: string | Uint8Array): string => {
  const file = join(tmp, name);
  writeFileSync(file, content);
  return file;
};

const MINIMAL_TEXT = readFileSync(valid("minimal.yaml"), "utf8");
const MINIMAL_DATA = {
  unit: { name: "测试局" },
  year: 2020,
  profile: { duties: ["负责测试"] },
  finance: {
    income: { sources: [{ name: "财政拨款收入", amount: 100 }] },
    expenditure: { basic: { personnel: 50, public: 10 }, project: 30 },
  },
};

describe("a valid dataset", () => {
  for (const name of ["minimal.yaml", "minimal-flow.yaml"]) {
    it(`${name} loads with no findings, in both languages`, async () => {
      for (const lang of ["zh", "en"] as const) {
        const loaded = await loadDataset(valid(name), { lang });
        expect(loaded.findings).toEqual([]);
        expect(loaded.located).toBeDefined();
        expect(loaded.located!.data).toEqual(MINIMAL_DATA);
        expect(loaded.source!.file).toBe(valid(name));
      }
    });
  }

  it("records the node and key of every value, so that later findings have positions", async () => {
    const { located } = await loadDataset(valid("minimal.yaml"), { lang: "zh" });
    const pointers = [...located!.nodes.keys()];
    expect(pointers).toEqual([
      "",
      "/unit",
      "/unit/name",
      "/year",
      "/profile",
      "/profile/duties",
      "/profile/duties/0",
      "/finance",
      "/finance/income",
      "/finance/income/sources",
      "/finance/income/sources/0",
      "/finance/income/sources/0/name",
      "/finance/income/sources/0/amount",
      "/finance/expenditure",
      "/finance/expenditure/basic",
      "/finance/expenditure/basic/personnel",
      "/finance/expenditure/basic/public",
      "/finance/expenditure/project",
    ]);
    const amount = located!.nodes.get("/finance/income/sources/0/amount")!;
    expect(located!.positions.at(amount.range![0])).toEqual({ line: 11, col: 17 });
    const key = located!.keys.get("/finance/expenditure/basic/public")!;
    expect(key.value).toBe("public");
    expect(located!.positions.at(key.range![0])).toEqual({ line: 15, col: 7 });
    // list items have no key
    expect(located!.keys.has("/profile/duties/0")).toBe(false);
  });

  it("accepts a UTF-8 byte-order mark and CRLF line ends without shifting positions", async () => {
    const bad = MINIMAL_TEXT.replace("project: 30", "project: -30");
    const bom = write("bom.yaml", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bad)]));
    const crlf = write("crlf.yaml", bad.replace(/\n/g, "\r\n"));
    for (const file of [bom, crlf]) {
      const { findings } = await loadDataset(file, { lang: "en" });
      expect(findings).toEqual([
        { code: "schema.minimum", severity: "error", message: "must be >= 0", file, path: "/finance/expenditure/project", pos: { line: 16, col: 14, endCol: 16 } },
      ]);
    }
    const ok = write("bom-ok.yaml", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MINIMAL_TEXT)]));
    const loaded = await loadDataset(ok, { lang: "zh" });
    expect(loaded.findings).toEqual([]);
    expect(loaded.source!.text).toBe(MINIMAL_TEXT);
    expect(Object.keys(loaded.located!.data as object)[0]).toBe("unit");
  });
});

describe("columns count characters", () => {
  it("a character outside the BMP (𠀀, two UTF-16 units) is one column", async () => {
    const file = write("astral.yaml", MINIMAL_TEXT.replace("  name: 测试局\n", "  name: 测试局\n  department: {name: 𠀀𠀀局, code: 00123}\n"));
    const { findings } = await loadDataset(file, { lang: "en" });
    // department must be text; the mapping "{name: 𠀀𠀀局, code: 00123}" is 24 characters (26 UTF-16 units).
    // Inside it, 00123 is a number with a leading zero where the schema names no type (its
    // finding is about the mapping): the loader's finding, after 32 characters (34 UTF-16 units).
    expect(findings.map((f) => [f.code, f.path, f.pos])).toEqual([
      ["load.number-leading-zero", "/unit/department/code", { line: 3, col: 33, endCol: 37 }],
      ["schema.type", "/unit/department", { line: 3, col: 15, endCol: 38 }],
    ]);
    const code = write("astral-code.yaml", MINIMAL_TEXT.replace("  name: 测试局\n", "  name: 𠀀𠀀局\n  code: 00123\n"));
    const hex = write("astral-hex.yaml", MINIMAL_TEXT.replace("  name: 测试局\n", "  name: 测试局\n  contact: {person: 𠀀𠀀, phone: 0x1F}\n"));
    expect((await loadDataset(code, { lang: "en" })).findings.map((f) => f.pos)).toEqual([{ line: 3, col: 9, endCol: 13 }]);
    // "  contact: {person: 𠀀𠀀, phone: " is 31 characters (33 UTF-16 units)
    expect((await loadDataset(hex, { lang: "en" })).findings.map((f) => [f.code, f.pos])).toEqual([["load.number-notation", { line: 3, col: 32, endCol: 35 }]]);
  });
});

describe("__proto__ as a key", () => {
  it("is an ordinary own property of the data, reported by the schema, and pollutes nothing", async () => {
    const text = readFileSync(invalid("proto-key.yaml"), "utf8");
    const parsed = parseSource({ file: "proto-key.yaml", text }, "zh");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.findings).toEqual([]);
    const data = parsed.located.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(["unit", "year", "profile", "finance", "__proto__"]);
    expect(Object.getOwnPropertyDescriptor(data, "__proto__")?.value).toEqual({ polluted: true });
    expect((data as { polluted?: unknown }).polluted).toBeUndefined();

    const loaded = await loadDataset(invalid("proto-key.yaml"), { lang: "zh" });
    expect(loaded.findings.map((f) => [f.code, f.path])).toEqual([["schema.additional-property", "/__proto__"]]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });

  it("nested __proto__ keys are reported at their own position", async () => {
    const file = write("nested-proto.yaml", MINIMAL_TEXT.replace("  name: 测试局\n", "  name: 测试局\n  __proto__: {polluted: 1}\n"));
    const { findings } = await loadDataset(file, { lang: "en" });
    expect(findings).toEqual([
      {
        code: "schema.additional-property",
        severity: "error",
        message: "property “__proto__” is not allowed",
        file,
        path: "/unit/__proto__",
        pos: { line: 3, col: 3, endCol: 11 },
        hint: "properties allowed here: name, selfName, code, department, contact",
      },
    ]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe("all errors are reported, not only the first", () => {
  it("three defects on lines 3, 12 and 17 give three findings; sorted by position they are in line order", async () => {
    const { findings } = await loadDataset(invalid("three-defects.yaml"), { lang: "zh" });
    expect(findings).toHaveLength(3);
    const sorted = [...findings].sort(byPosition);
    expect(sorted.map((f) => `${f.pos!.line}:${f.pos!.col} ${f.code}`)).toEqual([
      "3:9 schema.type",
      "12:17 schema.type",
      "17:14 load.number-notation",
    ]);
  });

  it("a value the loader refused (0x1E) is not reported again by the schema, even where the schema also objects", async () => {
    // code must be text: 0x1E is both a refused notation and the wrong type; one finding only.
    const file = write("hex-code.yaml", MINIMAL_TEXT.replace("  name: 测试局\n", "  name: 测试局\n  code: 0x1E\n"));
    const { findings } = await loadDataset(file, { lang: "zh" });
    expect(findings.map((f) => [f.code, f.path, f.pos])).toEqual([["load.number-notation", "/unit/code", { line: 3, col: 9, endCol: 12 }]]);
  });
});

describe("numbers with a leading zero", () => {
  it("where an amount belongs (project: 0588): load.number-leading-zero, in both languages, and the dataset is unusable", async () => {
    const file = write("amount-0588.yaml", MINIMAL_TEXT.replace("project: 30", "project: 0588"));
    const zh = await loadDataset(file, { lang: "zh" });
    expect(zh.findings).toEqual([
      {
        code: "load.number-leading-zero",
        severity: "error",
        message: "数字“0588”以 0 开头，可能是笔误；金额和数量请去掉前导零，编码请加引号",
        file,
        path: "/finance/expenditure/project",
        pos: { line: 16, col: 14, endCol: 17 },
      },
    ]);
    expect(zh.located).toBeUndefined();
    expect((await loadDataset(file, { lang: "en" })).findings.map((f) => f.message)).toEqual([
      "number “0588” starts with 0, which is likely a typo; drop the leading zero from amounts and counts, quote codes",
    ]);
  });

  it("where text belongs (code: 00123): only the schema's finding, with its hint to quote the code", async () => {
    const file = write("code-00123.yaml", MINIMAL_TEXT.replace("  name: 测试局\n", "  name: 测试局\n  code: 00123\n"));
    expect((await loadDataset(file, { lang: "zh" })).findings).toEqual([
      {
        code: "schema.type",
        severity: "error",
        message: "应当是文本类型",
        file,
        path: "/unit/code",
        pos: { line: 3, col: 9, endCol: 13 },
        hint: '未加引号的 00123 会被读成数字 123，前导零丢失；请写成 "00123"',
      },
    ]);
  });

  it("both in one file: one finding per value, the loader's before the schema's", async () => {
    const file = write("both-zeros.yaml", MINIMAL_TEXT.replace("  name: 测试局\n", "  name: 测试局\n  code: 00123\n").replace("personnel: 50", "personnel: 050"));
    expect((await loadDataset(file, { lang: "en" })).findings.map((f) => [f.code, f.path, f.pos])).toEqual([
      ["load.number-leading-zero", "/finance/expenditure/basic/personnel", { line: 15, col: 18, endCol: 20 }],
      ["schema.type", "/unit/code", { line: 3, col: 9, endCol: 13 }],
    ]);
  });

  it("0, 0.5 and 0e3 are not leading zeros", async () => {
    const file = write("zeros-ok.yaml", MINIMAL_TEXT.replace("project: 30", "project: 0").replace("public: 10", "public: 0.5").replace("personnel: 50", "personnel: 0e3"));
    expect((await loadDataset(file, { lang: "zh" })).findings).toEqual([]);
  });
});

describe("YAML syntax errors", () => {
  it("one error sets off several on its line: only the first is reported, with a hint to quote {{…}} inside { }", () => {
    const text = MINIMAL_TEXT.replace("  name: 测试局\n", "  name: 测试局\n  contact: {person: 见{{unit.name}}, phone: x}\n");
    // The YAML parser itself reports more than one error on line 3.
    const raw = parseDocument(text).errors.map((e) => e.linePos?.[0].line);
    expect(raw.filter((line) => line === 3).length).toBeGreaterThan(1);
    const parsed = parseSource({ file: "t.yaml", text }, "zh");
    expect(parsed.ok).toBe(false);
    const lines = parsed.findings.map((f) => f.pos!.line);
    expect(lines.filter((line) => line === 3)).toHaveLength(1);
    expect(new Set(lines).size).toBe(lines.length);
    // "  contact: {person: 见" is 21 characters: the parser stops at the second "{".
    expect(parsed.findings[0]).toEqual({
      code: "yaml.syntax",
      severity: "error",
      message: "YAML 语法错误：Unexpected flow-map-start at node end",
      file: "t.yaml",
      pos: { line: 3, col: 22 },
      hint: '含 {{…}} 的文字写在 { } 或 [ ] 里时要加引号，例如 description: "支出{{fund.a.spent}}。"',
    });
    const en = parseSource({ file: "t.yaml", text }, "en");
    expect(en.findings[0]!.hint).toBe('text with {{…}} inside { } or [ ] must be quoted, e.g. description: "spent {{fund.a.spent}}."');
  });

  it("text with two “: ” on one line gets a hint to quote it", () => {
    const text = MINIMAL_TEXT.replace("    - 负责测试\n", "    - 负责测试: 目标: 完成\n");
    const zh = parseSource({ file: "t.yaml", text }, "zh");
    expect(zh.findings).toEqual([
      {
        code: "yaml.syntax",
        severity: "error",
        message: "YAML 语法错误：Nested mappings are not allowed in compact mappings",
        file: "t.yaml",
        pos: { line: 6, col: 13 },
        hint: "文字中含有“: ”（冒号加空格）时，请给整段文字加引号",
      },
    ]);
    expect(parseSource({ file: "t.yaml", text }, "en").findings.map((f) => f.hint)).toEqual(['quote text that contains ": " (a colon and a space)']);
  });

  it("the same error on a line with one “: ” and no {{ has no hint", () => {
    expect(parseSource({ file: "t.yaml", text: "title: a\n  b: c\n" }, "en").findings).toEqual([
      { code: "yaml.syntax", severity: "error", message: "YAML syntax error: Nested mappings are not allowed in compact mappings", file: "t.yaml", pos: { line: 1, col: 8 } },
    ]);
    expect(parseSource({ file: "t.yaml", text: "title: 说明: 一\n" }, "en").findings.map((f) => f.hint)).toEqual(['quote text that contains ": " (a colon and a space)']);
  });
});

describe("limits", () => {
  it("the default limits", () => {
    expect(DEFAULT_LIMITS).toEqual({ maxDepth: 64, maxNodes: 200_000 });
  });

  it("nesting deeper than limits.maxDepth is refused at the first node too deep", async () => {
    const file = valid("minimal.yaml");
    const shallow = await loadDataset(file, { lang: "zh", limits: { maxDepth: 5, maxNodes: 1000 } });
    expect(shallow.findings).toEqual([]);
    const deep = await loadDataset(file, { lang: "en", limits: { maxDepth: 4, maxNodes: 1000 } });
    // depth 5 is the value of /finance/income/sources/0/name (财政拨款收入), at line 10 col 15
    expect(deep.findings).toEqual([
      { code: "load.too-deep", severity: "error", message: "nesting is too deep (more than 4 levels)", file, pos: { line: 10, col: 15 } },
    ]);
    expect(deep.located).toBeUndefined();
  });

  it("nesting deeper than 64 levels is refused with the default limits", async () => {
    const file = write("deep-64.yaml", `unit: ${"[".repeat(70)}${"]".repeat(70)}\n`);
    const { findings } = await loadDataset(file, { lang: "zh" });
    // root is depth 0, unit's list depth 1: the 64th "[" (col 70) is depth 64, the 65th (col 71) is too deep
    expect(findings).toEqual([{ code: "load.too-deep", severity: "error", message: "嵌套层级过深（超过 64 层）", file, pos: { line: 1, col: 71 } }]);
  });

  it("more nodes than limits.maxNodes is refused (without an alias: too many values, not an alias bomb)", async () => {
    const file = valid("minimal.yaml");
    expect((await loadDataset(file, { lang: "zh", limits: { maxDepth: 64, maxNodes: 18 } })).findings).toEqual([]);
    const { findings } = await loadDataset(file, { lang: "zh", limits: { maxDepth: 64, maxNodes: 17 } });
    // the 18th node is /finance/expenditure/project's value
    expect(findings).toEqual([
      { code: "load.too-many-nodes", severity: "error", message: "数据项过多（超过 17 个）", file, pos: { line: 16, col: 14 } },
    ]);
  });

  it("nesting so deep that the YAML parser would overflow its stack is load.too-deep, once, at the 65th level (scanned before parsing)", async () => {
    const file = write("deep-5000.yaml", `unit: ${"[".repeat(5000)}${"]".repeat(5000)}\n`);
    const { findings } = await loadDataset(file, { lang: "en" });
    expect(findings.map((f) => [f.code, f.message])).toEqual([["load.too-deep", "nesting is too deep (more than 64 levels)"]]);
    expect(findings).toEqual([{ code: "load.too-deep", severity: "error", message: "nesting is too deep (more than 64 levels)", file, pos: { line: 1, col: 71 } }]);
  });

  it("nesting so deep that the YAML parser overflows its stack is still a finding, not a throw", async () => {
    const file = write("deep-5000b.yaml", `unit: ${"[".repeat(5000)}${"]".repeat(5000)}\n`);
    const loaded = await loadDataset(file, { lang: "en" });
    expect(loaded.located).toBeUndefined();
    expect(loaded.findings.length).toBeGreaterThan(0);
    for (const f of loaded.findings) expect(f.severity).toBe("error");
  });
});

describe("reading the file", () => {
  it("a missing file is io.not-found, without a position", async () => {
    const file = join(tmp, "no-such-dir", "dataset.yaml");
    expect(await loadDataset(file, { lang: "zh" })).toEqual({ file, findings: [{ code: "io.not-found", severity: "error", message: "找不到文件", file }] });
  });

  it("a directory is io.is-directory", async () => {
    expect((await loadDataset(tmp, { lang: "en" })).findings).toEqual([
      { code: "io.is-directory", severity: "error", message: "is a directory, not a dataset file", file: tmp },
    ]);
  });

  it("a file larger than maxBytes is io.too-large, naming both sizes", async () => {
    const file = valid("minimal.yaml");
    const size = statSync(file).size;
    expect((await loadDataset(file, { lang: "zh", maxBytes: size })).findings).toEqual([]);
    expect((await loadDataset(file, { lang: "zh", maxBytes: size - 1 })).findings).toEqual([
      { code: "io.too-large", severity: "error", message: `文件过大（${size} 字节，上限 ${size - 1} 字节）；可用 --max-bytes 调整上限`, file },
    ]);
    expect((await loadDataset(file, { lang: "en", maxBytes: 100 })).findings[0]!.message).toBe(
      `file too large (${size} bytes, limit 100); raise the limit with --max-bytes`,
    );
  });

  it("the binary fixtures hold the bytes their tests rely on", () => {
    const minimal = readFileSync(valid("minimal.yaml"));
    const utf8 = readFileSync(invalid("invalid-utf8.yaml"));
    expect(utf8[20]).toBe(0xff);
    expect(Buffer.concat([utf8.subarray(0, 20), utf8.subarray(21)])).toEqual(minimal);
    const utf16 = readFileSync(invalid("utf16le-bom.yaml"));
    expect([...utf16.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x75, 0x00]); // BOM, then "u" in UTF-16LE
    expect(utf16.subarray(2).toString("utf16le")).toBe(minimal.toString("utf8"));
    const nul = readFileSync(invalid("nul-byte.yaml"));
    expect(nul.indexOf(0)).toBe(minimal.indexOf("2020"));
  });

  it("UTF-16 big-endian with a BOM is io.utf16 too", async () => {
    const le = Buffer.from(MINIMAL_TEXT, "utf16le");
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    const file = write("utf16be.yaml", Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    expect((await loadDataset(file, { lang: "zh" })).findings).toEqual([
      { code: "io.utf16", severity: "error", message: "文件是 UTF-16 编码；请另存为 UTF-8", file, pos: { line: 1, col: 1 } },
    ]);
  });

  it("UTF-16 without a BOM is caught by its NUL bytes", async () => {
    const file = write("utf16-nobom.yaml", Buffer.from(MINIMAL_TEXT, "utf16le"));
    expect((await loadDataset(file, { lang: "en" })).findings).toEqual([
      { code: "io.nul", severity: "error", message: "file contains a NUL character; it is not a text file", file, pos: { line: 1, col: 2 } },
    ]);
  });

  it("GBK text (a common legacy encoding for Chinese) is io.encoding at the first non-UTF-8 byte", async () => {
    // "unit:\n  name: " then 测试局 in GBK: B2 E2 CA D4 BE D6
    const file = write("gbk.yaml", Buffer.concat([Buffer.from("unit:\n  name: "), Buffer.from([0xb2, 0xe2, 0xca, 0xd4, 0xbe, 0xd6, 0x0a])]));
    expect((await loadDataset(file, { lang: "zh" })).findings).toEqual([
      { code: "io.encoding", severity: "error", message: "文件不是有效的 UTF-8 编码（第 14 字节）；请另存为 UTF-8", file, pos: { line: 2, col: 9 } },
    ]);
  });
});
