import { isMap, isScalar } from "yaml";
import type { Figure } from "../compute/figure.js";
import type { Model } from "../compute/model.js";
import { intervalText, ratioRoundsTo, round, roundsTo, ROUNDING_MODES, type RoundingMode } from "../compute/rounding.js";
import type { Finding } from "../findings/finding.js";
import { message, type Message } from "../i18n/messages.js";
import { Dec, parseNumberText } from "../load/numbers.js";
import { escapePointer, nodePos } from "../load/parse.js";
import { nearest } from "../validate/nearest.js";
import { formulaWithValues, show } from "./describe.js";
import { STATIC_IDS } from "../compute/ids.js";

const HUNDRED = new Dec(100);

/**
 * Each figure the dataset states (copied from the final accounts or an old report) against
 * the computed one, at the precision it was written with. Every stated figure is one check,
 * made under its figure's rule (`ran`).
 */
export function checkStated(model: Model, ran: (rule: string) => void, skip: ReadonlySet<string> = new Set()): Finding[] {
  const stated = model.dataset.stated;
  if (!stated) return [];
  const findings: Finding[] = [];
  const mode = model.settings.rounding;
  for (const id of Object.keys(stated)) {
    if (skip.has(id)) continue;
    const pointer = `/stated/${escapePointer(id)}`;
    const node = model.inputs.located.nodes.get(pointer);
    const valueNode = isMap(node) ? node.get("value", true) : node;
    const tolNode = isMap(node) ? node.get("tolerance", true) : undefined;
    if (!isScalar(valueNode)) continue;
    const pos = nodePos(model.inputs.located.positions, valueNode);
    const base = { severity: "error" as const, file: model.file, path: pointer, pos };
    const figure = model.figures.get(id);
    if (!figure && STATIC_IDS.has(id)) {
      // A figure every report may have (income.total, score.grade…), which this dataset's data cannot give.
      ran("stated.not-computable");
      findings.push({ ...base, severity: "warning", code: "stated.not-computable", ...message("check.not-computable", { id, reason: message("missing.no-data") }) });
      continue;
    }
    if (!figure) {
      ran("stated.unknown");
      const guess = nearest(id, model.figures.ids());
      findings.push({ ...base, code: "stated.unknown", ...message("check.unknown-figure", { id }), hint: guess ? message("hint.did-you-mean", { name: guess }) : undefined, pos: model.inputs.keyPos(pointer) });
      continue;
    }
    if (typeof valueNode.value === "string") {
      const grade = checkStatedText(model, figure, valueNode.value, ran);
      if (grade) findings.push({ ...base, ...grade });
      continue;
    }
    if (figure.kind === "text") {
      ran("stated.not-computable");
      findings.push({ ...base, code: "stated.not-computable", ...message("check.text-figure", { id }) });
      continue;
    }
    if (figure.value === null) {
      ran("stated.not-computable");
      const reason = figure.missing ? message("check.not-computable", { id, reason: figure.missing }) : message("check.not-computable-bare", { id });
      findings.push({ ...base, severity: "warning", code: "stated.not-computable", ...reason });
      continue;
    }
    ran(figure.rule);
    const s = parseNumberText(valueNode.source ?? String(valueNode.value));
    const tolerance = isScalar(tolNode) ? parseNumberText(tolNode.source ?? String(tolNode.value)).value : undefined;
    const ok = (m: RoundingMode) => matches(figure, s.value, s.dp, m, tolerance);
    if (ok(mode)) continue;
    const others = tolerance ? [] : ROUNDING_MODES.filter((m) => m !== mode && ok(m));
    const computed = round(figure.value, s.dp, mode);
    const unitText = figure.kind === "percent" ? "%" : "";
    findings.push({
      ...base,
      code: figure.rule,
      ...message("check.mismatch", { label: figure.label, stated: `${s.value.toString()}${unitText}`, computed: `${computed.toFixed(s.dp)}${unitText}` }),
      actual: `${s.value.toString()}${unitText}`,
      expected: `${show(figure.value)}${unitText}`,
      diff: `${show(s.value.minus(figure.value))}${unitText}`,
      tolerance: tolerance
        ? message("check.tolerance-absolute", { value: tolerance.toString() })
        : message(s.dp === 1 ? "check.tolerance-one" : "check.tolerance", { dp: s.dp, mode: modeName(mode), range: `${intervalText(s.value, s.dp, mode)}${unitText}` }),
      formula: formulaWithValues(figure, model.figures),
      hint: others.length > 0 ? message("check.other-modes", { modes: message("list.or", { items: others.map(modeName) }) }) : note(node),
    });
  }
  return findings;
}

/**
 * A stated text figure (`score.grade: 优`) against the grade the score's band gives; a grade
 * the bands do not name asks for the bands the report uses.
 */
function checkStatedText(model: Model, figure: Figure, text: string, ran: (rule: string) => void): Pick<Finding, "code" | "key" | "params" | "expected" | "actual" | "hint"> | undefined {
  if (figure.kind !== "text") {
    ran("figure");
    return { code: "figure", ...message("check.stated-not-number", { id: figure.id, text }) };
  }
  ran("grade");
  if (figure.text === text) return undefined;
  const bands = model.settings.gradeBands;
  const score = model.figures.get(figure.inputs[0] ?? "")?.value;
  if (!bands.some((b) => b.grade === text)) {
    const names = message("list.enumeration", { items: bands.map((b) => b.grade) });
    return { code: "grade", ...message("check.grade-unknown", { stated: text, bands: names, field: "settings.gradeBands" }), actual: text, expected: figure.text };
  }
  return { code: "grade", ...message("check.grade-mismatch", { stated: text, score: show(score), computed: figure.text ?? "" }), actual: text, expected: figure.text };
}

/** The note a stated figure carries (`{ value, note }`): where it was copied from, shown with its finding. */
function note(node: unknown): Message | undefined {
  const text = isMap(node) ? node.get("note") : undefined;
  return typeof text === "string" ? message("check.stated-note", { note: text }) : undefined;
}

function modeName(mode: RoundingMode): Message {
  return { key: `rounding.${mode}` };
}

function matches(figure: Figure, stated: Dec, dp: number, mode: RoundingMode, tolerance: Dec | undefined): boolean {
  const value = figure.value!;
  if (tolerance) return value.minus(stated).abs().lte(tolerance);
  if (figure.ratio) return ratioRoundsTo(figure.ratio.num, figure.ratio.den, HUNDRED, stated, dp, mode);
  return roundsTo(value, stated, dp, mode);
}
