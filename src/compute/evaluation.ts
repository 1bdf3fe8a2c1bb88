import type { Dataset } from "../model/dataset.js";
import { label as l, type Builder } from "./build.js";
import type { Figure } from "./figure.js";

/** The self-assessed score (stated, or Σ of the scorecard) and its grade from the bands. */
export function computeEvaluation(b: Builder, dataset: Dataset): void {
  const evaluation = dataset.evaluation;
  if (!evaluation) return;
  let total: Figure | undefined;
  if (evaluation.scorecard && evaluation.scorecard.length > 0) {
    const rows = evaluation.scorecard.map((row, i) => {
      const base = `/evaluation/scorecard/${i}`;
      const name = `${row.level1}/${row.level2}/${row.level3}`;
      return {
        weight: b.input(`score.items.${i + 1}.weight`, "score", l(`${name}分值`, `${name}: weight`), `${base}/weight`, "分"),
        score: b.input(`score.items.${i + 1}.score`, "score", l(`${name}得分`, `${name}: score`), `${base}/score`, "分"),
      };
    });
    b.sum("score.weights", "score", l("分值合计", "Σ weights"), rows.map((r) => r.weight), "分");
    total = b.sum("score.total", "score", l("自评得分", "self-assessed score"), rows.map((r) => r.score), "分");
    b.input("score.stated", "score", l("填写的自评得分", "score as written"), "/evaluation/score", "分");
  } else {
    total = b.input("score.total", "score", l("自评得分", "self-assessed score"), "/evaluation/score", "分");
  }
  if (!total?.value) return;
  const band = b.settings.gradeBands.find((g) => total.value!.gte(g.min));
  b.figures.add({
    id: "score.grade",
    kind: "text",
    label: l("自评等级", "grade"),
    value: null,
    text: band?.grade ?? "",
    dp: 0,
    formula: b.settings.gradeBands.map((g) => `${g.grade} ≥ ${g.min.toString()}`).join("; "),
    inputs: [total.id],
  });
}
