import { isScalar, type Node } from "yaml";
import type { Model } from "../compute/model.js";
import { roundsTo } from "../compute/rounding.js";
import { Dec } from "../load/numbers.js";
import type { Finding } from "../findings/finding.js";
import type { Lang } from "../i18n/lang.js";
import { parseSpec, scanPlaceholders, strayBraces } from "../prose/placeholders.js";
import { nearest } from "../validate/nearest.js";
import { show } from "./describe.js";
import { M } from "./messages.js";

type Rule = (model: Model, lang: Lang) => Finding[];

function at(model: Model, pointer: string, code: string, message: string, severity: Finding["severity"] = "error"): Finding {
  return { code, severity, message, file: model.file, path: pointer, pos: model.inputs.pos(pointer) };
}

/** "内设科室19个" against the names listed. */
const listedCounts: Rule = (model, lang) => {
  const org = model.dataset.profile.organisation;
  const lists = [
    ["internalOffices", org?.internalOffices, lang === "zh" ? "内设科室" : "internal offices"],
    ["affiliatedUnits", org?.affiliatedUnits, lang === "zh" ? "所属单位" : "affiliated units"],
  ] as const;
  return lists.flatMap(([key, list, what]) =>
    list && list.count !== undefined && list.count !== list.items.length
      ? [{ ...at(model, `/profile/organisation/${key}/count`, "listed-count", M[lang].listedCount(what, list.count, list.items.length)), expected: String(list.items.length), actual: String(list.count) }]
      : [],
  );
};

/** Σ special-fund spending against the project expenditure; each fund within its allocation. */
const fundSpending: Rule = (model, lang) => {
  const out: Finding[] = [];
  const funds = model.dataset.finance.specialFunds ?? [];
  const project = model.figures.get("expenditure.project");
  const listed = model.figures.get("funds.spent");
  if (project?.value && listed?.value) {
    const complete = funds.every((f) => f.spent !== undefined);
    if (complete && !roundsTo(listed.value, project.value, project.dp, model.settings.rounding)) {
      out.push({ ...at(model, "/finance/expenditure/project", "fund-spending", M[lang].fundsSpentTotal(show(listed.value), show(project.value))), expected: show(listed.value), actual: show(project.value), formula: listed.formula });
    } else if (!complete && listed.value.gt(project.value)) {
      out.push({ ...at(model, "/finance/expenditure/project", "fund-spending", M[lang].fundsSpentExceeds(show(listed.value), show(project.value))), formula: listed.formula });
    }
  }
  funds.forEach((fund, i) => {
    const spent = model.figures.get(`fund.${fund.id}.spent`)?.value;
    const allocated = model.figures.get(`fund.${fund.id}.allocated`)?.value;
    if (spent && allocated && spent.gt(allocated)) {
      out.push(at(model, `/finance/specialFunds/${i}/spent`, "fund-balance", M[lang].overspent(fund.name, show(spent), show(allocated)), "warning"));
    }
  });
  return out;
};

/** Spending above income is legitimate only when carry-over covers it: ask the user to say so. */
const overspending: Rule = (model, lang) => {
  const income = model.figures.get("income.total")?.value;
  const expenditure = model.figures.get("expenditure.total")?.value;
  if (!income || !expenditure || expenditure.lte(income)) return [];
  return [{ ...at(model, "/finance/expenditure", "carry-over", M[lang].overspending(show(income), show(expenditure)), "warning"), pos: model.inputs.keyPos("/finance/expenditure") }];
};

