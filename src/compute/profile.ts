import { message } from "../i18n/messages.js";
import type { Dataset } from "../model/dataset.js";
import type { Builder } from "./build.js";
import { ids } from "./ids.js";

/** Staff and organisation counts. */
export function computeProfile(b: Builder, dataset: Dataset): void {
  const staffing = dataset.profile?.staffing;
  const S = ids.staff;
  if (staffing?.authorisedPosts) {
    const posts = staffing.authorisedPosts.map((post, i) =>
      b.input(S.post(i + 1), "count", message("figure.name", { name: post.type }), `/profile/staffing/authorisedPosts/${i}/count`, "人"),
    );
    b.sum(S.authorised, "count", message("figure.staff.authorised"), posts, "人");
  } else {
    b.input(S.authorised, "count", message("figure.staff.authorised"), "/profile/staffing/authorised", "人");
  }
  b.input(S.inPost, "count", message("figure.staff.inPost"), "/profile/staffing/staffInPost", "人");
  b.input(S.temporary, "count", message("figure.staff.temporary"), "/profile/staffing/temporaryStaff", "名");
  b.input(S.retirees, "count", message("figure.staff.retirees"), "/profile/staffing/retirees", "人");
  const org = dataset.profile?.organisation;
  const lists = [
    { id: ids.org.internalOffices, list: org?.internalOffices, base: "/profile/organisation/internalOffices", label: message("figure.org.internalOffices") },
    { id: ids.org.affiliatedUnits, list: org?.affiliatedUnits, base: "/profile/organisation/affiliatedUnits", label: message("figure.org.affiliatedUnits") },
    ...(org?.lists ?? []).map((list, i) => ({ id: `org.${list.id}.count`, list, base: `/profile/organisation/lists/${i}`, label: message("figure.name", { name: list.label }) })),
  ];
  for (const { id, list, base, label } of lists) {
    // A list that ends in 等 counts what the report says, not the names it gives.
    if (list?.partial === true || list?.items === undefined) b.input(id, "count", label, `${base}/count`, "个");
    else b.count(id, label, list.items, `${base}/items`, "个");
  }
}
