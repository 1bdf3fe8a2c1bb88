import { isScalar, type Node } from "yaml";
import { ids } from "../compute/ids.js";
import type { Model } from "../compute/model.js";
import { roundsTo } from "../compute/rounding.js";
import { Dec } from "../load/numbers.js";
import type { Finding } from "../findings/finding.js";
import { message } from "../i18n/messages.js";
import { parseSpec, scanPlaceholders, strayBraces } from "../prose/placeholders.js";
import { fundList } from "../model/funds.js";
import { nearest } from "../validate/nearest.js";
import { at, type Rule } from "./at.js";
import { byUnit } from "./by-unit.js";
import { carryOver } from "./carry-over.js";
import { show } from "./describe.js";
import { listedCounts, staffCounts } from "./profile.js";
import { unfilled } from "./unfilled.js";

/** Σ special-fund spending against the project expenditure; each fund within its allocation. */
const fundSpending: Rule = (model, ran) => {
  const out: Finding[] = [];
  const list = fundList(model.dataset);
  const funds = list.items;
  const project = model.figures.get(ids.expenditure.project.amount);
  const listed = model.figures.get(ids.funds.spent);
  if (project?.value && listed?.value) {
    ran("fund-spending");
    // A partial list, or one whose funds do not all state their spending, only has to stay within the project spending.
    const complete = list.complete && funds.every((f) => f.spent !== undefined);
    const amounts = { sum: show(listed.value), project: show(project.value) };
    if (complete && !roundsTo(listed.value, project.value, project.dp, model.settings.rounding)) {
      out.push({ ...at(model, "/finance/expenditure/project", "fund-spending", message("check.funds-spent-total", amounts)), expected: show(listed.value), actual: show(project.value), formula: listed.formula });
    } else if (!complete && listed.value.gt(project.value)) {
      out.push({ ...at(model, "/finance/expenditure/project", "fund-spending", message("check.funds-spent-exceeds", amounts)), formula: listed.formula });
    }
  }
  funds.forEach((fund, i) => {
    const id = ids.fund(fund.id);
    const spent = model.figures.get(id.spent)?.value;
    const allocated = model.figures.get(id.allocated)?.value;
    if (!spent || !allocated) return;
    ran("fund-balance");
    if (spent.gt(allocated)) {
      out.push(at(model, `${list.pointer(i)}/spent`, "fund-balance", message("check.overspent", { name: fund.name, spent: show(spent), allocated: show(allocated) }), "warning"));
    }
  });
  return out;
};

/** Scores within their weights, a stated score equal to the scorecard, bands in order, no inflated 100. */
const scoring: Rule = (model, ran) => {
  const out: Finding[] = [];
  const evaluation = model.dataset.evaluation;
  const S = ids.score;
  (evaluation?.scorecard ?? []).forEach((row, i) => {
    const score = model.figures.get(S.item(i + 1).score)?.value;
    const weight = model.figures.get(S.item(i + 1).weight)?.value;
    if (!score || !weight) return;
    ran("score-weight");
    if (score.gt(weight)) {
      out.push(at(model, `/evaluation/scorecard/${i}/score`, "score-weight", message("check.score-over-weight", { name: row.level3, score: show(score), weight: show(weight) })));
    }
  });
  const total = model.figures.get(S.total)?.value;
  const stated = model.figures.get(S.stated);
  if (total && stated?.value) {
    ran("score-total");
    if (!stated.value.eq(total)) {
      out.push({ ...at(model, "/evaluation/score", "score-total", message("check.score-total", { stated: show(stated.value), sum: show(total) })), expected: show(total), actual: show(stated.value) });
    }
  }
  const weights = model.figures.get(S.weights)?.value;
  const top = weights ?? new Dec(100);
  if (total) {
    ran("score-total");
    if (total.gt(top)) {
      out.push({ ...at(model, evaluation?.scorecard ? "/evaluation/scorecard" : "/evaluation/score", "score-total", message("check.score-above-max", { score: show(total), max: show(top) })), expected: `≤ ${show(top)}`, actual: show(total) });
    }
  }
  if (weights) {
    ran("score-weight");
    if (!weights.eq(100)) out.push(at(model, "/evaluation/scorecard", "score-weight", message("check.weights-total", { sum: show(weights) }), "warning"));
  }
  // The default bands are in order; the dataset's own are checked.
  if (model.dataset.settings?.gradeBands) {
    ran("grade-bands");
    const bands = model.settings.gradeBands;
    if (bands.some((b, i) => i > 0 && !b.min.lt(bands[i - 1]!.min))) out.push(at(model, "/settings/gradeBands", "grade-bands", message("check.bands-order")));
  }
  // A score below every band has no grade (score.grade without text): say so where the score is.
  const grade = model.figures.get(S.grade);
  if (total && grade) {
    ran("grade-bands");
    const lowest = model.settings.gradeBands.reduce((low, b) => (b.min.lt(low.min) ? b : low));
    if (grade.text === undefined) {
      const where = evaluation?.score !== undefined ? "/evaluation/score" : "/evaluation/scorecard";
      out.push(at(model, where, "grade-bands", message("check.grade-below-bands", { score: show(total), grade: lowest.grade, min: show(lowest.min) })));
    }
  }
  // MOF: "严禁刻意抬高分数" — a full score next to unmet indicators deserves a second look.
  if (total && total.gte(100)) {
    ran("score-inflation");
    const unmet = model.figures.all().filter((f) => f.rule === "completion-rate" && f.value && f.value.lt(100));
    if (unmet.length > 0) out.push(at(model, "/evaluation/score", "score-inflation", message("check.inflation", { score: show(total), names: message("list.enumeration", { items: unmet.map((f) => f.label) }) }), "warning"));
  }
  return out;
};

