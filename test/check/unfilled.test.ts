/**
 * The starter is honest (issue 13 item 6): what `perf-report init` writes and the user never
 * replaced — its example sentences, money, staff counts and score left at 0 — is a warning
 * (placeholder.unfilled) from check, and build names the same places.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { starterDataset } from "../../src/cli/init.js";
import { cli, ensureBuilt } from "../helpers/cli.js";
import { checkText, where } from "../helpers/reconcile.js";

const STARTER = starterDataset("测试局", 2021, "../schemas/perf-report.schema.json");

describe("placeholder.unfilled", () => {
  it("the untouched starter: a warning at each example sentence and at each group of zeros, nothing else", () => {
    const result = checkText(STARTER, "zh");
    const at = (needle: string, nth = 0) => where(STARTER, needle, nth);
    expect(result.findings.map((f) => [f.code, f.severity, f.pos!.line, f.pos!.col, f.message])).toEqual([
      ["placeholder.unfilled", "warning", at("负责……").line, at("负责……").col, "“负责……”是 init 写下的示例文字，尚未替换"],
      ["placeholder.unfilled", "warning", at("staffing:").line, at("staffing:").col, "人员数全部为 0，是 init 写下的示例数字：请填写实际数字；不知道的请删去，不要写 0"],
      ["placeholder.unfilled", "warning", at("finance:").line, at("finance:").col, "收支金额全部为 0，是 init 写下的示例数字：请填写实际数字；不知道的请删去，不要写 0"],
      ["placeholder.unfilled", "warning", at("存在的问题").line, at("存在的问题").col, "“存在的问题”是 init 写下的示例文字，尚未替换"],
      ["placeholder.unfilled", "warning", at("具体说明。").line, at("具体说明。").col, "“具体说明。”是 init 写下的示例文字，尚未替换"],
      ["placeholder.unfilled", "warning", at("改进措施").line, at("改进措施").col, "“改进措施”是 init 写下的示例文字，尚未替换"],
      ["placeholder.unfilled", "warning", at("具体说明。", 1).line, at("具体说明。", 1).col, "“具体说明。”是 init 写下的示例文字，尚未替换"],
      ["placeholder.unfilled", "warning", at("score: 0").line, at("score: 0").col, "自评得分全部为 0，是 init 写下的示例数字：请填写实际数字；不知道的请删去，不要写 0"],
    ]);
    expect(result.rules).toContain("placeholder.unfilled");
  });

  it("filled in, nothing is said: one real amount is enough for the money, a real duty for the text", () => {
    const filled = STARTER.replace("负责……", "负责全县财政工作").replace("amount: 0", "amount: 792.22");
    const messages = checkText(filled, "zh").findings.map((f) => f.message);
    expect(messages.some((m) => m.includes("负责……") || m.startsWith("收支金额"))).toBe(false);
    expect(messages).toHaveLength(6);
  });

  it("a 0 the data means is not a placeholder when other amounts are real (项目支出 0)", () => {
    const text = STARTER.replace("amount: 0", "amount: 100").replace("personnel: 0, public: 0", "personnel: 80, public: 20");
    expect(checkText(text, "zh").findings.filter((f) => f.path === "/finance")).toEqual([]);
  });
});

describe("init → check → build on the CLI", () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), "perf-report-unfilled-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("check exits 0 with 8 warnings; --strict exits 1; build names the same 8 places", () => {
    const file = join(dir, "2021.yaml");
    expect(cli(["init", file, "--unit", "测试局", "--year", "2021"]).code).toBe(0);
    const check = cli(["check", file]);
    expect(check.code).toBe(0);
    expect(check.stderr.trimEnd().split("\n").at(-1)).toBe("检查了 1 个文件：0 个错误，8 个警告");
    expect(cli(["check", file, "--strict"]).code).toBe(1);
    const build = cli(["build", file, "-f", "md", "-o", join(dir, "out.md")]);
    expect(build.code).toBe(0);
    const named = (s: string) => [...s.matchAll(/^(.*\.yaml:\d+:\d+): warning\[placeholder\.unfilled\]/gm)].map((m) => m[1]);
    expect(named(build.stderr)).toHaveLength(8);
    expect(named(build.stderr)).toEqual(named(check.stderr));
  });
});

describe("missing means missing: a dataset with only unit, year and two duties", () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), "perf-report-short-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("checks clean and builds (no figure invented, no internal error)", async () => {
    const { writeFileSync, readFileSync } = await import("node:fs");
    const file = join(dir, "short.yaml");
    writeFileSync(file, "unit: { name: 测试局 }\nyear: 2021\nprofile:\n  duties: [负责甲, 负责乙]\n");
    const check = cli(["check", file]);
    expect([check.code, check.stderr.trimEnd()]).toEqual([0, "检查了 1 个文件：0 个错误，0 个警告"]);
    const build = cli(["build", file, "-f", "md", "-o", join(dir, "short.md")]);
    expect(build.code).toBe(0);
    const md = readFileSync(join(dir, "short.md"), "utf8");
    expect(md).toContain("（1）负责甲\n\n（2）负责乙");
    expect(md).not.toMatch(/0万元|undefined|NaN/);
  });
});
