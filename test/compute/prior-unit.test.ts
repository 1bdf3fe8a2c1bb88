/**
 * Defect 2 of issue 10: a prior-year file written in another amount unit was read as if it
 * were in this file's unit: 800000 元 became income.prior = 800000 万元 and growth −99.9875 %,
 * exit 0. The prior year's figures are now converted exactly (元 ↔ 万元) into this file's unit.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dec } from "../../src/load/numbers.js";
import { convertAmount } from "../../src/compute/units.js";
import { cli, ensureBuilt } from "../helpers/cli.js";

const WAN = "test/fixtures/prior/2020-wan.yaml";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "perf-report-prior-unit-"));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a prior year in 元 for a year in 万元", () => {
  it("income.prior is 800000 元 = 80 万元, and the growth 25 % checks (exit 0)", () => {
    const r = cli(["explain", WAN, "income.prior"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("income.prior  上年收入合计 = 80 万元");
    const check = cli(["check", WAN]);
    expect(check.stderr).toBe("检查了 1 个文件：0 个错误，0 个警告\n");
    expect(check.code).toBe(0);
    const growth = cli(["explain", WAN, "income.growth", "--lang", "en"]);
    expect(growth.stdout.split("\n").slice(0, 2)).toEqual(["income.growth  income: growth rate = 25%", "  = income.change ÷ income.prior × 100% = 20 ÷ 80 × 100%"]);
  });

  it("keeps every decimal: 600050.5 元 is 60.00505 万元", () => {
    expect(cli(["explain", WAN, "expenditure.basic.prior"]).stdout.split("\n")[0]).toBe("expenditure.basic.prior  上年基本支出 = 60.00505 万元");
  });
});

describe("a prior year in 万元 for a year in 元", () => {
  it("1074.40 万元 is 10744000 元", () => {
    copyFileSync("test/fixtures/prior/2019.yaml", join(dir, "2019.yaml"));
    const file = join(dir, "2020.yaml");
    writeFileSync(
      file,
      "unit: { name: 测试县财政局, selfName: 我局 }\nyear: 2020\nprior: ./2019.yaml\nsettings: { amountUnit: 元 }\nprofile: { duties: [负责全县财政收支管理。] }\nfinance:\n  income: { sources: [{ id: appropriation, name: 财政拨款收入, amount: 16146300, prior: 10744000 }] }\n  expenditure: { basic: { personnel: 5200000, public: 1100000 }, project: 9000000 }\n",
    );
    expect(cli(["explain", file, "income.prior"]).stdout.split("\n")[0]).toBe("income.prior  上年收入合计 = 10744000 元");
    expect(cli(["check", file]).code).toBe(0);
  });
});

describe("convertAmount", () => {
  it("converts exactly between 元, 万元 and 亿元, with the decimals the value needs", () => {
    const c = (text: string, from: "元" | "万元" | "亿元", to: "元" | "万元" | "亿元") => {
      const r = convertAmount(new Dec(text), from, to);
      return `${r.value.toString()}/${r.dp}`;
    };
    expect(c("800000", "元", "万元")).toBe("80/0");
    expect(c("1234.56", "元", "万元")).toBe("0.123456/6");
    expect(c("1074.40", "万元", "元")).toBe("10744000/0");
    expect(c("3.5", "亿元", "万元")).toBe("35000/0");
    expect(c("12345678901234567890.12", "元", "亿元")).toBe("123456789012.3456789012/10");
    expect(c("7", "万元", "万元")).toBe("7/0");
  });
});
