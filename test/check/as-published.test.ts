/**
 * The sample report as published (examples/yongzhou-2020-as-published.yaml) carries 27
 * figures it printed (`stated:`). Five of them do not reconcile. Every figure is worked out
 * here by hand with exact rational arithmetic (test/helpers/exact.ts, BigInt, nothing from
 * src), and the checker must agree with the hand computation finding by finding.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { reconcile } from "../helpers/worded.js";
import type { RenderedFinding as Finding } from "../../src/findings/render.js";
import type { Lang } from "../../src/i18n/lang.js";
import { loadDataset } from "../helpers/worded.js";
import { add, div, eq, percent, q, roundQ, show, sub, sum, writtenDecimals, type Q, type RoundingModeName } from "../helpers/exact.js";
import { REPO, where } from "../helpers/reconcile.js";
import { cli, ensureBuilt } from "../helpers/cli.js";

const CLEAN = join(REPO, "examples/yongzhou-2020.yaml");
const PUBLISHED = join(REPO, "examples/yongzhou-2020-as-published.yaml");
const TEXT = readFileSync(PUBLISHED, "utf8");

async function check(file: string, lang: Lang): Promise<ReturnType<typeof reconcile>> {
  const loaded = await loadDataset(file, { lang });
  expect(loaded.findings).toEqual([]);
  return reconcile(loaded.located!, lang);
}

/**
 * The inputs, copied by hand from the YAML (line numbers of the as-published file).
 * The test checks below that the model read exactly these values.
 */
const IN = {
  "income.appropriation": "5296", // 93: the only income source
  "income.prior": "1171", // 94
  "expenditure.basic.personnel": "713", // 97
  "expenditure.basic.public": "145", // 98
  "expenditure.project": "1993", // 99
  "expenditure.prior": "1171", // 100
  "budget.projectInitial": "0", // 102
  "fund.emergency.allocated": "4086.21", // 113
  "fund.emergency.spent": "1724.58", // 114
  "fund.epidemicReserve.allocated": "100", // 122
  "fund.yingshanAid.allocated": "53.61", // 131
  "fund.manufacturingAward.allocated": "80", // 137
  "fund.plan14th.allocated": "47.2", // 141
  "fund.makerContest.allocated": "39.7", // 145
  "fund.chainRecruitment.allocated": "19.4", // 149
  "staff.posts.1": "38", // 83 行政编制
  "staff.posts.2": "1", // 84 工勤编制
  "staff.posts.3": "18", // 85 全额拨款事业单位编制
  productProjectsInvestment: "32.6004", // 214
  "productProjectsInvestment.target": "21.93",
  keyProjectsInvestment: "3.97", // 216
  "keyProjectsInvestment.target": "2.65",
  productProjectsInvestmentFull: "33", // 218, target shared with productProjectsInvestment
  keyProjectsInvestmentFull: "4.53", // 220, target shared with keyProjectsInvestment
  smeCloud: "8077", // 238
  "smeCloud.target": "4000",
  smePlatform: "137", // 240
  "smePlatform.target": "120",
  feeCharged: "290.51", // 267
  feePaid: "99.97", // 268
  qualityAwardParks: "4", // 284
  demoBaseAwardParks: "2", // 285
  scatteredFirmsClosed: "467", // 318
  scatteredFirmsUpgraded: "34", // 319
} as const;
const v = (id: keyof typeof IN): Q => q(IN[id]);

// The seven special funds, in the order of the sample's 二（二）1:
// 4086.21 + 100 + 53.61 + 80 + 47.2 + 39.7 + 19.4
//   = 4186.21 → 4239.82 → 4319.82 → 4367.02 → 4406.72 → 4426.12
const ALLOCATED = sum(
  (["emergency", "epidemicReserve", "yingshanAid", "manufacturingAward", "plan14th", "makerContest", "chainRecruitment"] as const).map((id) =>
    v(`fund.${id}.allocated`),
  ),
);
const BASIC = add(v("expenditure.basic.personnel"), v("expenditure.basic.public")); // 713 + 145 = 858
const EXPENDITURE = add(BASIC, v("expenditure.project")); // 858 + 1993 = 2851
const INCOME = v("income.appropriation"); // one source: 5296
const INCOME_CHANGE = sub(INCOME, v("income.prior")); // 5296 − 1171 = 4125
const EXPENDITURE_CHANGE = sub(EXPENDITURE, v("expenditure.prior")); // 2851 − 1171 = 1680

