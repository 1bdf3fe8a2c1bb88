/**
 * Profiles as they are reported (issue 13 item 4), on figures as published: staffing totals
 * with or without a breakdown, 离休/退休, per-unit headcounts, organisation lists with their
 * own labels, lists ending in 等, a stated grade, cited documents.
 */
import { describe, expect, it } from "vitest";
import { brief, checkFixture, checkText, fixtureText, where } from "../helpers/reconcile.js";

describe("organisation lists", () => {
  const FILE = "real/nanxian-caizhengju-2020.yaml";

  it("南县财政局 2020: 直属事业单位10个 lists nine — the one published error; 16个股室 listing six ending in 等 is no finding", () => {
    const text = fixtureText(FILE);
    const result = checkFixture(FILE);
    expect(result.findings.map(brief)).toEqual([{ code: "listed-count", severity: "error", line: where(text, "count: 10").line, col: where(text, "count: 10").col + "count: ".length, path: "/profile/organisation/lists/2/count" }]);
    expect(result.findings[0]!.message).toBe("直属事业单位: stated 10, listed 9");
    expect(checkFixture(FILE, "zh").findings[0]!.message).toBe("直属事业单位：所述 10 个，名单列出 9 个");
    const f = (id: string) => result.model.figures.get(id)!;
    // A partial list counts what the report says; a full one its names.
    expect(f("org.sections.count").value!.toString()).toBe("16");
    expect(f("org.directUnits.count").value!.toString()).toBe("9");
    expect(f("org.deputySections.count").value!.toString()).toBe("2");
    expect(f("org.budgetUnits.count").value!.toString()).toBe("3");
  });

  it("a list ending in 等 that names more than its count is an error (≥, not =)", () => {
    const text = fixtureText(FILE).replace("label: 股室, count: 16", "label: 股室, count: 5");
    const finding = checkText(text, "zh").findings.find((x) => x.path === "/profile/organisation/lists/1/count")!;
    expect([finding.code, finding.message, finding.expected, finding.actual]).toEqual(["listed-count", "股室：所述 5 个，以“等”结尾的名单却列出 6 个", "≥ 6", "5"]);
  });

  it("a count without a list (内设17个职能部门) is a figure; two lists with one id are refused", () => {
    const result = checkFixture("real/danzhou-fayuan-2018.yaml");
    expect(result.model.figures.get("org.departments.count")!.value!.toString()).toBe("17");
    const text = fixtureText(FILE).replace("id: budgetUnits", "id: sections");
    expect(() => checkText(text)).toThrow(/"code": "org.duplicate-id"/);
    expect(() => checkText(fixtureText(FILE).replace("id: budgetUnits", "id: internalOffices"))).toThrow(/"code": "org.reserved-id"/);
  });

  it("labels of the two lists of their own: 科室 and 二级机构 (怀化市工信局 2022), clean", () => {
    const result = checkFixture("real/huaihua-gongxinju-2022.yaml");
    expect(result.findings).toEqual([]);
    expect(result.model.figures.get("org.affiliatedUnits.count")!.value!.toString()).toBe("6");
    const wrong = checkText(fixtureText("real/huaihua-gongxinju-2022.yaml").replace("count: 6", "count: 7"), "zh");
    expect(wrong.findings.map((x) => x.message)).toEqual(["二级机构：所述 7 个，名单列出 6 个"]);
  });
});

