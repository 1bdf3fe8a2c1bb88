import type { Figure } from "../audit/figures.js";
import { Dec } from "../load/numbers.js";
import { Draft, Exact } from "./draft.js";
import type { Part } from "./outline.js";
import { sentencePiece } from "./profile.js";
import { amountIn, exactOf, sentencesOf, subject, type Sentence } from "./read.js";
import type { Piece } from "./sections.js";

/** Where a money figure of the finance parts goes: an input of the dataset, or a derived figure under `stated:`. */
interface Rule {
  test: RegExp;
  input?: string;
  stated?: string;
  /** The figure id prose refers to it by, for an input. */
  id?: string;
  /** A total that a change (`比上年…增加…，增长…`) in the same sentence refers to. */
  total?: "income" | "expenditure";
  /** A whole a share (`占…的P%`) in the same sentence is a share of. */
  share?: string;
}

/** Tried in order on the figure's subject (its clause, time words off: `2020年度支出为` → `支出`). */
const RULES: Rule[] = [
  { test: /^(总|整体)?收入(合计|总额|总计)?$/, stated: "income.total", total: "income" },
  { test: /^(总|整体)?支出(合计|总额|总计)?$/, stated: "expenditure.total", total: "expenditure" },
  { test: /^基本支出结转结余$/, stated: "carryOver.basic" },
  { test: /^项目(资金|支出)?结转结余$/, stated: "carryOver.project" },
  { test: /^结转结余$/, stated: "carryOver.total" },
  { test: /^(财政拨款)?基本支出$/, stated: "expenditure.basic", share: "expenditure.basic.share" },
  { test: /^(项目支出|专项资金共?支出|实际总支出)$/, input: "finance.expenditure.project", id: "expenditure.project", share: "expenditure.project.share" },
  { test: /(人员经费|工资福利)(支出)?$/, input: "finance.expenditure.basic.personnel", id: "expenditure.basic.personnel" },
  { test: /(公用经费|日常公用|商品和服务)(支出)?$/, input: "finance.expenditure.basic.public", id: "expenditure.basic.public" },
  { test: /^项目资金总投入$/, stated: "income.project" },
  { test: /^年初预算(专项资金|项目资金|项目支出)$/, input: "finance.budget.projectInitial", id: "budget.projectInitial" },
  { test: /^年中调整预算$/, stated: "budget.projectAdjustment" },
];

const SOURCE = /收入$/;
const SOURCE_IDS: [RegExp, string][] = [
  [/^财政拨款/, "appropriation"],
  [/^一般公共预算/, "generalBudget"],
  [/^政府性基金/, "governmentFund"],
  [/^上级补助/, "superiorGrant"],
  [/^事业/, "operating"],
  [/^经营/, "business"],
  [/^其他/, "other"],
];
const ADJUSTMENT = /^调整预算(增拨|追加|调增|调减)$/;

/** A named amount from a list in the text: `（含A4086.21万元、B100万元）`, `其中：A；B。` */
export interface Listed {
  name: string;
  figure: Figure;
}

export interface FinanceLists {
  /** Funds named as part of an income source, and as part of the project spending. */
  allocatedIn: Listed[];
  spentIn: Listed[];
  /** The funds listed after the mid-year budget adjustment (their budget names). */
  budgeted: Listed[];
}

/** The parts readFinance reads. */
export const FINANCE_PARTS: readonly Part[] = ["scale", "spending", "basic", "project", "fundAllocation"];

/** The dataset's amount unit: 万元 unless the report writes its money in 元. */
export function amountUnitOf(figures: Figure[]): "万元" | "元" {
  const yuan = figures.filter((f) => f.unit === "元").length;
  const wan = figures.filter((f) => f.unit === "万元" || f.unit === "亿元").length;
  return yuan > wan ? "元" : "万元";
}

/** The money of the finance parts: inputs, stated derived figures, the narrative between them. */
export function readFinance(parts: Map<Part, Piece[]>, draft: Draft, unit: string): FinanceLists {
  const lists: FinanceLists = { allocatedIn: [], spentIn: [], budgeted: [] };
  const purposes: string[] = [];
  for (const part of FINANCE_PARTS) {
    const sentences = (parts.get(part) ?? []).flatMap(sentencesOf);
    // The template prints the scale part's figures itself; what the report says after them is its narrative.
    const lastFigure = part === "scale" ? findLastIndex(sentences, (s) => s.figures.some((f) => ruleOf(f)?.stated === "carryOver.total")) : -1;
    let carried: Rule | undefined;
    sentences.forEach((s, i) => {
      if (part === "scale" && lastFigure >= 0 && i > lastFigure) return void appendProse(draft, "narrative.spendingDirections", placeholders(s, draft, unit));
      // `收入：816.23万元。同比上年度减少62.52万元，下降7.11%。`: the change is of the total the sentence before stated.
      const read = readSentence(s, draft, unit, lists, /^\s*(同比|比上年|较上年)/.test(s.text) && s.piece === sentences[i - 1]?.piece ? carried : undefined);
      carried = read.total;
      const used = read.used;
      if (part === "basic") {
        const purpose = /[，,](主要用于[^。；，]*)/.exec(s.text);
        if (purpose) draft.set("narrative.basicSpendingPurpose", purpose[1]!);
      }
      if (used) return;
      if (s.figures.length === 0 && (part === "project" || part === "fundAllocation")) return void purposes.push(s.text.trim());
      if (s.text.trim().replace(/[其中：:。，,\s]/g, "") !== "") draft.leave(part, sentencePiece(s));
    });
  }
  if (purposes.length > 0) draft.set("narrative.projectSpendingPurpose", purposes.join(""));
  for (const total of ["income", "expenditure"] as const) priorFromChange(draft, total);
  return lists;
}