/** The organisation lists, counted from the YAML by the `yaml` package alone. */
const ORG = (parseYaml(TEXT) as { profile: { organisation: { internalOffices: { items: string[] }; affiliatedUnits: { items: string[] } } } }).profile.organisation;

interface Expectation {
  /** As written under `stated:`. */
  stated: string;
  /** The exact value by hand. */
  exact: Q;
  /** Is the figure a percentage (checked as a ratio)? */
  ratio?: [Q, Q];
  /** Does it reconcile under 四舍五入 (half-up) at its written precision? */
  ok: boolean;
}

/** All 27 stated figures, each with its hand computation. */
const STATED: Record<string, Expectation> = {
  // Σ of one source: 5296 → 5296 ✓
  "income.total": { stated: "5296", exact: INCOME, ok: true },
  // 5296 − 1171 = 4125 ✓
  "income.change": { stated: "4125", exact: INCOME_CHANGE, ok: true },
  // 4125 ÷ 1171 × 100 = 352.2630230572…; at 2 decimals 352.26, not the printed 352.13 ✗
  // (no rounding mode gives 352.13: half-even and truncation also give 352.26).
  "income.growth": { stated: "352.13", exact: percent(INCOME_CHANGE, v("income.prior")), ratio: [INCOME_CHANGE, v("income.prior")], ok: false },
  // 713 + 145 + 1993 = 2851 ✓
  "expenditure.total": { stated: "2851", exact: EXPENDITURE, ok: true },
  // 2851 − 1171 = 1680 ✓
  "expenditure.change": { stated: "1680", exact: EXPENDITURE_CHANGE, ok: true },
  // 1680 ÷ 1171 × 100 = 143.4671221178…; → 143.47 ✓
  "expenditure.growth": { stated: "143.47", exact: percent(EXPENDITURE_CHANGE, v("expenditure.prior")), ratio: [EXPENDITURE_CHANGE, v("expenditure.prior")], ok: true },
  // 713 + 145 = 858 ✓
  "expenditure.basic": { stated: "858", exact: BASIC, ok: true },
  // 858 ÷ 2851 × 100 = 30.0947036…; at 1 decimal 30.1 ✓
  "expenditure.basic.share": { stated: "30.1", exact: percent(BASIC, EXPENDITURE), ratio: [BASIC, EXPENDITURE], ok: true },
  // 1993 ÷ 2851 × 100 = 69.9052964…; at 1 decimal 69.9, not 69.1 ✗ (digits transposed? no mode explains it)
  "expenditure.project.share": { stated: "69.1", exact: percent(v("expenditure.project"), EXPENDITURE), ratio: [v("expenditure.project"), EXPENDITURE], ok: false },
  // 5296 − 2851 = 2445 ✓
  "carryOver.total": { stated: "2445", exact: sub(INCOME, EXPENDITURE), ok: true },
  // basic funds 5296 − 4426.12 = 869.88; 869.88 − 858 = 11.88; at 0 decimals 12 ✓
  "carryOver.basic": { stated: "12", exact: sub(sub(INCOME, ALLOCATED), BASIC), ok: true },
  // 4426.12 − 1993 = 2433.12 → 2433 ✓
  "carryOver.project": { stated: "2433", exact: sub(ALLOCATED, v("expenditure.project")), ok: true },
  // Σ of the 7 funds = 4426.12 → 4426 ✓ (“总投入4426万元”)
  "income.project": { stated: "4426", exact: ALLOCATED, ok: true },
  // 4426.12 − 0 = 4426.12 → 4426 ✓
  "budget.projectAdjustment": { stated: "4426", exact: sub(ALLOCATED, v("budget.projectInitial")), ok: true },
  // 4086.21 − 1724.58 = 2361.63 ✓
  "fund.emergency.balance": { stated: "2361.63", exact: sub(v("fund.emergency.allocated"), v("fund.emergency.spent")), ok: true },
  // 38 + 1 + 18 = 57 ✓
  "staff.authorised": { stated: "57", exact: sum([v("staff.posts.1"), v("staff.posts.2"), v("staff.posts.3")]), ok: true },
  // 19 offices listed ✓, 3 units listed ✓
  "org.internalOffices.count": { stated: "19", exact: q(BigInt(ORG.internalOffices.items.length)), ok: true },
  "org.affiliatedUnits.count": { stated: "3", exact: q(BigInt(ORG.affiliatedUnits.items.length)), ok: true },
  // 32.6004 ÷ 21.93 × 100 = 148.6566347…; → 148.66 ✓
  "productProjectsInvestment.completion": {
    stated: "148.66",
    exact: percent(v("productProjectsInvestment"), v("productProjectsInvestment.target")),
    ratio: [v("productProjectsInvestment"), v("productProjectsInvestment.target")],
    ok: true,
  },
  // 3.97 ÷ 2.65 × 100 = 149.8113207…; at 1 decimal 149.8 ✓
  "keyProjectsInvestment.completion": {
    stated: "149.8",
    exact: percent(v("keyProjectsInvestment"), v("keyProjectsInvestment.target")),
    ratio: [v("keyProjectsInvestment"), v("keyProjectsInvestment.target")],
    ok: true,
  },
  // 33 ÷ 21.93 × 100 = 150.4787962…; at 0 decimals 150 ✓ (target via targetOf)
  "productProjectsInvestmentFull.completion": {
    stated: "150",
    exact: percent(v("productProjectsInvestmentFull"), v("productProjectsInvestment.target")),
    ratio: [v("productProjectsInvestmentFull"), v("productProjectsInvestment.target")],
    ok: true,
  },
  // 4.53 ÷ 2.65 × 100 = 170.9433962…; half-up (and half-even) give 171, not 170 ✗;
  // truncation gives 170, so the hint names truncation.
  "keyProjectsInvestmentFull.completion": {
    stated: "170",
    exact: percent(v("keyProjectsInvestmentFull"), v("keyProjectsInvestment.target")),
    ratio: [v("keyProjectsInvestmentFull"), v("keyProjectsInvestment.target")],
    ok: false,
  },
  // 8077 ÷ 4000 × 100 = 201.925 exactly: a tie at 2 decimals. Half-up goes away from zero to
  // 201.93 ✗; half-even keeps the even 201.92 and truncation drops the 5: both give 201.92.
  "smeCloud.completion": { stated: "201.92", exact: percent(v("smeCloud"), v("smeCloud.target")), ratio: [v("smeCloud"), v("smeCloud.target")], ok: false },
  // 137 ÷ 120 × 100 = 114.1666…; half-up and half-even give 114.17 ✗; truncation 114.16.
  "smePlatform.completion": { stated: "114.16", exact: percent(v("smePlatform"), v("smePlatform.target")), ratio: [v("smePlatform"), v("smePlatform.target")], ok: false },
  // 290.51 − 99.97 = 190.54 ✓
  feeRelief: { stated: "190.54", exact: sub(v("feeCharged"), v("feePaid")), ok: true },
  // 4 + 2 + 1 = 7 ✓
  awardedParks: { stated: "7", exact: sum([v("qualityAwardParks"), v("demoBaseAwardParks"), q(1)]), ok: true },
  // 467 + 34 = 501 ✓
  scatteredFirmsRectified: { stated: "501", exact: add(v("scatteredFirmsClosed"), v("scatteredFirmsUpgraded")), ok: true },
};

