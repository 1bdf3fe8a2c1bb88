import type { Figure } from "../compute/figure.js";
import { ids } from "../compute/ids.js";
import { orgLists } from "../compute/profile.js";
import type { Finding } from "../findings/finding.js";
import { message, type Message } from "../i18n/messages.js";
import { Dec } from "../load/numbers.js";
import { at, type Rule } from "./at.js";

/**
 * "内设科室19个" against the names listed: equal for a full list, at least as many for one
 * that ends in 等 (`partial`).
 */
export const listedCounts: Rule = (model, ran) =>
  orgLists(model.dataset).flatMap((list) => {
    if (list.count === undefined || !list.items) return [];
    ran("listed-count");
    const listed = list.items.length;
    if (list.partial ? list.count >= listed : list.count === listed) return [];
    const what = message(list.partial ? "check.listed-count-partial" : "check.listed-count", { what: list.name, stated: list.count, listed });
    return [{ ...at(model, `${list.pointer}/count`, "listed-count", what), expected: list.partial ? `≥ ${listed}` : String(listed), actual: String(list.count) }];
  });

/**
 * Staff totals the report states against their breakdowns: authorised posts by type, 离休 +
 * 退休 = 离退休, each unit's parts, and the units against the headcount.
 */
export const staffCounts: Rule = (model, ran) => {
  const staffing = model.dataset.profile?.staffing;
  if (!staffing) return [];
  const S = ids.staff;
  const out: Finding[] = [];
  const figure = (id: string) => model.figures.get(id);
  const base = "/profile/staffing";
  const check = (field: string, stated: number | undefined, parts: (Figure | undefined)[], what: Message) => {
    const present = parts.filter((p): p is Figure => p?.value != null);
    if (stated === undefined || present.length === 0) return;
    // With only some parts given, they can only be at most the total.
    const partial = present.length < parts.length;
    ran("staff-count");
    const sum = present.reduce((acc, p) => acc.plus(p.value!), new Dec(0));
    if (partial ? sum.lte(stated) : sum.eq(stated)) return;
    const key = partial ? "check.staff-parts-exceed" : "check.staff-breakdown";
    out.push({ ...at(model, `${base}/${field}`, "staff-count", message(key, { what, stated, sum: sum.toString() })), expected: partial ? `≥ ${sum.toString()}` : sum.toString(), actual: String(stated), formula: present.map((p) => p.id).join(" + ") });
  };
  const posts = (staffing.authorisedPosts ?? []).map((_, i) => figure(S.post(i + 1)));
  check("authorised", staffing.authorised, posts, message("figure.staff.authorised"));
  check("retiredTotal", staffing.retiredTotal, [figure(S.retiredVeterans), figure(S.retirees)], message("figure.staff.retiredTotal"));
  (staffing.byUnit ?? []).forEach((row, k) => {
    const parts = (row.parts ?? []).map((_, m) => figure(S.unit(k + 1).part(m + 1)));
    check(`byUnit/${k}/count`, row.count, parts, message("figure.staff.unit", { unit: row.unit }));
  });
  const units = (staffing.byUnit ?? []).map((_, k) => figure(S.unit(k + 1).count));
  check("headcount", staffing.headcount, units, message("figure.staff.headcount"));
  return out;
};