/** Scores within their weights, a stated score equal to the scorecard, bands in order, no inflated 100. */
const scoring: Rule = (model, lang) => {
  const out: Finding[] = [];
  const evaluation = model.dataset.evaluation;
  (evaluation?.scorecard ?? []).forEach((row, i) => {
    const score = model.figures.get(`score.items.${i + 1}.score`)?.value;
    const weight = model.figures.get(`score.items.${i + 1}.weight`)?.value;
    if (score && weight && score.gt(weight)) {
      out.push(at(model, `/evaluation/scorecard/${i}/score`, "score-weight", M[lang].scoreOverWeight(row.level3, show(score), show(weight))));
    }
  });
  const total = model.figures.get("score.total")?.value;
  const stated = model.figures.get("score.stated");
  if (total && stated?.value && !stated.value.eq(total)) {
    out.push({ ...at(model, "/evaluation/score", "score-total", M[lang].scoreTotal(show(stated.value), show(total))), expected: show(total), actual: show(stated.value) });
  }
  const weights = model.figures.get("score.weights")?.value;
  const top = weights ?? new Dec(100);
  if (total && total.gt(top)) {
    out.push({ ...at(model, evaluation?.scorecard ? "/evaluation/scorecard" : "/evaluation/score", "score-total", M[lang].scoreAboveMax(show(total), show(top))), expected: `≤ ${show(top)}`, actual: show(total) });
  }
  if (weights && !weights.eq(100)) out.push(at(model, "/evaluation/scorecard", "score-weight", M[lang].weightsTotal(show(weights)), "warning"));
  const bands = model.settings.gradeBands;
  if (bands.some((b, i) => i > 0 && !b.min.lt(bands[i - 1]!.min))) out.push(at(model, "/settings/gradeBands", "grade-bands", M[lang].bandsOrder()));
  // MOF: "严禁刻意抬高分数" — a full score next to unmet indicators deserves a second look.
  if (total && total.gte(100)) {
    const unmet = model.figures.all().filter((f) => f.id.endsWith(".completion") && f.value && f.value.lt(100));
    if (unmet.length > 0) out.push(at(model, "/evaluation/score", "score-inflation", M[lang].inflation(show(total), unmet.map((f) => f.label[lang]).join("、")), "warning"));
  }
  return out;
};

/** Every {{id}} in the prose names a figure that exists and can be computed. */
const placeholders: Rule = (model, lang) => {
  const out: Finding[] = [];
  const { located } = model.inputs;
  for (const [pointer, node] of located.nodes) {
    if (!isScalar(node) || typeof node.value !== "string" || !/\{\{|\}\}/.test(node.value)) continue;
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
        out.push({ ...base, code: "placeholder", message: M[lang].placeholderUnknown(p.id), hint: guess ? M[lang].didYouMean(guess) : undefined });
      } else if (!parseSpec(p.spec)) {
        out.push({ ...base, code: "placeholder", message: M[lang].placeholderFormat(p.spec ?? "") });
      } else if (figure.value === null && figure.kind !== "text") {
        out.push({ ...base, code: "placeholder", message: M[lang].placeholderMissing(p.id, figure.missing?.[lang] ?? "") });
      } else {
        // "{{schools.target}}所" prints "12所所": the placeholder already carries the unit.
        const unit = figure.kind === "amount" ? model.settings.displayUnit : figure.unit;
        const after = node.value.slice(p.offset + p.raw.length);
        if (unit && p.spec !== "n" && after.startsWith(unit)) {
          out.push({ ...base, severity: "warning", code: "placeholder", message: M[lang].placeholderUnitTwice(p.id, unit) });
        }
      }
    }
    // Braces left over after the placeholders are a placeholder typed wrong ({{x}, {x}}, {{x}}}).
    const stray = strayBraces(node.value);
    if (stray) {
      // The stray braces are the n-th "{{" (or "}}", "{", "}") of the value; find the n-th in the source.
      const nth = node.value.slice(0, stray.index).split(stray.raw).length - 1;
      const around = node.value.slice(Math.max(0, stray.index - 12), stray.index + 24);
      out.push({ severity: "error", file: model.file, path: pointer, pos: placeholderPos(model, node, stray.raw, nth), code: "placeholder", message: M[lang].placeholderMalformed(around) });
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

export const RULES: readonly Rule[] = [listedCounts, fundSpending, overspending, scoring, placeholders];


