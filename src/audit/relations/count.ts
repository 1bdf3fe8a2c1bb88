import type { Located, ReadBlock } from "../sentences.js";
import type { Verdict } from "../verdict.js";

const INTRO = /^[\s，,]*(分别是|分别为|具体是|具体为|即|包括|包含)[：:\s]*/;
const COLON_LIST = /^[\s]*[：:]/;

/**
 * Counts and the lists they announce: `N个X，分别是a、b、c` (也 `N个X：a、b、c`, `N个X和M个Y，分别为…`,
 * and `X分别是…` or `分别为…` opening a sentence after the one that counts them). A list ending in
 * 等 promises no number; a final 和/及 may join two items or be part of a name, so both readings are
 * tried. A list before its count (`a、b、c N个X`) is only ever unresolved: where it starts is a guess.
 */
export function counts(rb: ReadBlock): Verdict[] {
  const out: Verdict[] = [];
  const seen = new Set<number>();
  for (const f of rb.figures) {
    if (f.dim !== "count" || f.inParens || f.approx || f.role !== "amount") continue;
    // The noun after the count, up to the list's intro.
    const rest = rb.text.slice(f.end);
    const noun = /^[^\d，,。；;：:、（()）]{0,12}/.exec(rest)![0];
    const tail = rest.slice(noun.length);
    const intro = INTRO.exec(tail) ?? (COLON_LIST.exec(tail) ? /^[\s]*[：:]\s*/.exec(tail) : null);
    if (!intro) continue;
    const start = f.end + noun.length + intro[0].length;
    if (seen.has(start)) continue;
    seen.add(start);
    const counted = countsOfClause(rb, f);
    const v = judge(rb, counted, start, COLON_LIST.test(tail) && !INTRO.test(tail));
    if (v) out.push(v);
  }
  // 内设科室19个…。内设科室分别是…   /   内设8个机构(…)。分别为…
  for (const s of rb.sentences) {
    const head = /^[\s]*([^\d，,。；;：:、（()）]{0,12}?)(分别是|分别为)[：:\s]*/.exec(rb.text.slice(s.start, s.end));
    if (!head) continue;
    const start = s.start + head[0].length;
    if (seen.has(start)) continue;
    const noun = head[1]!;
    const earlier = rb.figures.filter((f) => f.start < s.start && f.dim === "count" && !f.inParens && f.role === "amount" && !f.approx);
    const count = noun ? earlier.filter((f) => f.label.endsWith(noun) || rb.text.slice(f.end).startsWith(noun)).at(-1) : earlier.filter((f) => f.sentence.index === s.index - 1).at(-1);
    if (!count) continue;
    seen.add(start);
    const v = judge(rb, [count], start, false);
    if (v) out.push(v);
  }
  return out;
}

/** `4个科和1个事业单位`: the counts of one clause add up. */
function countsOfClause(rb: ReadBlock, f: Located): Located[] {
  const clause = rb.figures.filter((g) => g.sentence === f.sentence && g.dim === "count" && !g.inParens && g.start <= f.start && !/[，,。；;：:]/.test(rb.text.slice(g.end, f.start)));
  return clause.length > 0 ? clause : [f];
}

function judge(rb: ReadBlock, counted: Located[], start: number, colonOnly: boolean): Verdict | undefined {
  const items = listItems(rb, start);
  if (items.names.length < 2) return undefined;
  const stated = counted.reduce((n, f) => n + f.value.toNumber(), 0);
  const first = counted[0]!;
  const last = counted[counted.length - 1]!;
  const at = { rb, start: first.start, end: last.end };
  const listed = items.names.length;
  const readings = items.lastJoins ? [listed, listed + 1] : [listed];
  const params = { stated: counted.map((f) => f.text).join(" + "), listed, items: items.names.join("、") };
  if (items.open) return readings.some((n) => n <= stated) ? { relation: "count", status: "ok", at, key: "audit.count", params } : { relation: "count", status: "unresolved", at, key: "audit.unresolved.count-open", params };
  if (readings.includes(stated)) return { relation: "count", status: "ok", at, key: "audit.count", params };
  // "：" alone may introduce a list of examples; 分别是/即 introduce all of them.
  return { relation: "count", status: colonOnly ? "unresolved" : "error", at, key: colonOnly ? "audit.unresolved.count" : "audit.count", params: { ...params, listed: readings.join("/") }, stated: String(stated), computed: readings.join("/") };
}

/** The items of a list from `start` to the end of its sentence (or the first comma after its last 、). */
export function listItems(rb: ReadBlock, start: number): { names: string[]; open: boolean; lastJoins: boolean } {
  const text = rb.text;
  let end = start;
  while (end < text.length && !(/[。；;]/.test(text[end]!) && (rb.depth[end] ?? 0) === 0)) end++;
  let body = text.slice(start, end);
  const depthAt = (i: number) => (rb.depth[start + i] ?? 0) - (rb.depth[start] ?? 0);
  const enumerated = [...body].some((c, i) => c === "、" && depthAt(i) === 0);
  const sep = enumerated ? "、" : /[，,]/;
  // A list of 、 ends at its first comma: what follows is another clause (办公室下设4个科，分别为…).
  const comma = enumerated ? [...body].findIndex((c, i) => /[，,]/.test(c) && depthAt(i) === 0) : -1;
  if (comma >= 0) body = body.slice(0, comma);
  const names: string[] = [];
  let current = "";
  [...body].forEach((c, i) => {
    const isSep = typeof sep === "string" ? c === sep : sep.test(c);
    if (isSep && depthAt(i) === 0) {
      names.push(current.trim());
      current = "";
    } else current += c;
  });
  names.push(current.trim());
  let lastName = names[names.length - 1] ?? "";
  const open = /等$/.test(lastName) || /等(\d+|[一二三四五六七八九十]+)?(个|家|项)?$/.test(lastName);
  if (open) names[names.length - 1] = lastName = lastName.replace(/等.*$/, "");
  return { names: names.filter((n) => n !== ""), open, lastJoins: /.[和及与].|以及/.test(lastName) };
}
