import type { Finding } from "../findings/finding.js";
import type { Located } from "../load/parse.js";
import type { Dataset } from "../model/dataset.js";
import { Builder, type PriorYear } from "./build.js";
import { computeEvaluation } from "./evaluation.js";
import { Figures } from "./figure.js";
import { computeFinance } from "./finance.js";
import { computeIndicators } from "./indicators.js";
import { Inputs } from "./inputs.js";
import { computeProfile } from "./profile.js";
import { resolveSettings, type Settings } from "./settings.js";

/** The computed model: the dataset, its settings, and every figure of the report. */
export interface Model {
  file: string;
  dataset: Dataset;
  settings: Settings;
  figures: Figures;
  inputs: Inputs;
  /** Problems found while computing (unknown ids in formulas…). */
  findings: Finding[];
  /** Checks made while computing, one rule id per check (a stated prior-year figure). */
  checks: string[];
}

/**
 * Computes every figure from a schema-valid dataset. Pure: no I/O — the prior year's model,
 * when the dataset names one, is loaded and computed by the caller.
 */
export function computeModel(located: Located, prior?: PriorYear): Model {
  const dataset = located.data as Dataset;
  const settings = resolveSettings(dataset);
  const inputs = new Inputs(located);
  const figures = new Figures();
  const b = new Builder(figures, inputs, settings, located.source.file, prior);
  computeFinance(b, dataset, settings);
  computeProfile(b, dataset);
  computeIndicators(b, dataset);
  computeEvaluation(b, dataset);
  return { file: located.source.file, dataset, settings, figures, inputs, findings: b.findings, checks: b.checks };
}
