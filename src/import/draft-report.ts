import type { AuditDocument } from "../audit/document.js";
import { findFigures } from "../audit/figures.js";
import { Draft, Exact } from "./draft.js";
import { isEvaluation, readEvaluation } from "./evaluation.js";
import { amountUnitOf, FINANCE_PARTS, readFinance } from "./finance.js";
import { readFunds } from "./funds.js";
import { readIndicators } from "./indicators.js";
import { paragraphs, readItems } from "./items.js";
import type { Part } from "./outline.js";
import { readDuties, readOrganisation, readStaffing, selfNameOf } from "./profile.js";
import { outline, type Piece } from "./sections.js";
import { readCover, readProfileTable } from "./table-form.js";
import { readTitle } from "./title.js";

/** read → blocks → the family's parts → a dataset: pure, so tests call it on any document. */
export function draftReport(doc: AuditDocument): { draft: Draft; family: string } {
  const o = outline(doc);
  const draft = new Draft();
  // The parts some reader takes: text under any other heading (one that holds nothing of its own) is a TODO.
  const read = new Set<Part>(FINANCE_PARTS);
  const part = (p: Part) => {
    read.add(p);
    return o.parts.get(p) ?? [];
  };
  const all = [...o.front, ...[...o.parts.values()].flat()];
  const figures = doc.blocks.flatMap((b) => findFigures(b.text));
  const money = figures.filter((f) => f.dim === "money");
  const unit = amountUnitOf(money);

  const cover = readCover(o.front, draft);
  const title = readTitle(o.front.filter((p) => !cover.includes(p)));
  if (o.family.id !== "six-part") draft.set("report.template", o.family.id);
  if (o.family.id === "table-form" && draft.has("unit.name")) {
    // The cover names the unit; the title's words before the year are the region (`岳阳市2018年度部门整体支出`).
    if (title.unit && title.unit !== draft.get("unit.name")) draft.set("report.cover.region", title.unit);
    title.unit = undefined;
    title.title = undefined;
  }
  if (title.unit) draft.set("unit.name", title.unit);
  const self = selfNameOf(all);
  if (self) draft.set("unit.selfName", self);
  const year = title.year ?? commonestYear(doc);
  if (year) draft.set("year", new Exact(String(year)));
  if (title.title) draft.set("title", title.title);
  for (const p of o.front) if (!title.used.includes(p) && !cover.includes(p)) draft.leave("front", p);

  readDuties(part("duties"), draft);
  readOrganisation(part("organisation"), draft);
  readStaffing(part("staffing"), draft);
  readProfileTable(part("profileTable"), draft);
  const score = part("score").find(isEvaluation);
  if (score) {
    readEvaluation(score, draft, false);
    const documents = [...score.text.matchAll(/《([^》]+)》(?:（([^）]+)）)?/g)].map((m) => ({ title: m[1]!, ...(m[2] ? { number: m[2] } : {}) }));
    if (documents.length > 0) draft.set("documents", documents);
  }
  for (const p of part("score")) if (p !== score) draft.leave("score", p);

  const lists = readFinance(o.parts, draft, unit);
  readFunds(part("fundUse"), lists, draft, unit);
  const growth = figures.find((f) => f.dim === "percent" && f.role === "rate" && /增长|下降/.test(f.cue));
  const percentDecimals = growth?.dp ?? 2;
  draft.set("settings", {
    amountUnit: unit,
    rounding: "half-up",
    percentDecimals: new Exact(String(percentDecimals)),
    ...(money.filter((f) => /\d,\d{3}/.test(f.text)).length * 2 > money.filter((f) => f.value.abs().gte(1000)).length ? { thousandsSeparator: true } : {}),
    // Reports that print a sum only as precisely as its coarsest part (4086.21 + … written 4426).
    ...(new Set(money.map((f) => (f.dp === 0 ? 0 : 1))).size > 1 ? { amountDecimals: "significant" } : {}),
  });

  const narrative: [string, Piece[], boolean][] = [
    ["fundManagement", part("fundManagement"), false],
    ["organisation", part("projectOrganisation"), true],
    ["management", part("projectManagement"), false],
    ["goals", part("goals"), false],
    ["management", part("analysis"), false],
  ];
  for (const [key, pieces, numbered] of narrative) {
    const texts = paragraphs(pieces, numbered);
    if (texts.length > 0) draft.set(`narrative.${key}`, texts);
  }
  for (const p of part("implementation")) draft.leave("implementation", p);

  const achievementPieces = part("achievements");
  const evaluation = achievementPieces.find(isEvaluation);
  if (evaluation) readEvaluation(evaluation, draft, true);
  else {
    const elsewhere = all.find(isEvaluation);
    if (elsewhere) readEvaluation(elsewhere, draft, false);
  }
  const items = readItems(achievementPieces.filter((p) => p !== evaluation), "achievements", draft);
  if (items.length > 0) draft.set("achievements", readIndicators(items, draft, percentDecimals));
  for (const key of ["problems", "measures"] as const) {
    const list = readItems(part(key), key, draft).map((i) => ({ title: i.title, ...(i.text ? { text: i.text } : {}) }));
    if (list.length > 0) draft.set(`narrative.${key}`, list);
  }
  for (const [p, pieces] of o.parts) if (!read.has(p)) for (const piece of pieces) draft.leave(p, piece);
  fillRequired(draft);
  return { draft, family: o.family.id };
}

/** The year most often written `20xx年` in the report, when the title does not give it. */
function commonestYear(doc: AuditDocument): number | undefined {
  const counts = new Map<string, number>();
  for (const b of doc.blocks) for (const m of b.text.matchAll(/(?<!\d)((?:19|20)\d{2})年/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? Number(best[0]) : undefined;
}

/**
 * The two fields the schema requires, when the report did not give them: a placeholder the
 * draft marks TODO, so that the draft loads and `check` runs on what was read. Everything
 * else is optional and left out when the report does not say it.
 */
function fillRequired(draft: Draft): void {
  if (draft.set("unit.name", "TODO")) draft.note("unit.name", { key: "import.todo.missing" });
  if (draft.set("year", new Exact(String(new Date().getFullYear())))) draft.note("year", { key: "import.todo.missing" });
}