const MODES: RoundingModeName[] = ["half-up", "half-even", "down"];

/** Which rounding modes turn the exact value into the stated figure (by hand, no src). */
function modesGiving(id: string): RoundingModeName[] {
  const e = STATED[id]!;
  return MODES.filter((m) => roundQ(e.exact, writtenDecimals(e.stated), m) === e.stated);
}

describe("the hand computation itself", () => {
  it("covers every stated figure of the file, in file order", () => {
    const stated = (parseYaml(TEXT) as { stated: Record<string, number> }).stated;
    expect(Object.keys(stated)).toEqual(Object.keys(STATED));
    for (const [id, e] of Object.entries(STATED)) expect(String(stated[id]), id).toBe(String(Number(e.stated)));
  });

  it("has exactly five figures that 四舍五入 does not reproduce, and the modes that would", () => {
    // Independent of src: round the hand-computed exact value at the written precision.
    const failing = Object.keys(STATED).filter((id) => roundQ(STATED[id]!.exact, writtenDecimals(STATED[id]!.stated), "half-up") !== STATED[id]!.stated);
    expect(failing).toEqual(["income.growth", "expenditure.project.share", "keyProjectsInvestmentFull.completion", "smeCloud.completion", "smePlatform.completion"]);
    expect(Object.entries(STATED).filter(([, e]) => !e.ok).map(([id]) => id)).toEqual(failing);
    expect(modesGiving("income.growth")).toEqual([]);
    expect(modesGiving("expenditure.project.share")).toEqual([]);
    expect(modesGiving("keyProjectsInvestmentFull.completion")).toEqual(["down"]);
    expect(modesGiving("smeCloud.completion")).toEqual(["half-even", "down"]);
    expect(modesGiving("smePlatform.completion")).toEqual(["down"]);
    // The tie really is a tie: 8077/4000 × 100 = 201.925 with nothing after it.
    expect(eq(STATED["smeCloud.completion"]!.exact, q("201.925"))).toBe(true);
    // carryOver.basic: 11.88 rounds to 12 at the 0 decimals "12" is written with.
    expect(eq(STATED["carryOver.basic"]!.exact, q("11.88"))).toBe(true);
    expect(roundQ(q("11.88"), 0, "half-up")).toBe("12");
    // income.project: Σ of the 7 funds is 4426.12, printed 4426.
    expect(eq(ALLOCATED, q("4426.12"))).toBe(true);
    expect(roundQ(ALLOCATED, 0, "half-up")).toBe("4426");
    // The failing percentages, to more digits than the report shows.
    expect(roundQ(STATED["income.growth"]!.exact, 6, "half-up")).toBe("352.263023");
    expect(roundQ(STATED["expenditure.project.share"]!.exact, 6, "half-up")).toBe("69.905296");
    expect(roundQ(STATED["keyProjectsInvestmentFull.completion"]!.exact, 6, "half-up")).toBe("170.943396");
    expect(roundQ(STATED["smePlatform.completion"]!.exact, 6, "half-up")).toBe("114.166667");
  });
});

