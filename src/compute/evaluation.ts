import { message } from "../i18n/messages.js";
import type { Dataset } from "../model/dataset.js";
import type { Builder } from "./build.js";
import type { Figure } from "./figure.js";
import { ids } from "./ids.js";

/** The self-assessed score (stated, or Σ of the scorecard) and its grade from the bands. */
export function computeEvaluation(b: Builder, dataset: Dataset): void {
  const evaluation = dataset.evaluation;
  if (!evaluation) return;
  const S = ids.score;
  let total: Figure | undefined;
  if (evaluation.scorecard && evaluation.scorecard.length > 0) {
    const rows = evaluation.scorecard.map((row, i) => {
      const base = `/evaluation/scorecard/${i}`;
      const name = { name: `${row.level1}/${row.level2}/${row.level3}` };
      const id = S.item(i + 1);
      return {
        weight: b.input(id.weight, "score", message("figure.score.weight", name), `${base}/weight`, "分"),
        score: b.input(id.score, "score", message("figure.score.score", name), `${base}/score`, "分"),
      };
    });
    b.sum(S.weights, "score", message("figure.score.weights"), rows.map((r) => r.weight), "分");
    total = b.sum(S.total, "score", message("figure.score.total"), rows.map((r) => r.score), "分");
    b.input(S.stated, "score", message("figure.score.stated"), "/evaluation/score", "分");
  } else {
    total = b.input(S.total, "score", message("figure.score.total"), "/evaluation/score", "分");
  }
  if (!total?.value) return;
  const band = b.settings.gradeBands.find((g) => total.value!.gte(g.min));
  b.figures.add({
    id: S.grade,
    kind: "text",
    label: message("figure.score.grade"),
    value: null,
    // Below every band there is no grade: no text (the report leaves the sentence out) and a reason.
    text: band?.grade,
    missing: band ? undefined : message("missing.below-bands"),
    dp: 0,
    formula: b.settings.gradeBands.map((g) => `${g.grade} ≥ ${g.min.toString()}`).join("; "),
    rule: "figure",
    inputs: [total.id],
  });
}
