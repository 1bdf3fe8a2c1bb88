import { describe, expect, it } from "vitest";
import { familyFile, type FamilyName } from "../../src/families.js";
import { toMarkdown } from "../../src/write/markdown.js";
import { buildBlocks } from "../helpers/build-example.js";

// 政协南县委员会 2021 (income 792.22, spending 799.12): without an opening balance the year's
// difference (−6.90) is not printed; with one (constructed 15.36), 年初 and 年末结转结余 are.
const WITHOUT = "test/fixtures/render/nanxian-2021.yaml";
const WITH = "test/fixtures/render/nanxian-2021-opening.yaml";

async function lines(file: string, family: FamilyName): Promise<string[]> {
  const { blocks } = await buildBlocks(file, familyFile(family));
  return toMarkdown(blocks).split("\n");
}

describe("six-part: the money sentence", () => {
  it("without an opening balance: no 结转结余 at all, never a negative one", async () => {
    const md = await lines(WITHOUT, "six-part");
    expect(md).toContain("财政拨款收入792.22万元；本年总支出799.12万元，其中：基本支出512.29万元，项目支出286.83万元。");
    expect(md.join("\n")).not.toMatch(/结转结余|-6\.90/);
  });
  it("with an opening balance: 年初结转结余 and 年末结转结余 instead of the year's difference", async () => {
    const md = await lines(WITH, "six-part");
    expect(md).toContain("财政拨款收入792.22万元；本年总支出799.12万元，其中：基本支出512.29万元，项目支出286.83万元，年初结转结余15.36万元，年末结转结余8.46万元。");
    expect(md.join("\n")).not.toContain("本年结转结余");
  });
});

describe("yiyang and score-first: the spending sentence", () => {
  it("yiyang", async () => {
    expect(await lines(WITHOUT, "yiyang")).toContain("2、支出：799.12万元。其中：人员经费支出434.89万元，公用经费支出77.4万元，项目支出286.83万元。");
    expect(await lines(WITH, "yiyang")).toContain("2、支出：799.12万元。其中：人员经费支出434.89万元，公用经费支出77.4万元，项目支出286.83万元。年初结转结余15.36万元，年末结转结余8.46万元。");
  });
  it("score-first", async () => {
    expect(await lines(WITHOUT, "score-first")).toContain("2021年度收入792.22万元。2021年度支出799.12万元，其中：基本支出512.29万元，项目支出286.83万元。");
    expect(await lines(WITH, "score-first")).toContain("2021年度收入792.22万元。2021年度支出799.12万元，其中：基本支出512.29万元，项目支出286.83万元。年初结转结余15.36万元，年末结转结余8.46万元。");
  });
});

describe("the finance table (table-form's money part)", () => {
  const tail = (md: string[]) => md.filter((l) => l.startsWith("| ")).slice(-3);
  it("without an opening balance: no 结转结余 row for a negative difference", async () => {
    expect(tail(await lines(WITHOUT, "table-form"))).toEqual(["| 　　其中：人员经费 | 434.89 | — | — | — |", "| 　　　　　公用经费 | 77.40 | — | — | — |", "| 　　项目支出 | 286.83 | — | — | — |"]);
  });
  it("with an opening balance: 年初 and 年末结转结余 rows", async () => {
    expect(tail(await lines(WITH, "table-form"))).toEqual(["| 　　项目支出 | 286.83 | — | — | — |", "| 年初结转结余 | 15.36 | — | — | — |", "| 年末结转结余 | 8.46 | — | — | — |"]);
  });
});
