import { message, type Message } from "../i18n/messages.js";
import type { Dataset } from "../model/dataset.js";
import type { Builder } from "./build.js";
import type { Figure } from "./figure.js";
import { ids } from "./ids.js";

/** Staff and organisation counts, as the report gives them: totals with or without a breakdown. */
export function computeProfile(b: Builder, dataset: Dataset): void {
  computeStaffing(b, dataset);
  for (const list of orgLists(dataset)) {
    const pointer = list.pointer;
    // A partial list (…等16个股室) counts what the report says; a full one counts its names.
    if (list.items && !list.partial) b.count(list.figure, list.label, list.items, `${pointer}/items`, "个");
    else b.input(list.figure, "count", list.label, `${pointer}/count`, "个");
  }
}

function computeStaffing(b: Builder, dataset: Dataset): void {
  const staffing = dataset.profile?.staffing;
  const S = ids.staff;
  const base = "/profile/staffing";
  const posts = (staffing?.authorisedPosts ?? []).map((post, i) =>
    b.input(S.post(i + 1), "count", message("figure.name", { name: post.type }), `${base}/authorisedPosts/${i}/count`, "人"),
  );
  // A stated total is the figure (its breakdown is checked against it); otherwise Σ of the breakdown.
  if (!b.input(S.authorised, "count", message("figure.staff.authorised"), `${base}/authorised`, "人") && posts.length > 0) {
    b.sum(S.authorised, "count", message("figure.staff.authorised"), posts, "人");
  }
  b.input(S.inPost, "count", message("figure.staff.inPost"), `${base}/staffInPost`, "人");
  b.input(S.temporary, "count", message("figure.staff.temporary"), `${base}/temporaryStaff`, "名");
  const retirees = b.input(S.retirees, "count", message("figure.staff.retirees"), `${base}/retirees`, "人");
  const veterans = b.input(S.retiredVeterans, "count", message("figure.staff.retiredVeterans"), `${base}/retiredVeterans`, "人");
  if (!b.input(S.retiredTotal, "count", message("figure.staff.retiredTotal"), `${base}/retiredTotal`, "人") && veterans && retirees) {
    b.sum(S.retiredTotal, "count", message("figure.staff.retiredTotal"), [veterans, retirees], "人");
  }
  const units: (Figure | undefined)[] = (staffing?.byUnit ?? []).map((row, k) => {
    const id = S.unit(k + 1);
    const rowBase = `${base}/byUnit/${k}`;
    const parts = (row.parts ?? []).map((part, m) =>
      b.input(id.part(m + 1), "count", message("figure.staff.unit.part", { unit: row.unit, type: part.type }), `${rowBase}/parts/${m}/count`, "人"),
    );
    const label = message("figure.staff.unit", { unit: row.unit });
    return b.input(id.count, "count", label, `${rowBase}/count`, "人") ?? b.sum(id.count, "count", label, parts, "人");
  });
  if (!b.input(S.headcount, "count", message("figure.staff.headcount"), `${base}/headcount`, "人") && units.length > 0) {
    b.sum(S.headcount, "count", message("figure.staff.headcount"), units, "人");
  }
}

/** One organisation list: the two of their own (内设科室, 所属事业单位) and every one of `lists`. */
export interface OrgList {
  figure: string;
  /** The count figure's label. */
  label: Message;
  /** The list's name in a finding ("内设科室", or the dataset's own label). */
  name: Message;
  pointer: string;
  count?: number;
  partial: boolean;
  items?: string[];
}

export function orgLists(dataset: Dataset): OrgList[] {
  const org = dataset.profile?.organisation;
  if (!org) return [];
  const base = "/profile/organisation";
  const fixed = [
    ["internalOffices", org.internalOffices, ids.org.internalOffices, message("figure.org.internalOffices")],
    ["affiliatedUnits", org.affiliatedUnits, ids.org.affiliatedUnits, message("figure.org.affiliatedUnits")],
  ] as const;
  const out: OrgList[] = [];
  for (const [key, list, figure, label] of fixed) {
    if (!list) continue;
    const name = list.label ? message("verbatim", { text: list.label }) : message(`org.${key}`);
    out.push({ figure, label: list.label ? message("figure.org.list", { label: list.label }) : label, name, pointer: `${base}/${key}`, count: list.count, partial: list.partial === true, items: list.items });
  }
  (org.lists ?? []).forEach((list, i) => {
    out.push({ figure: ids.org.list(list.id), label: message("figure.org.list", { label: list.label }), name: message("verbatim", { text: list.label }), pointer: `${base}/lists/${i}`, count: list.count, partial: list.partial === true, items: list.items });
  });
  return out;
}
