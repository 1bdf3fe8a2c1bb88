import { Draft, Exact } from "./draft.js";
import type { Piece } from "./sections.js";

/** Cover lines of the table-form report: `部门（单位）名称：…`, `预 算 编 码：…`, `评价方式：…`. */
const COVER: [RegExp, string][] = [
  [/^部门(（单位）)?名称$/, "unit.name"],
  [/^预算编码$/, "unit.code"],
  [/^评价方式$/, "report.cover.method"],
  [/^评价机构$/, "report.cover.evaluator"],
  [/^报告日期$/, "report.cover.date"],
];

/** Reads the cover's labelled lines and the issuer (`岳阳市财政局（制）`); returns the pieces it placed. */
export function readCover(front: Piece[], draft: Draft): Piece[] {
  const used: Piece[] = [];
  for (const p of front) {
    const m = /^([^：:]{2,16})[：:]\s*(.+)$/.exec(p.text);
    const label = m?.[1]!.replace(/\s+/g, "");
    const field = label === undefined ? undefined : COVER.find(([re]) => re.test(label))?.[1];
    if (m && field) {
      draft.set(field, m[2]!.trim());
      used.push(p);
    } else if (/^\S{2,30}（制）$/.test(p.text)) {
      draft.set("report.cover.issuer", p.text);
      used.push(p);
    }
  }
  return used;
}

/** The 基本概况 form table: label cells followed by their values, two pairs a row or one wide one. */
export function readProfileTable(pieces: Piece[], draft: Draft): void {
  for (const piece of pieces) {
    const block = piece.block;
    if (block.kind !== "row") {
      draft.leave("profileTable", piece);
      continue;
    }
    const cells = block.cells;
    let used = false;
    for (let i = 0; i + 1 < cells.length; i += 2) {
      const label = cells[i]!.replace(/\s+/g, "");
      const value = cells[i + 1]!.trim();
      if (label === "" || value === "") continue;
      const path = profilePath(label, value);
      if (!path) continue;
      used = draft.set(path.path, path.value) || used;
    }
    if (!used) draft.leave("profileTable", piece);
  }
}

function profilePath(label: string, value: string): { path: string; value: Draft["data"][string] } | undefined {
  const count = /^\d+$/.test(value) ? new Exact(value) : undefined;
  if (label === "联系人") return { path: "unit.contact.person", value };
  if (/^(联络|联系)电话$/.test(label)) return { path: "unit.contact.phone", value };
  if (/^(人员)?编制(人数|数)?$/.test(label) && count) return { path: "profile.staffing.authorised", value: count };
  if (/^实有人数$/.test(label) && count) return { path: "profile.staffing.staffInPost", value: count };
  if (/^职能职责(概述)?$/.test(label)) return { path: "profile.duties", value: [value] };
  if (/^年度主要工作内容$/.test(label)) return { path: "narrative.tasks", value: numberedList(value) };
  if (/总体运行情况/.test(label)) return { path: "narrative.overall", value: [value] };
  return undefined;
}

/** `1.完成… 2.做好…` in one cell: the items, their numbers off. */
function numberedList(text: string): string[] {
  const items = text.split(/\s*(?:^|\s)\d+[.．、](?!\d)\s*/).map((t) => t.trim()).filter((t) => t !== "");
  return items.length > 0 ? items : [text];
}
