import { message } from "../i18n/messages.js";
import type { Dataset } from "../model/dataset.js";
import type { Builder } from "./build.js";
import { ids } from "./ids.js";

/** Staff and organisation counts. */
export function computeProfile(b: Builder, dataset: Dataset): void {
  const staffing = dataset.profile.staffing;
  const S = ids.staff;
  if (staffing?.authorisedPosts) {
    const posts = staffing.authorisedPosts.map((post, i) =>
      b.input(S.post(i + 1), "count", message("figure.name", { name: post.type }), `/profile/staffing/authorisedPosts/${i}/count`, "人"),
    );
    b.sum(S.authorised, "count", message("figure.staff.authorised"), posts, "人");
  }
  b.input(S.inPost, "count", message("figure.staff.inPost"), "/profile/staffing/staffInPost", "人");
  b.input(S.temporary, "count", message("figure.staff.temporary"), "/profile/staffing/temporaryStaff", "名");
  b.input(S.retirees, "count", message("figure.staff.retirees"), "/profile/staffing/retirees", "人");
  const org = dataset.profile.organisation;
  b.count(ids.org.internalOffices, message("figure.org.internalOffices"), org?.internalOffices?.items, "/profile/organisation/internalOffices/items", "个");
  b.count(ids.org.affiliatedUnits, message("figure.org.affiliatedUnits"), org?.affiliatedUnits?.items, "/profile/organisation/affiliatedUnits/items", "个");
}
