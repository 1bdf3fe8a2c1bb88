import { INCOME_COMPUTED, ORG_FIXED, RESERVED_ROOTS, ids, sourceId } from "../compute/ids.js";
import { fundList } from "../model/funds.js";
import type { Finding } from "../findings/finding.js";
import { message, type MessageKey } from "../i18n/messages.js";
import type { Located } from "../load/parse.js";
import type { Dataset } from "../model/dataset.js";
import { locate } from "./locate.js";

interface Named {
  id: string;
  /** Where the id is written (the item itself when the id is implicit). */
  pointer: string;
}

/**
 * The ids a dataset gives to income sources, special funds and indicators become figure
 * ids; two alike, or one that names a computed figure, would make one figure replace
 * another. Such a dataset is unusable: every clash is a finding naming both places.
 */
export function checkIds(located: Located): Finding[] {
  const data = located.data as Dataset;
  const sources: Named[] = (data.finance?.income?.sources ?? []).map((s, i) => {
    const pointer = `/finance/income/sources/${i}`;
    return { id: sourceId(s, i), pointer: s.id === undefined ? pointer : `${pointer}/id` };
  });
  const fundItems = fundList(data);
  const funds: Named[] = fundItems.items.map((f, i) => ({ id: f.id, pointer: `${fundItems.pointer(i)}/id` }));
  const orgLists: Named[] = (data.profile?.organisation?.lists ?? []).map((l, i) => ({ id: l.id, pointer: `/profile/organisation/lists/${i}/id` }));
  const indicators: Named[] = (data.achievements ?? []).flatMap((a, i) => (a.indicators ?? []).map((x, k) => ({ id: x.id, pointer: `/achievements/${i}/indicators/${k}/id` })));

  const reservedSource = (id: string) => ((INCOME_COMPUTED as readonly string[]).includes(id) ? ids.income.source(id).amount : undefined);
  const reservedRoot = (id: string) => ((RESERVED_ROOTS as readonly string[]).includes(id) ? id : undefined);
  const reservedOrg = (id: string) => ((ORG_FIXED as readonly string[]).includes(id) ? ids.org.list(id) : undefined);
  return [
    ...clashes(located, sources, "income", reservedSource),
    ...clashes(located, funds, "fund", () => undefined),
    ...clashes(located, indicators, "indicator", reservedRoot),
    ...clashes(located, orgLists, "org", reservedOrg),
  ];
}

function clashes(located: Located, items: Named[], kind: "income" | "fund" | "indicator" | "org", reserved: (id: string) => string | undefined): Finding[] {
  const file = located.source.file;
  const first = new Map<string, Named>();
  const out: Finding[] = [];
  for (const item of items) {
    const figure = reserved(item.id);
    const earlier = first.get(item.id);
    const base = { severity: "error" as const, file, path: item.pointer, pos: locate(located, item.pointer) };
    if (figure !== undefined) {
      const key = `${kind}.reserved-id` as MessageKey;
      out.push({ ...base, code: key, key, params: { id: item.id, figure } });
    } else if (earlier) {
      const key = `${kind}.duplicate-id` as MessageKey;
      out.push({ ...base, code: key, key, params: { id: item.id }, related: [{ file, pos: locate(located, earlier.pointer), ...message("id.first-used", { id: item.id }) }] });
    } else first.set(item.id, item);
  }
  return out;
}
