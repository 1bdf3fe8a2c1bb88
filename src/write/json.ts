import type { Figure } from "../compute/figure.js";
import type { Writer } from "./writer.js";
import type { Model } from "../compute/model.js";
import { render } from "../i18n/messages.js";

/** The computed model with provenance, for other tools: exact values as strings, never floats. */
export function toJson(model: Model): string {
  const figures = Object.fromEntries(model.figures.all().map((f) => [f.id, figureJson(f)]));
  return `${JSON.stringify({ file: model.file, unit: model.dataset.unit.name, year: model.dataset.year, settings: { ...model.settings, gradeBands: model.settings.gradeBands.map((b) => ({ grade: b.grade, min: b.min.toString() })) }, figures }, null, 2)}\n`;
}

function figureJson(f: Figure) {
  return {
    label: render("zh", f.label),
    kind: f.kind,
    value: f.kind === "text" ? (f.text ?? null) : (f.value?.toString() ?? null),
    dp: f.dp,
    unit: f.unit,
    formula: f.formula,
    inputs: f.inputs.length > 0 ? f.inputs : undefined,
    source: f.source ? { pointer: f.source.pointer, line: f.source.pos.line, col: f.source.pos.col } : undefined,
    missing: f.missing && render("zh", f.missing),
  };
}

export const writer: Writer = { format: "json", write: async (document) => toJson(document.model) };
