import { Draft, Exact } from "./draft.js";
import { exactOf, sentencesOf, subject, type Sentence } from "./read.js";
import { NUMBERING, type Piece } from "./sections.js";

const AS_OF = /^(\d{4}年(?:末|底|度)?|截[至止][^，,。]{0,16}?(?:日|年末|年底|底))[，,]/;
const SELF = /(我|本)(局|单位|委|院|办|厅|中心|部|会|校|所|站|队|馆)/;

/** How the unit calls itself in the report (我局, 我单位): the first such word in the pieces given. */
export function selfNameOf(pieces: Piece[]): string | undefined {
  for (const p of pieces) {
    const m = SELF.exec(p.text);
    if (m) return m[0];
  }
  return undefined;
}

/** Duties: one per numbered line, the numbering taken off (the template numbers them again). */
export function readDuties(pieces: Piece[], draft: Draft): void {
  const duties = pieces.map((p) => p.text.replace(NUMBERING, "").trim()).filter((t) => t !== "");
  if (duties.length > 0) draft.set("profile.duties", duties);
}

const LISTS = [
  { key: "internalOffices", count: /内设(科室|机构|股室|处室|职能部门)$/, list: /内设(?:科室|机构|股室|处室)(?:分别)?(?:是|为|有|包括)[：:]?([^。；]+)/ },
  { key: "affiliatedUnits", count: /(所属|下属|直属|二级)(事业)?(单位|机构)$/, list: /(?:所属|下属|直属|二级)(?:事业)?(?:单位|机构)(?:分别)?(?:是|为|有|包括)[：:]?([^。；]+)/ },
] as const;

/** 机构设置: `2020年末，我局内设科室19个，所属事业单位3个。内设科室分别是a、b…。` */
export function readOrganisation(pieces: Piece[], draft: Draft): void {
  const counts = new Map<string, Exact>();
  for (const piece of pieces) {
    for (const s of sentencesOf(piece)) {
      let used = false;
      for (const l of LISTS) {
        const listed = l.list.exec(s.text);
        if (listed) {
          const items = listed[1]!.split(/[、，,]/).map((t) => t.trim().replace(/等$/, "")).filter((t) => t !== "");
          used = draft.set(`profile.organisation.${l.key}.items`, items) || used;
        }
        const counted = s.figures.find((f) => f.dim === "count" && l.count.test(subject(f)));
        if (counted) {
          used = true;
          if (!counts.has(l.key)) counts.set(l.key, exactOf(counted));
        }
      }
      if (used) asOf(s, draft, "profile.organisation.asOf");
      else draft.leave("organisation", sentencePiece(s));
    }
  }
  // A count the report states is checked against its list; without a list there is nothing to count.
  for (const l of LISTS) {
    const count = counts.get(l.key);
    if (count && draft.has(`profile.organisation.${l.key}.items`)) draft.set(`profile.organisation.${l.key}.count`, count);
  }
}

/** 人员编制: `共有编制57人，其中：行政编制为38人，…。年末实有在职人员56人（不含4名临聘人员），退休人员28人。` */
export function readStaffing(pieces: Piece[], draft: Draft): void {
  for (const piece of pieces) {
    for (const s of sentencesOf(piece)) {
      let used = false;
      const posts: { type: string; count: Exact }[] = [];
      for (const f of s.figures) {
        if (f.dim !== "count" || f.approx) continue;
        const name = subject(f);
        const after = s.text.slice(f.end);
        if (/^(人员)?编制(数|总数)?$/.test(name)) used = draft.state("staff.authorised", exactOf(f)) || used;
        else if (/编制$/.test(name) && f.value.isInteger()) posts.push({ type: name, count: exactOf(f) });
        else if (/在职(人员|人数)$/.test(name)) used = draft.set("profile.staffing.staffInPost", exactOf(f)) || used;
        else if (/^(临聘|编外|聘用|劳务派遣)/.test(after)) used = draft.set("profile.staffing.temporaryStaff", exactOf(f)) || used;
        else if (/退休(人员)?$/.test(name)) used = draft.set("profile.staffing.retirees", exactOf(f)) || used;
      }
      if (posts.length > 0) used = draft.set("profile.staffing.authorisedPosts", posts) || used;
      if (used) asOf(s, draft, "profile.staffing.asOf");
      else draft.leave("staffing", sentencePiece(s));
    }
  }
}

function asOf(s: Sentence, draft: Draft, path: string): void {
  const m = AS_OF.exec(s.text.trim());
  if (m) draft.set(path, m[1]!);
}

/** A sentence as a piece of its own, for a TODO that points at it. */
export function sentencePiece(s: Sentence): Piece {
  return { text: s.text.trim(), block: s.piece.block, offset: s.piece.offset + s.start };
}