/** Every {{id}} in the prose names a figure that exists and can be computed. */
const placeholders: Rule = (model, ran) => {
  const out: Finding[] = [];
  const { located } = model.inputs;
  for (const [pointer, node] of located.nodes) {
    if (!isScalar(node) || typeof node.value !== "string" || !/\{\{|\}\}/.test(node.value)) continue;
    ran("placeholder");
    const seen = new Map<string, number>();
    for (const p of scanPlaceholders(node.value)) {
      const nth = seen.get(p.raw) ?? 0;
      seen.set(p.raw, nth + 1);
      // Positions are worked out only for the placeholders that have something to say.
      const base = {
        severity: "error" as const,
        file: model.file,
        path: pointer,
        get pos() {
          return placeholderPos(model, node, p.raw, nth);
        },
      };
      const figure = model.figures.get(p.id);
      if (!figure) {
        const guess = nearest(p.id, model.figures.ids());
        out.push({ ...base, code: "placeholder", ...message("check.placeholder-unknown", { id: p.id }), hint: guess ? message("hint.did-you-mean", { name: guess }) : undefined });
      } else if (!parseSpec(p.spec)) {
        out.push({ ...base, code: "placeholder", ...message("check.placeholder-format", { spec: p.spec ?? "" }) });
      } else if (figure.value === null && figure.kind !== "text") {
        out.push({ ...base, code: "placeholder", ...message("check.placeholder-missing", { id: p.id, reason: figure.missing ?? "" }) });
      } else {
        // "{{schools.target}}所" prints "12所所": the placeholder already carries the unit.
        const unit = figure.kind === "amount" ? model.settings.displayUnit : figure.unit;
        const after = node.value.slice(p.offset + p.raw.length);
        if (unit && p.spec !== "n" && after.startsWith(unit)) {
          out.push({ ...base, severity: "warning", code: "placeholder", ...message("check.placeholder-unit-twice", { id: p.id, unit }) });
        }
      }
    }
    // Braces left over after the placeholders are a placeholder typed wrong ({{x}, {x}}, {{x}}}).
    const stray = strayBraces(node.value);
    if (stray) {
      // The stray braces are the n-th "{{" (or "}}", "{", "}") of the value; find the n-th in the source.
      const nth = node.value.slice(0, stray.index).split(stray.raw).length - 1;
      const around = node.value.slice(Math.max(0, stray.index - 12), stray.index + 24);
      out.push({ severity: "error", file: model.file, path: pointer, pos: placeholderPos(model, node, stray.raw, nth), code: "placeholder", ...message("check.placeholder-malformed", { around }) });
    }
  }
  return out;
};

/** The placeholder's own line and column: its `nth` occurrence in the scalar's source text. */
function placeholderPos(model: Model, node: Node, raw: string, nth: number): Finding["pos"] {
  const { located } = model.inputs;
  const [start, end] = node.range ?? [0, 0];
  const text = located.source.text.slice(start, end);
  let index = text.indexOf(raw);
  for (let k = 0; k < nth && index >= 0; k++) index = text.indexOf(raw, index + 1);
  if (index < 0) return located.positions.at(start);
  return located.positions.span(start + index, start + index + raw.length);
}

export const RULES: readonly Rule[] = [listedCounts, fundSpending, carryOver, scoring, placeholders, byUnit, staffCounts, unfilled];


