import type { Dataset } from "../model/dataset.js";
import { label as l, type Builder } from "./build.js";

/** Staff and organisation counts. */
export function computeProfile(b: Builder, dataset: Dataset): void {
  const staffing = dataset.profile.staffing;
  if (staffing?.authorisedPosts) {
    const posts = staffing.authorisedPosts.map((post, i) =>
      b.input(`staff.posts.${i + 1}`, "count", l(post.type, post.type), `/profile/staffing/authorisedPosts/${i}/count`, "人"),
    );
    b.sum("staff.authorised", "count", l("编制数合计", "authorised posts"), posts, "人");
  }
  b.input("staff.inPost", "count", l("在职人员", "staff in post"), "/profile/staffing/staffInPost", "人");
  b.input("staff.temporary", "count", l("临聘人员", "temporary staff"), "/profile/staffing/temporaryStaff", "名");
  b.input("staff.retirees", "count", l("退休人员", "retirees"), "/profile/staffing/retirees", "人");
  const org = dataset.profile.organisation;
  b.count("org.internalOffices.count", l("内设科室个数", "internal offices"), org?.internalOffices?.items, "/profile/organisation/internalOffices/items", "个");
  b.count("org.affiliatedUnits.count", l("所属单位个数", "affiliated units"), org?.affiliatedUnits?.items, "/profile/organisation/affiliatedUnits/items", "个");
}
