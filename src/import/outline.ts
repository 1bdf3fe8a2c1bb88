/**
 * A report family's outline: which headings start which part of the dataset. Import reads a
 * report by matching its headings against these tables, in order; adding a family is adding
 * a table (and, for a part no family had before, its reader in parts.ts).
 */
export type Part =
  | "duties"
  | "organisation"
  | "staffing"
  | "scale"
  | "spending"
  | "basic"
  | "project"
  | "fundAllocation"
  | "fundUse"
  | "fundManagement"
  | "implementation"
  | "projectOrganisation"
  | "projectManagement"
  | "achievements"
  | "problems"
  | "measures"
  /** yiyang: （二）部门整体支出绩效目标, （三）部门整体支出或项目实施情况分析. */
  | "goals"
  | "analysis"
  /** score-first: 一、自评得分情况 (the documents followed and the total score). */
  | "score"
  /** table-form: 一、部门（单位）基本概况, a form table (联系人, 人员编制, 职能职责概述…). */
  | "profileTable"
  /** A heading the family prints but that holds nothing of its own. */
  | "none";

export interface Heading {
  part: Part;
  /** Matched against the heading with its number (一、（一）1、) taken off. */
  pattern: RegExp;
}

export interface Family {
  /** The value of `report.template` (src/families.ts). */
  id: string;
  outline: Heading[];
}

/** The last two parts of every family: 存在的问题, 改进措施（和建议）. */
const CLOSING: Heading[] = [
  { part: "problems", pattern: /^存在的(主要)?问题/ },
  { part: "measures", pattern: /^改进措施/ },
];

/** templates/report.hbs: the six-part narrative report of Hunan's 部门整体支出绩效自评报告. */
export const SIX_PART: Family = {
  id: "six-part",
  outline: [
    { part: "none", pattern: /^部门(（单位）)?概况$/ },
    { part: "none", pattern: /^部门(（单位）)?基本情况$/ },
    { part: "duties", pattern: /^(部门)?(主要)?职能职责|^部门职责$|^主要职能$/ },
    { part: "organisation", pattern: /^机构设置(情况)?$/ },
    { part: "staffing", pattern: /^人员(编制)?(情况)?$|^人员编制情况$/ },
    { part: "scale", pattern: /^部门整体支出规模/ },
    { part: "spending", pattern: /^部门整体支出管理及使用情况/ },
    { part: "basic", pattern: /^基本支出(情况)?$/ },
    { part: "project", pattern: /^项目支出(情况)?$/ },
    { part: "fundAllocation", pattern: /^专项资金安排落实/ },
    { part: "fundUse", pattern: /^专项资金实际使用情况/ },
    { part: "fundManagement", pattern: /^专项资金管理情况/ },
    { part: "implementation", pattern: /^部门(（单位）)?专项组织实施情况/ },
    { part: "projectOrganisation", pattern: /^专项组织情况/ },
    { part: "projectManagement", pattern: /^专项管理情况/ },
    { part: "achievements", pattern: /^部门整体支出绩效情况/ },
    ...CLOSING,
  ],
};

/** templates/yiyang.hbs: 一、基本情况 （一）部门整体支出概况 （二）…绩效目标 （三）…实施情况分析. */
export const YIYANG: Family = {
  id: "yiyang",
  outline: [
    { part: "none", pattern: /^基本情况$/ },
    { part: "spending", pattern: /^部门整体支出概况$/ },
    { part: "goals", pattern: /^部门整体支出绩效目标$/ },
    { part: "analysis", pattern: /^部门整体支出或项目实施情况分析$/ },
    { part: "achievements", pattern: /^部门整体支出绩效情况$/ },
    ...CLOSING,
  ],
};

/** templates/score-first.hbs: 一、自评得分情况 first, then 单位基本概况, the money, the performance. */
export const SCORE_FIRST: Family = {
  id: "score-first",
  outline: [
    { part: "score", pattern: /^自评得分情况$/ },
    { part: "none", pattern: /^单位基本概况$/ },
    { part: "organisation", pattern: /^机构设置情况$/ },
    { part: "staffing", pattern: /^人员编制情况$/ },
    { part: "duties", pattern: /^单位职责$/ },
    { part: "spending", pattern: /^部门整体支出情况$/ },
    { part: "achievements", pattern: /^部门整体支出绩效情况$/ },
    ...CLOSING,
  ],
};

/** templates/table-form.hbs: a cover page, 一、部门（单位）基本概况 as a form table, 二、…收支情况, the text parts. */
export const TABLE_FORM: Family = {
  id: "table-form",
  outline: [
    { part: "profileTable", pattern: /^部门(（单位）)?基本概况$/ },
    { part: "spending", pattern: /^部门(（单位）)?收支情况$/ },
    { part: "achievements", pattern: /^部门(（单位）)?整体支出绩效情况$/ },
    ...CLOSING,
  ],
};

/** Every family import knows, tried in turn; the one whose outline matches most headings wins (the first on a tie). */
export const FAMILIES: readonly Family[] = [SIX_PART, YIYANG, SCORE_FIRST, TABLE_FORM];
