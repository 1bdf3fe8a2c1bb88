import type { RoundingMode } from "../compute/rounding.js";
import type { Lang } from "../i18n/lang.js";

const MODE_NAMES: Record<Lang, Record<RoundingMode, string>> = {
  zh: { "half-up": "四舍五入", "half-even": "四舍六入五成双", down: "截尾" },
  en: { "half-up": "half-up", "half-even": "half-even", down: "truncation" },
};

/** Sentences of the reconciliation rules, with their figures filled in. */
export const M = {
  zh: {
    unknownFigure: (id: string) => `没有编号为“${id}”的图表数字`,
    didYouMean: (id: string) => `是否想写“${id}”？`,
    notComputable: (id: string, reason: string) => `“${id}”无法计算${reason ? `（${reason}）` : ""}，不能核对`,
    textFigure: (id: string) => `“${id}”是文字（如等级），不能作为数字核对`,
    mismatch: (label: string, stated: string, computed: string) => `${label}：所载 ${stated}，计算应为 ${computed}`,
    tolerance: (dp: number, mode: RoundingMode, range: string) => `按书写精度 ${dp} 位小数、${MODE_NAMES.zh[mode]}，计算值应在 ${range} 内`,
    otherModes: (modes: RoundingMode[]) => `按${modes.map((m) => MODE_NAMES.zh[m]).join("或")}可得到所载数字：原报告可能用了不同的舍入方式`,
    listedCount: (what: string, stated: number, listed: number) => `${what}：所述 ${stated} 个，名单列出 ${listed} 个`,
    fundsSpentTotal: (sum: string, project: string) => `各专项支出合计 ${sum}，与项目支出 ${project} 不一致`,
    fundsSpentExceeds: (sum: string, project: string) => `已列示的专项支出合计 ${sum} 超过项目支出 ${project}`,
    overspent: (name: string, spent: string, allocated: string) => `${name}：支出 ${spent} 超过下达金额 ${allocated}`,
    overspending: (income: string, expenditure: string) => `支出 ${expenditure} 超过本年收入 ${income}，差额须由上年结转结余弥补；请在数据中说明`,
    scoreOverWeight: (name: string, score: string, weight: string) => `${name}：得分 ${score} 超过分值 ${weight}`,
    scoreTotal: (stated: string, sum: string) => `填写的自评得分 ${stated} 与评分表合计 ${sum} 不一致`,
    weightsTotal: (sum: string) => `评分表分值合计 ${sum}，不是 100`,
    bandsOrder: () => `等级划分应按分数下限从高到低排列`,
    inflation: (score: string, names: string) => `自评得分 ${score} 为满分，但有指标未完成：${names}`,
    placeholderUnknown: (id: string) => `文字引用了不存在的数字“${id}”`,
    placeholderFormat: (spec: string) => `引用格式“${spec}”无效：只能是 n（只写数字）或 0–6（小数位数）`,
    placeholderMissing: (id: string, reason: string) => `文字引用的“${id}”无法计算（${reason}）`,
  },
  en: {
    unknownFigure: (id: string) => `there is no figure “${id}”`,
    didYouMean: (id: string) => `did you mean “${id}”?`,
    notComputable: (id: string, reason: string) => `“${id}” cannot be computed${reason ? ` (${reason})` : ""}, so it cannot be checked`,
    textFigure: (id: string) => `“${id}” is text (such as a grade) and cannot be checked as a number`,
    mismatch: (label: string, stated: string, computed: string) => `${label}: stated ${stated}, computed ${computed}`,
    tolerance: (dp: number, mode: RoundingMode, range: string) => `${dp} decimal${dp === 1 ? "" : "s"} as written, ${MODE_NAMES.en[mode]}: the computed value must lie in ${range}`,
    otherModes: (modes: RoundingMode[]) => `${modes.map((m) => MODE_NAMES.en[m]).join(" or ")} gives the stated figure: the source may have rounded differently`,
    listedCount: (what: string, stated: number, listed: number) => `${what}: stated ${stated}, listed ${listed}`,
    fundsSpentTotal: (sum: string, project: string) => `special funds' spending adds up to ${sum}, not the project expenditure ${project}`,
    fundsSpentExceeds: (sum: string, project: string) => `listed special-fund spending ${sum} exceeds the project expenditure ${project}`,
    overspent: (name: string, spent: string, allocated: string) => `${name}: spent ${spent} exceeds the allocation ${allocated}`,
    overspending: (income: string, expenditure: string) => `expenditure ${expenditure} exceeds this year's income ${income}; the gap must come from carry-over — say so in the dataset`,
    scoreOverWeight: (name: string, score: string, weight: string) => `${name}: score ${score} exceeds its weight ${weight}`,
    scoreTotal: (stated: string, sum: string) => `the stated score ${stated} differs from the scorecard total ${sum}`,
    weightsTotal: (sum: string) => `the scorecard's weights add up to ${sum}, not 100`,
    bandsOrder: () => `grade bands must be listed from the highest minimum down`,
    inflation: (score: string, names: string) => `a full self-assessed score of ${score} while some indicators are unmet: ${names}`,
    placeholderUnknown: (id: string) => `the text refers to an unknown figure “${id}”`,
    placeholderFormat: (spec: string) => `placeholder format “${spec}” is invalid: use n (number only) or 0–6 (decimals)`,
    placeholderMissing: (id: string, reason: string) => `the text refers to “${id}”, which cannot be computed (${reason})`,
  },
} satisfies Record<Lang, Record<string, (...args: never[]) => string>>;
