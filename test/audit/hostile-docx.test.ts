import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, ensureBuilt, STACK_FRAME } from "../helpers/cli.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
const body = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${inner}</w:body></w:document>`;

function docx(documentXml: Uint8Array | string, level = 6): Uint8Array {
  return zipSync({ "[Content_Types].xml": strToU8(CONTENT_TYPES), "word/document.xml": [typeof documentXml === "string" ? strToU8(documentXml) : documentXml, { level: level as 6 }] });
}

/** Rewrites the uncompressed size of word/document.xml in both headers: a zip bomb that lies about its size. */
function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

let dir: string;
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "audit-hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exit 2, the file named with a clear reason, no stack, within the time given. */
function refused(path: string, reason: string | RegExp) {
  const started = Date.now();
  const run = cli(["audit", path], { timeout: 30_000 });
  expect(run.timedOut).toBe(false);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(typeof reason === "string" ? new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: error\\[[\\w.-]+\\] ${reason.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) : reason);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  return Date.now() - started;
}

describe("audit refuses hostile DOCX files with exit 2", () => {
  it("a 200 MB document.xml: refused from the size the ZIP declares, before inflating", () => {
    const para = `<w:p><w:r><w:t>${"收入5296万元。".repeat(100)}</w:t></w:r></w:p>`;
    const huge = new Uint8Array(200 * 1024 * 1024);
    const unit = strToU8(para);
    for (let at = 0; at + unit.length <= huge.length; at += unit.length) huge.set(unit, at);
    const path = file("huge.docx", docx(huge, 9));
    const ms = refused(path, /word\/document\.xml 解压后为 209715200 字节，超过上限 33554432 字节（可能是压缩炸弹），未解压/);
    expect(ms).toBeLessThan(20_000);
  });

  it("a zip bomb whose headers claim a small size: inflated no further than the claim, then refused as broken XML", () => {
    const bomb = lieAboutSize(docx(body(`<w:p><w:r><w:t>${"0".repeat(50 * 1024 * 1024)}</w:t></w:r></w:p>`), 9), 1000);
    refused(file("bomb.docx", bomb), /word\/document\.xml 不是格式正确的 XML/);
  });

  it("XML entity expansion (billion laughs): the DOCTYPE is refused, nothing is expanded", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]><w:document ${W}><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>`;
    refused(file("laughs.docx", docx(laughs)), /word\/document\.xml (含有 DOCTYPE 声明|不是格式正确的 XML)/);
    const plain = `<?xml version="1.0"?><!DOCTYPE w:document><w:document ${W}><w:body><w:p><w:r><w:t>收入5296万元。</w:t></w:r></w:p></w:body></w:document>`;
    refused(file("doctype.docx", docx(plain)), "word/document.xml 含有 DOCTYPE 声明（Word 文档中不会出现，可能是实体扩展攻击），拒绝读取");
  });

  it("a broken ZIP, a ZIP that is not a Word file, and a DOCX with no text", () => {
    refused(file("broken.docx", "PK\u0003\u0004 this is not a zip at all"), /不是有效的 DOCX（ZIP）文件：/);
    const whole = docx(body("<w:p><w:r><w:t>收入5296万元。</w:t></w:r></w:p>"));
    refused(file("truncated.docx", whole.slice(0, whole.length - 30)), /不是有效的 DOCX（ZIP）文件：/);
    refused(file("not-word.docx", zipSync({ "a.txt": strToU8("hello") })), "ZIP 中没有 word/document.xml，不是 Word 文档");
    refused(file("empty.docx", docx(body("<w:p/><w:p><w:r><w:t>   </w:t></w:r></w:p>"))), "文件中没有可审核的文字");
  });

  it("says so in English too, and refuses an extension it cannot read", () => {
    const run = cli(["audit", file("empty2.docx", docx(body(""))), "--lang", "en"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error[audit.unreadable] the file holds no text to audit");
    refused(file("report.xls", "x"), "无法审核扩展名为 .xls 的文件；支持 .docx、.txt、.md、.html 和 .pdf");
  });
});