function readSentence(s: Sentence, draft: Draft, unit: string, lists: FinanceLists, carried?: Rule): { used: boolean; total?: Rule } {
  let used = false;
  let total: Rule | undefined = carried;
  let whole: Rule | undefined;
  let listInto: Listed[] | undefined;
  let listFrom = 0;
  for (const f of s.figures) {
    if (f.dim === "count" || f.approx) continue;
    if (listInto && f.dim === "money" && (f.inParens || listInto === lists.budgeted)) {
      listInto.push({ name: nameBetween(s.text, listFrom, f.start), figure: f });
      listFrom = f.end;
      used = true;
      continue;
    }
    listInto = undefined;
    if (f.dim === "percent") {
      if (total && f.role === "rate") used = draft.state(`${total.total}.growth`, signed(f, /下降|减少|降低/.test(f.cue))) || used;
      else if (whole?.share && /^占.*的?$/.test(f.label)) used = draft.state(whole.share, exactOf(f)) || used;
      continue;
    }
    const name = subject(f);
    if (total && (f.role === "prior" || f.role === "increase" || f.role === "decrease")) {
      if (f.role === "prior") used = draft.set(`finance.${total.total}.prior`, amountIn(f, unit)) || used;
      else used = draft.state(`${total.total}.change`, signed(f, f.role === "decrease", unit)) || used;
      continue;
    }
    const rule = ruleOf(f);
    total = rule?.total ? rule : undefined;
    whole = rule?.share ? rule : whole;
    if (rule?.input) used = draft.set(rule.input, amountIn(f, unit)) || sameValue(draft.get(rule.input), amountIn(f, unit)) || used;
    else if (rule?.stated) used = draft.state(rule.stated, amountIn(f, unit)) || used;
    else if (ADJUSTMENT.test(name)) {
      const purpose = /^[^，,。；;]*/.exec(s.text.slice(f.end))![0].trim();
      used = draft.set("finance.budget.basicAdjustment", { amount: signed(f, /调减/.test(name), unit), ...(purpose ? { purpose } : {}) }) || used;
    } else if (SOURCE.test(name) && !/^(项目|专项)/.test(name)) {
      used = addSource(draft, name, amountIn(f, unit)) || used;
      listInto = lists.allocatedIn;
    }
    if (rule?.input === "finance.expenditure.project") listInto = lists.spentIn;
    if (rule?.stated === "budget.projectAdjustment") listInto = lists.budgeted;
    if (listInto) listFrom = f.end;
    if (listInto === lists.allocatedIn && lists.allocatedIn.length > 0) listInto = undefined;
    if (listInto === lists.spentIn && lists.spentIn.length > 0) listInto = undefined;
    if (listInto === lists.budgeted && lists.budgeted.length > 0) listInto = undefined;
  }
  return { used, ...(total ? { total } : {}) };
}

/**
 * A report that states a total and its change on last year but not last year's total: the
 * prior total is the one the two imply, an input, so that `check` recomputes the growth rate.
 */
function priorFromChange(draft: Draft, total: "income" | "expenditure"): void {
  const now = draft.statedValue(`${total}.total`);
  const change = draft.statedValue(`${total}.change`);
  if (!now || !change || draft.has(`finance.${total}.prior`)) return;
  const dp = Math.max(decimals(now.text), decimals(change.text));
  draft.set(`finance.${total}.prior`, Exact.of(new Dec(now.text).minus(change.text), dp));
}

function decimals(text: string): number {
  return text.split(".")[1]?.length ?? 0;
}

export function ruleOf(f: Figure): Rule | undefined {
  if (f.dim !== "money") return undefined;
  const name = subject(f);
  return RULES.find((r) => r.test.test(name));
}

function addSource(draft: Draft, name: string, amount: Exact): boolean {
  const sources = (draft.get("finance.income.sources") as { name: string }[] | undefined) ?? [];
  if (sources.some((s) => s.name === name)) return false;
  const base = SOURCE_IDS.find(([re]) => re.test(name))?.[1] ?? `source${sources.length + 1}`;
  const id = sources.some((s) => (s as { id?: string }).id === base) ? `${base}${sources.length + 1}` : base;
  if (sources.length === 0) draft.set("finance.income.sources", [{ id, name, amount }]);
  else sources.push({ id, name, amount } as never);
  return true;
}

/** A change or an adjustment: negative when the report says it went down. */
function signed(f: Figure, negative: boolean, unit?: string): Exact {
  const e = unit ? amountIn(f, unit) : exactOf(f);
  return negative && !/^0(\.0*)?$/.test(e.text) ? new Exact(`-${e.text}`) : e;
}

function sameValue(a: unknown, b: Exact): boolean {
  return a instanceof Exact && Number(a.text) === Number(b.text);
}

/** The name of a listed amount: the text since the last one, without the separators and `含`/`其中`. */
function nameBetween(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(/^[\s、，,；;：:（(）)]+/, "").replace(/^(含|其中[：:]?)/, "").trim();
}

/** Money figures of prose that are inputs of the dataset become `{{id}}`, so that they are written once. */
export function placeholders(s: Sentence, draft: Draft, unit: string): string {
  let out = "";
  let at = 0;
  for (const f of s.figures) {
    const rule = ruleOf(f);
    if (!rule?.input || !rule.id || !sameValue(draft.get(rule.input), amountIn(f, unit))) continue;
    out += `${s.text.slice(at, f.start)}{{${rule.id}}}`;
    at = f.end;
  }
  return (out + s.text.slice(at)).trim();
}

function appendProse(draft: Draft, path: string, text: string): void {
  const before = draft.get(path);
  draft.put(path, typeof before === "string" ? before + text : text);
}

function findLastIndex<T>(list: T[], test: (t: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}
