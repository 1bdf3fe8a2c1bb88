import { open } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import type { Lang } from "../i18n/lang.js";
import { isMessageKey, msg } from "../i18n/messages.js";
import { SCHEMA_PATH } from "../validate/schema-path.js";
import { EXIT } from "./exit.js";
import type { Io } from "./main.js";

/** A starter dataset: every section present, commented in Chinese, valid as it stands. */
export function starterDataset(unit: string, year: number, schemaRef: string): string {
  return `# yaml-language-server: $schema=${schemaRef}
# ${unit.replace(/[\r\n]+/g, " ")} ${year}年度部门整体支出绩效自评报告 — 数据集
# 检查：perf-report check 本文件；生成报告：perf-report build 本文件
# 规则：只填写已知的数字，合计、增减额、增长率、占比、结余、完成率都由工具计算；
#       金额直接写数字（不加千位分隔符、不加引号），编码请加引号（如 "00123"）；
#       文字中用 {{编号}} 引用数字，例如 {{income.total}}、{{expenditure.basic.personnel}}。

unit:
  name: ${JSON.stringify(unit)}
  selfName: 我单位            # 正文中的自称，例如“我局”

year: ${year}

settings:
  amountUnit: 万元            # 本文件金额的单位：元 或 万元
  rounding: half-up           # 四舍五入；half-even 为四舍六入五成双，down 为截尾
  percentDecimals: 2

profile:
  duties:                     # 职能职责，逐条书写
    - 负责……
  organisation:
    internalOffices:
      items: [办公室]         # 内设科室名单
  staffing:
    authorisedPosts:
      - { type: 行政编制, count: 0 }
    staffInPost: 0            # 年末实有在职人员
    retirees: 0

finance:
  income:
    sources:
      - { id: appropriation, name: 财政拨款收入, amount: 0 }
    prior: 0                  # 上年收入合计
  expenditure:
    basic: { personnel: 0, public: 0 }   # 基本支出：人员经费、公用经费
    project: 0                # 项目支出
    prior: 0                  # 上年支出合计
  specialFunds: []            # 专项资金：- { id: xxx, name: 名称, allocated: 0, spent: 0, description: 使用情况 }

narrative:
  basicSpendingPurpose: 主要用于维持部门正常运转的人员经费和日常公用经费
  problems:
    - { title: 存在的问题, text: 具体说明。 }
  measures:
    - { title: 改进措施, text: 具体说明。 }

achievements: []              # 绩效情况：- { title: 标题, text: 说明, indicators: [{ id: xxx, name: 指标, unit: 家, target: 0, actual: 0 }] }

evaluation:
  summary: 通过绩效指标定量和定性分析，我单位绩效目标完成较好
  score: 0                    # 自评得分；或填写 scorecard 评分表，由工具合计
`;
}

export async function runInit(file: string, options: { unit: string; year: number; lang: Lang }, io: Io): Promise<number> {
  // A starter must pass `check` as it stands, and an empty unit name does not.
  if (options.unit.trim() === "") {
    io.err(`${msg(options.lang, "cli.init-unit-empty")}\n`);
    return EXIT.usage;
  }
  const target = resolve(file);
  const schemaRef = relative(dirname(target), SCHEMA_PATH).split("\\").join("/");
  try {
    const handle = await open(target, "wx");
    await handle.writeFile(starterDataset(options.unit, options.year, schemaRef));
    await handle.close();
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const key = `write.${code}`;
    // The reason in words from the catalogue ("目录不存在"), not a raw ENOENT.
    const reason = isMessageKey(key) ? msg(options.lang, key) : (code ?? message);
    io.err(code === "EEXIST" ? `${msg(options.lang, "cli.init-exists", { file })}\n` : `perf-report: ${file}: ${msg(options.lang, "build.cannot-write", { reason })}\n`);
    return EXIT.usage;
  }
  io.err(`${msg(options.lang, "cli.init-done", { file })}\n`);
  return EXIT.ok;
}
