import { describe, expect, it } from "vitest";
import { auditDocument } from "../../src/audit/audit.js";
import { textDocument } from "../../src/audit/document.js";

/** Each verdict as relation:status:marked figure, for one short report. */
function verdicts(text: string): string[] {
  return auditDocument(textDocument("r.txt", text)).map((v) => `${v.relation}:${v.status}:${v.at.rb.block.text.slice(v.at.start, v.at.end)}`);
}

describe("audit relations", () => {
  it("totals and parts: reconciled, exceeded (error), short (unresolved), a trailing balance is not a part", () => {
    expect(verdicts("2018年度支出5560.46万元,其中:基本支出2956.36万元,项目支出2604.1万元。")).toEqual(["sum:ok:5560.46万元"]);
    expect(verdicts("本年支出100万元，其中：基本支出60万元，项目支出50万元。")).toEqual(["sum:error:100万元"]);
    expect(verdicts("本年支出100万元，其中：基本支出30万元，项目支出50万元。")).toEqual(["sum:unresolved:100万元"]);
    expect(verdicts("本年总支出2,851万元，其中：基本支出858万元，项目支出1993万元（含专项资金53.61万元），本年结转结余2445万元。")).toEqual(["sum:ok:2,851万元"]);
    expect(verdicts("核定编制47名(其中行政编制30名,行政事业编制12名,事业编制5名)。")).toEqual(["sum:ok:47名"]);
    expect(verdicts("现有人员1707人(在职132人、退休148人、临聘272人、3个公司聘用人员1155人)。")).toEqual(["sum:ok:1707人"]);
    expect(verdicts("总额２，０００万元。收入１２３４．５６万元，其中：甲1000万元，乙234.56万元。")).toEqual(["sum:ok:１２３４．５６万元"]);
    expect(verdicts("收入1.5亿元，其中：甲10000万元，乙5000万元。")).toEqual(["sum:ok:1.5亿元"]);
  });

  it("changes and growth, increases and decreases, the prior year implied", () => {
    expect(verdicts("收入816.23万元。同比上年度减少62.52万元,减少7.11%。")).toEqual(["growth:ok:7.11%"]);
    expect(verdicts("收入816.23万元，比上年878.75万元减少62.52万元，下降7.2%。")).toEqual(["change:ok:62.52万元", "growth:error:7.2%"]);
    expect(verdicts("收入816.23万元，比上年878.75万元增加62.52万元。")).toEqual(["change:error:62.52万元"]);
    expect(verdicts("实有在职人员49人,比上年增加3人。")).toEqual([]);
  });

  it("shares need a whole stated once; a whole stated twice differently is unresolved", () => {
    expect(verdicts("本年总支出2,851万元。基本支出858万元，占全年总支出的30.1%。")).toEqual(["share:ok:30.1%"]);
    expect(verdicts("基本支出858万元，占总支出的30.1%。")).toEqual(["share:unresolved:30.1%"]);
    expect(verdicts("本年总支出2,851万元。全年总支出2,850万元。基本支出858万元，占总支出的30.1%。").filter((v) => v.startsWith("share"))).toEqual(["share:unresolved:30.1%"]);
  });

  it("balances: funds less spending", () => {
    expect(verdicts("项目资金总投入4426万元，实际总支出1993万元，项目资金结转结余2433万元。")).toEqual(["balance:ok:2433万元"]);
    expect(verdicts("项目资金总投入4426万元，实际总支出1993万元，项目资金结转结余2443万元。")).toEqual(["balance:error:2443万元"]);
  });

  it("counts and lists: 即 and 分别 promise all, 等 does not, 和 may be in a name or join two, a second list is not the first's", () => {
    expect(verdicts("直属事业单位3个,即甲中心、乙中心。")).toEqual(["count:error:3个"]);
    expect(verdicts("单位有3个,分别为机关本级、事务中心和支付中心。")).toEqual(["count:ok:3个"]);
    expect(verdicts("设3个科室，分别是综合科、产业政策和合作交流科、人事科。")).toEqual(["count:ok:3个"]);
    expect(verdicts("设立8个内设机构,分别为甲、乙、丙、丁、戊、己、庚、辛,办公室下设4个科和1个事业单位,分别为秘书科、宣传科、人事科、行政科和研究中心,各委员会下设1个综合科。")).toEqual(["count:ok:8个", "count:ok:4个科和1个"]);
    expect(verdicts("内设科室3个，所属事业单位2个。内设科室分别是甲、乙、丙。所属事业单位分别是丁、戊、己。")).toEqual(["count:ok:3个", "count:error:2个"]);
    expect(verdicts("下设甲股、乙股、丙股等16个股室。")).toEqual([]);
  });

  it("the same headline figure stated twice: an error; any other name: unresolved", () => {
    expect(verdicts("基本支出858万元。基本支出868万元。")).toEqual(["repeated:error:868万元"]);
    expect(verdicts("基本支出858万元。基本支出858.00万元。")).toEqual([]);
    expect(verdicts("案件审判414.35万元。案件审判411.95万元。")).toEqual(["repeated:unresolved:411.95万元"]);
  });
});
