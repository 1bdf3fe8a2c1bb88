#!/usr/bin/env node
// Synthetic datasets for tests and benchmarks: node bench/generate.mjs DIR COUNT [--scale N]
// --scale multiplies the sample's size (7 special funds, 16 achievements with 66 indicators).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * One synthetic unit: income from two sources, `funds` special funds, `indicators`
 * indicators spread over achievements of up to 5 each. Every figure reconciles unless
 * `stateWrongTotal` asks for a stated income total one 万元 off.
 */
export function syntheticDataset(i, options = {}) {
  const funds = options.funds ?? 3;
  const indicators = options.indicators ?? 4;
  const a = 1000 + i;
  const b = (200 + i / 100).toFixed(2);
  const fundLines = Array.from({ length: funds }, (_, k) => `    - { id: f${k}, name: 专项资金${k + 1}, allocated: ${(50 + k).toFixed(2)}, spent: ${(40 + k).toFixed(2)}, description: "用于专项工作${k + 1}，支出{{fund.f${k}.spent}}，结余{{fund.f${k}.balance}}。" }`);
  const achievements = [];
  for (let start = 0; start < indicators; start += 5) {
    const ks = Array.from({ length: Math.min(5, indicators - start) }, (_, j) => start + j);
    achievements.push(`  - title: 工作成效${start / 5 + 1}
    text: ${ks.map((k) => `指标${k + 1}完成{{ind${k}}}，完成率{{ind${k}.completion}}`).join("；")}。
    indicators:
${ks.map((k) => `      - { id: ind${k}, name: 指标${k + 1}, unit: 家, target: ${100 + k}, actual: ${110 + k} }`).join("\n")}`);
  }
  return `unit: { name: 测试单位${i}, selfName: 我单位 }
year: 2020
profile:
  duties: [负责测试工作。]
  staffing: { authorisedPosts: [{ type: 行政编制, count: ${10 + (i % 7)} }], staffInPost: 9, retirees: 3 }
finance:
  income:
    sources:
      - { id: appropriation, name: 财政拨款收入, amount: ${a} }
      - { id: other, name: 其他收入, amount: ${b} }
    prior: ${900 + i}
  expenditure: { basic: { personnel: 500, public: 100.25 }, project: ${(40 * funds + (funds * (funds - 1)) / 2).toFixed(2)}, prior: 800 }
  specialFunds:
${fundLines.join("\n")}
narrative:
  problems: [{ title: 问题一, text: 说明。 }]
  measures: [{ title: 措施一, text: 说明。 }]
achievements:
${achievements.join("\n")}
evaluation: { summary: 绩效目标完成较好, score: ${85 + (i % 15)} }
${options.stateWrongTotal ? `stated:\n  income.total: ${(a + Number(b) + 1).toFixed(2)}\n` : ""}`;
}

/** A directory of `count` datasets; the indices in `broken` are unusable, those in `wrong` do not reconcile. */
export function writeDatasets(dir, count, broken = [], wrong = [], size = {}) {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `unit-${String(i + 1).padStart(4, "0")}.yaml`);
    writeFileSync(file, broken.includes(i) ? `unit: { name: 坏数据${i} }\nyear: "二〇二〇"\n` : syntheticDataset(i, { ...size, stateWrongTotal: wrong.includes(i) }));
    return file;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [dir, count] = process.argv.slice(2);
  const scaleAt = process.argv.indexOf("--scale");
  const scale = scaleAt > 0 ? Number(process.argv[scaleAt + 1]) : 1;
  if (!dir || !count) {
    console.error("usage: node bench/generate.mjs DIR COUNT [--scale N]");
    process.exit(2);
  }
  writeDatasets(dir, Number(count), [], [], { funds: 7 * scale, indicators: 66 * scale });
}
