import { DEFAULT_GRADE_BANDS } from "../compute/settings.js";
import { Draft, Exact } from "./draft.js";
import type { Piece } from "./sections.js";

const SCORE = /(自评得分|自评分数|综合评分|评价得分|自评总分|综合得分)为?\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分/;
const GRADE = /(?:自评)?等级为[“"]?([^，,。”"]+)/;

/** `通过…分析，我局绩效目标完成好，自评得分为94分，自评等级为优秀。2020年我局绩效考核为优。` */
export function isEvaluation(piece: Piece): boolean {
  return SCORE.test(piece.text);
}

export function readEvaluation(piece: Piece, draft: Draft, consume: boolean): void {
  const text = piece.text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = SCORE.exec(text)!;
  draft.set("evaluation.score", new Exact(m[2]!));
  const grade = GRADE.exec(text.slice(m.index))?.[1];
  const band = DEFAULT_GRADE_BANDS.find((b) => Number(m[2]) >= b.min);
  if (grade && band && grade !== band.grade) draft.note("evaluation.score", { key: "import.note.grade", params: { grade, computed: band.grade } });
  if (!consume) return;
  const summary = text.slice(0, m.index).replace(/[，,]\s*$/, "").trim();
  if (summary) draft.set("evaluation.summary", summary);
  const end = text.indexOf("。", m.index);
  const closing = end < 0 ? "" : text.slice(end + 1).trim();
  if (closing) draft.set("evaluation.closing", closing);
}
