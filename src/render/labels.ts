import type { Model } from "../compute/model.js";

/** What the two standard organisation lists are called when neither the list nor report.labels says. */
export const ORG_LABELS = { internalOffices: "内设科室", affiliatedUnits: "所属事业单位" };

/**
 * The report's own words for its tables and forms, in one place: the defaults here, any of them
 * overridden by the dataset's report.labels where a real report uses another word.
 * A caption that starts a table with the year is written without it ("年度收入支出情况表").
 */
export const TABLE_LABELS = {
  // 收入支出情况表
  financeCaption: "年度收入支出情况表",
  item: "项目",
  currentYear: "本年数",
  priorYear: "上年数",
  change: "增减额",
  growthPercent: "增减率（%）",
  incomeTotal: "收入合计",
  expenditureTotal: "支出合计",
  basicExpenditure: "基本支出",
  /** report.labels.personnel, after 其中：. */
  personnelOfBasic: "其中：人员经费",
  /** report.labels.public; printed under 其中：人员经费, aligned after 其中：. */
  publicOfBasic: "公用经费",
  projectExpenditure: "项目支出",
  carryOver: "结转结余",
  openingCarryOver: "年初结转结余",
  closingCarryOver: "年末结转结余",
  // 专项资金使用情况表
  fundsCaption: "年度专项资金使用情况表",
  serial: "序号",
  fundName: "专项名称",
  allocated: "下达金额",
  spent: "实际支出",
  balance: "结余",
  executionPercent: "执行率（%）",
  total: "合计",
  // 部门整体支出绩效自评表
  scorecardCaption: "年度部门整体支出绩效自评表",
  scoreUnit: "分",
  level1: "一级指标",
  level2: "二级指标",
  level3: "三级指标",
  target: "指标值",
  actual: "实际完成值",
  weight: "分值",
  score: "得分",
  grade: "自评等级",
  // 各单位收入、支出情况表
  incomeByUnitCaption: "年度收入情况表（按单位）",
  expenditureByUnitCaption: "年度支出情况表（按单位）",
  unitName: "单位名称",
  unitIncomeTotal: "收入合计",
  carriedForward: "上年结转",
  appropriation: "公共财政拨款",
  governmentFund: "政府基金拨款",
  nonTax: "纳入专户管理的非税收入拨款",
  other: "其他",
  unitExpenditureTotal: "支出合计",
  basic: "基本支出",
  project: "项目支出",
  // 表格式报告的基本概况表
  contactPerson: "联系人",
  contactPhone: "联络电话",
  authorisedPosts: "人员编制",
  staffInPost: "实有人数",
  duties: "职能职责概述",
  tasks: "年度主要工作内容",
  overall: "年度部门（单位）总体运行情况及取得的成绩",
  unitLabel: "单位：",
} as const;

export type TableLabel = keyof typeof TABLE_LABELS;
export type Labels = Record<TableLabel, string>;

/**
 * The words for this report: the defaults, with the dataset's report.labels over them where a
 * report names a line otherwise (工资福利支出 for 人员经费, 商品和服务支出 for 公用经费).
 */
export function tableLabels(model: Model): Labels {
  const given = model.dataset.report?.labels;
  return {
    ...TABLE_LABELS,
    ...(given?.personnel ? { personnelOfBasic: `其中：${given.personnel}` } : {}),
    ...(given?.public ? { publicOfBasic: given.public } : {}),
  };
}