describe("check on the clean example", () => {
  it("gives no findings at all", async () => {
    const result = await check(CLEAN, "zh");
    expect(result.findings).toEqual([]);
    // No stated figures. The checks made: Σ fund spending against the project expenditure,
    // each of the 3 funds within its allocation, income against expenditure, the stated score
    // within the full mark, the dataset's own grade bands in order, the score within a band (a
    // grade exists), and the 22 texts with {{…}}.
    expect(result.checks).toBe(1 + 3 + 1 + 1 + 1 + 1 + 22);
    expect(result.rules).toEqual(["carry-over", "fund-balance", "fund-spending", "grade-bands", "placeholder", "score-total"]);
  });

  it("exits 0 from the CLI, with a summary of 0 errors and 0 warnings", () => {
    ensureBuilt();
    const run = cli(["check", "examples/yongzhou-2020.yaml"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("检查了 1 个文件：0 个错误，0 个警告\n");
  });
});

describe("check on the as-published sample", () => {
  let en: ReturnType<typeof reconcile>;
  let zh: ReturnType<typeof reconcile>;
  beforeAll(async () => {
    en = await check(PUBLISHED, "en");
    zh = await check(PUBLISHED, "zh");
  });

  it("read the inputs exactly as copied by hand", () => {
    for (const [id, text] of Object.entries(IN)) {
      const figure = en.model.figures.get(id);
      expect(figure, id).toBeDefined();
      expect(eq(q(figure!.value!.toString()), q(text)), `${id}: ${figure!.value!.toString()} vs ${text}`).toBe(true);
    }
  });

  it("computes every stated figure to the hand-computed exact value", () => {
    for (const [id, e] of Object.entries(STATED)) {
      const figure = en.model.figures.get(id)!;
      expect(figure, id).toBeDefined();
      if (e.ratio) {
        // A percentage is kept as num/den for the exact check: that ratio is the hand one.
        expect(figure.kind, id).toBe("percent");
        expect(eq(div(q(figure.ratio!.num.toString()), q(figure.ratio!.den.toString())), div(e.ratio[0], e.ratio[1])), id).toBe(true);
        expect(eq(e.exact, percent(e.ratio[0], e.ratio[1])), id).toBe(true);
      } else {
        expect(eq(q(figure.value!.toString()), e.exact), `${id}: ${figure.value!.toString()}`).toBe(true);
      }
    }
  });

  it("counts 27 stated figures plus the checks of the rules that apply (the clean example's 30, and its 2 listed counts)", () => {
    expect(en.checks).toBe(27 + 30 + 2);
  });

  /** The finding for a failing stated figure, built from the hand computation. */
  function expected(id: string, line: number, col: number, message: string, tolerance: string, formula: string, hint?: string) {
    const e = STATED[id]!;
    const diff = sub(q(e.stated), e.exact);
    return {
      severity: "error",
      file: PUBLISHED,
      path: `/stated/${id}`,
      pos: { line, col, endCol: col + e.stated.length - 1 },
      message,
      actual: `${e.stated}%`,
      expected: `${show(e.exact)}%`,
      diff: `${show(diff)}%`,
      tolerance,
      formula,
      hint,
    };
  }

  const CASES = [
    {
      id: "income.growth",
      code: "growth-rate",
      line: 344,
      col: 18,
      en: "income: growth rate: stated 352.13%, computed 352.26%",
      zh: "收入增长率：所载 352.13%，计算应为 352.26%",
      dp: 2,
      interval: "[352.125, 352.135)",
      formula: "income.change ÷ income.prior × 100% = 4125 ÷ 1171 × 100%",
      hint: { en: undefined, zh: undefined },
    },
    {
      id: "expenditure.project.share",
      code: "share",
      line: 350,
      col: 30,
      en: "project share of expenditure: stated 69.1%, computed 69.9%",
      zh: "项目支出占总支出比例：所载 69.1%，计算应为 69.9%",
      dp: 1,
      interval: "[69.05, 69.15)",
      formula: "expenditure.project ÷ expenditure.total × 100% = 1993 ÷ 2851 × 100%",
      hint: { en: undefined, zh: undefined },
    },
    {
      id: "keyProjectsInvestmentFull.completion",
      code: "completion-rate",
      line: 363,
      col: 41,
      en: "列入省重点考核的5个项目完成投资（预计）: completion rate: stated 170%, computed 171%",
      zh: "列入省重点考核的5个项目完成投资（预计）完成率：所载 170%，计算应为 171%",
      dp: 0,
      interval: "[169.5, 170.5)",
      formula: "keyProjectsInvestmentFull ÷ keyProjectsInvestmentFull.target × 100% = 4.53 ÷ 2.65 × 100%",
      hint: {
        en: "truncation gives the stated figure: the source may have rounded differently",
        zh: "按截尾可得到所载数字：原报告可能用了不同的舍入方式",
      },
    },
    {
      id: "smeCloud.completion",
      code: "completion-rate",
      line: 364,
      col: 24,
      en: "中小企业“上云”: completion rate: stated 201.92%, computed 201.93%",
      zh: "中小企业“上云”完成率：所载 201.92%，计算应为 201.93%",
      dp: 2,
      interval: "[201.915, 201.925)",
      formula: "smeCloud ÷ smeCloud.target × 100% = 8077 ÷ 4000 × 100%",
      hint: {
        en: "half-even or truncation gives the stated figure: the source may have rounded differently",
        zh: "按四舍六入五成双或截尾可得到所载数字：原报告可能用了不同的舍入方式",
      },
    },
    {
      id: "smePlatform.completion",
      code: "completion-rate",
      line: 365,
      col: 27,
      en: "中小企业“上平台”: completion rate: stated 114.16%, computed 114.17%",
      zh: "中小企业“上平台”完成率：所载 114.16%，计算应为 114.17%",
      dp: 2,
      interval: "[114.155, 114.165)",
      formula: "smePlatform ÷ smePlatform.target × 100% = 137 ÷ 120 × 100%",
      hint: {
        en: "truncation gives the stated figure: the source may have rounded differently",
        zh: "按截尾可得到所载数字：原报告可能用了不同的舍入方式",
      },
    },
  ];

  /** The tolerance names the interval of exact values that round half-up to the stated figure. */
  const TOLERANCE = {
    en: (dp: number, interval: string) => `${["0 decimals", "1 decimal", "2 decimals"][dp]} as written, half-up: the computed value must lie in ${interval}%`,
    zh: (dp: number, interval: string) => `按书写精度 ${dp} 位小数、四舍五入，计算值应在 ${interval}% 内`,
  };

  it("places each of the five at the stated value's line and column", () => {
    for (const c of CASES) {
      const at = where(TEXT, `  ${c.id}: ${STATED[c.id]!.stated}`);
      expect({ line: at.line, col: at.col + c.id.length + 4 }, c.id).toEqual({ line: c.line, col: c.col });
    }
  });

  it("the computed value in each message is the hand rounding at the written precision", () => {
    for (const c of CASES) {
      const rounded = roundQ(STATED[c.id]!.exact, c.dp, "half-up");
      expect(c.en.endsWith(`computed ${rounded}%`), c.id).toBe(true);
      expect(c.zh.endsWith(`计算应为 ${rounded}%`), c.id).toBe(true);
    }
  });

  it("the interval in each tolerance is [stated − ½ unit, stated + ½ unit), by hand", () => {
    for (const c of CASES) {
      const stated = STATED[c.id]!.stated;
      const half = div(q(1), q(2n * 10n ** BigInt(c.dp)));
      const [lo, hi] = c.interval.slice(1, -1).split(", ");
      expect(c.interval.startsWith("[") && c.interval.endsWith(")"), c.id).toBe(true);
      expect(eq(q(lo!), sub(q(stated), half)), c.id).toBe(true);
      expect(eq(q(hi!), add(q(stated), half)), c.id).toBe(true);
      // half-up: the low end rounds to the stated figure, the high end already does not
      expect(roundQ(q(lo!), c.dp, "half-up"), c.id).toBe(stated);
      expect(roundQ(q(hi!), c.dp, "half-up"), c.id).not.toBe(stated);
    }
  });

  for (const lang of ["en", "zh"] as const) {
    it(`reports exactly the five findings, field by field (${lang})`, () => {
      const result = lang === "en" ? en : zh;
      const want = CASES.map((c) => ({
        ...expected(c.id, c.line, c.col, c[lang], TOLERANCE[lang](c.dp, c.interval), c.formula, c.hint[lang]),
        code: c.code,
      }));
      expect(result.findings).toHaveLength(5);
      result.findings.forEach((f: Finding, i: number) => {
        const w = want[i]!;
        expect(f, w.path).toEqual(w);
        // toEqual ignores undefined properties: say explicitly which findings carry no hint.
        expect(f.hint, w.path).toBe(w.hint);
      });
    });
  }

  it("the text output names each finding file:line:col with its rule", () => {
    ensureBuilt();
    const run = cli(["check", "examples/yongzhou-2020-as-published.yaml", "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const heads = run.stderr.split("\n").filter((l) => / (error|warning)\[/.test(l));
    expect(heads).toEqual(CASES.map((c) => `examples/yongzhou-2020-as-published.yaml:${c.line}:${c.col}: error[${c.code}] ${c.en}`));
    expect(run.stderr.trimEnd().split("\n").at(-1)).toBe("checked 1 file: 5 errors, 0 warnings");
  });
});
