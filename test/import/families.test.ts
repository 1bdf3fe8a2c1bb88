import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cli, ensureBuilt } from "../helpers/cli.js";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "import-families-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What each bundled family's example must come back with after build -f md → import. */
const FAMILIES: [string, string, Record<string, unknown>][] = [
  [
    "nanxian-zhengxie-2024",
    "yiyang",
    {
      "unit.name": "政协南县委员会",
      year: 2024,
      "finance.income.sources": [{ id: "appropriation", name: "财政拨款收入", amount: 816.23 }],
      "finance.income.prior": 878.75,
      "finance.expenditure.basic.personnel": 543.25,
      "finance.expenditure.basic.public": 90.63,
      "finance.expenditure.project": 182.35,
      "stated.income.change": -62.52,
      "stated.income.growth": -7.11,
      // `1、收入：816.23万元` and `2、支出：816.23万元`: the totals the lead names, stated for check to compare.
      "stated.income.total": 816.23,
      "stated.expenditure.total": 816.23,
    },
  ],
  ["nanxian-caizhengju-2020", "score-first", { "unit.name": "南县财政局", year: 2020, "evaluation.score": 97, "profile.duties.length": 2 }],
  [
    "yueyang-chengguan-jiandu-2018",
    "table-form",
    { "unit.name": "岳阳市城市管理监督指挥中心", "unit.code": "906017", year: 2018, "report.cover.region": "岳阳市", "profile.staffing.authorised": 21, "profile.staffing.staffInPost": 21, "narrative.tasks.length": 6 },
  ],
  ["xinkaizhen-2021", "table-form", { "unit.name": "岳阳县新开镇政府", year: 2021, "profile.staffing.authorised": 128, "profile.staffing.staffInPost": 185 }],
  ["suining-sifaju-2020", "six-part", { "unit.name": "绥宁县司法局", year: 2020 }],
];

function at(data: unknown, path: string): unknown {
  // `stated.income.change`: stated ids hold dots themselves.
  if (path.startsWith("stated.")) return (data as { stated?: Record<string, unknown> }).stated?.[path.slice("stated.".length)];
  return path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], data);
}

describe("import of every bundled family", () => {
  it.each(FAMILIES)("%s (%s): build -f md, import, and the draft names the family and gives back the example's figures", (name, family, expected) => {
    const example = `examples/${name}.yaml`;
    const build = cli(["build", example, "-f", "md", "-o", `${dir}/`]);
    expect(build.code, build.stderr).toBe(0);
    const out = join(dir, `${name}.draft.yaml`);
    const run = cli(["import", join(dir, `${name}.md`), "-o", out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain(`报告结构：${family}`);
    const draft = parse(readFileSync(out, "utf8")) as Record<string, unknown>;
    expect(at(draft, "report.template")).toBe(family === "six-part" ? undefined : family);
    for (const [path, value] of Object.entries(expected)) expect(at(draft, path), path).toEqual(value);
    // Duties come back as the example has them.
    const source = parse(readFileSync(example, "utf8")) as Record<string, unknown>;
    expect(at(draft, "profile.duties")).toEqual(at(source, "profile.duties"));
    const check = cli(["check", out]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });
});