describe("staffing", () => {
  it("a total without a breakdown (人员编制数109人) is the figure; no breakdown is invented", () => {
    const result = checkFixture("real/huaihua-gongxinju-2022.yaml");
    expect(result.model.figures.get("staff.authorised")!.value!.toString()).toBe("109");
    expect(result.model.figures.get("staff.authorised")!.source!.pointer).toBe("/profile/staffing/authorised");
    expect(result.model.figures.has("staff.posts.1")).toBe(false);
  });

  it("a total and its breakdown are checked against each other: 141 = 131 + 10 (儋州市人民法院 2018)", () => {
    const text = fixtureText("real/danzhou-fayuan-2018.yaml");
    expect(checkFixture("real/danzhou-fayuan-2018.yaml").findings).toEqual([]);
    const wrong = checkText(text.replace("authorised: 141", "authorised: 140"), "zh");
    expect(wrong.findings.map(brief)).toEqual([{ code: "staff-count", severity: "error", ...{ ...where(text, "authorised: 141"), col: where(text, "authorised: 141").col + 12 }, path: "/profile/staffing/authorised" }]);
    expect(wrong.findings[0]!.message).toBe("编制数合计 140 人，与其构成之和 141 人不一致");
  });

  it("离退休人员14人，其中退休人员14人 (绥宁县司法局 2020): one part only needs to be within the total", () => {
    const text = fixtureText("real/suining-sifaju-2020.yaml");
    expect(checkFixture("real/suining-sifaju-2020.yaml").findings).toEqual([]);
    const wrong = checkText(text.replace("retiredTotal: 14", "retiredTotal: 13"), "zh");
    expect(wrong.findings.map((x) => [x.code, x.path, x.message])).toEqual([["staff-count", "/profile/staffing/retiredTotal", "离退休人员 13 人，少于已列出的构成之和 14 人"]]);
  });

  it("per-unit headcounts: 1894 = 187 + 1707, each unit's parts add up (赫山区城管局 2019); 205 = 113 + 2 + 75 + 10 + 5 (南县财政局 2020)", () => {
    const heshan = checkFixture("real/heshan-chengguan-2019.yaml");
    expect(heshan.findings).toEqual([]);
    expect(heshan.model.figures.get("staff.units.2.parts.4")!.value!.toString()).toBe("1155");
    const caizheng = checkFixture("real/nanxian-caizhengju-2020.yaml");
    expect(caizheng.model.figures.get("staff.units.1")!.value!.toString()).toBe("190");
    expect(caizheng.model.figures.get("staff.units.1")!.formula).toBe("staff.units.1.parts.1 + staff.units.1.parts.2 + staff.units.1.parts.3");
    const text = fixtureText("real/heshan-chengguan-2019.yaml");
    const wrong = checkText(text.replace("count: 1155", "count: 1158").replace("headcount: 1894", "headcount: 1890"), "zh");
    expect(wrong.findings.map((x) => [x.path, x.message])).toEqual([
      ["/profile/staffing/headcount", "现有人员 1890 人，与其构成之和 1894 人不一致"],
      ["/profile/staffing/byUnit/1/count", "环卫处人数 1707 人，与其构成之和 1710 人不一致"],
    ]);
  });
});

describe("a stated grade", () => {
  const FILE = "real/danzhou-fayuan-2018.yaml";

  it("score.grade: 优 with 94.04 and the report's bands 优/良/中/差 reconciles", () => {
    const result = checkFixture(FILE);
    expect(result.findings).toEqual([]);
    expect(result.rules).toContain("grade");
  });

  it("a grade the score does not give is an error at the stated grade", () => {
    const text = fixtureText(FILE).replace("score: 94.04", "score: 89.5");
    const result = checkText(text, "zh");
    expect(result.findings.map(brief)).toEqual([{ code: "grade", severity: "error", ...{ ...where(text, "score.grade: 优"), col: where(text, "score.grade: 优").col + 13 }, path: "/stated/score.grade" }]);
    expect(result.findings[0]!.message).toBe("自评等级：所载“优”，按得分 89.5 和等级划分应为“良”");
  });

  it("a grade the bands do not name asks for the report's bands by their field", () => {
    const text = fixtureText(FILE).replace(/settings:\n(  .*\n|    .*\n)+/, "");
    expect(text).not.toContain("gradeBands");
    expect(checkText(text, "zh").findings.map((x) => [x.code, x.message])).toEqual([
      ["grade", "自评等级“优”不在等级划分（优秀、良好、合格、不合格）中；请在 settings.gradeBands 中写出报告使用的等级及分数下限"],
    ]);
  });
});

describe("cited documents", () => {
  it("are data the report can print: title and number (文号)", () => {
    const result = checkFixture("real/nanxian-caizhengju-2020.yaml");
    expect(result.model.dataset.documents).toEqual([
      { title: "中共中央国务院关于全面实施预算绩效管理的意见", number: "中发〔2018〕34号" },
      { title: "关于全面实施预算绩效管理的实施意见", number: "湘办发〔2019〕10号" },
    ]);
  });
});
