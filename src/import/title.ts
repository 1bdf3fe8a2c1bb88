import type { Piece } from "./sections.js";

export interface TitleParts {
  unit?: string;
  year?: number;
  /** The report's own title when it is not the template's `{year}年度部门整体支出绩效自评报告`. */
  title?: string;
  /** The pieces the title was read from (they are placed: the template prints the title). */
  used: Piece[];
}

const REPORT = /(部门|单位|机关)?(整体支出)?(绩效)?(自评|评价)?报告$/;
const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年度?/;
const UNIT_END = /(局|委员会|委|办公室|办|院|中心|厅|所|站|队|馆|会|部|社|处|室|校|园|政府|联合会)$/;

/**
 * Unit and year from the title at the top of the report: `永州市工业和信息化局` on one line and
 * `2020年度部门整体支出绩效自评报告` on the next, or both on one line in either order.
 */
export function readTitle(front: Piece[]): TitleParts {
  const head = front.slice(0, 16).filter((p) => !p.text.startsWith("#"));
  const titleLike = (p: Piece | undefined) => p !== undefined && p.text.length <= 80 && !/[。：:，,]/.test(p.text);
  const at = head.findIndex((p, i) => titleLike(p) && YEAR.test(p.text) && (/报告\s*$/.test(p.text) || (titleLike(head[i + 1]) && /报告\s*$/.test(head[i + 1]!.text))));
  if (at < 0) return { used: [] };
  const used = [head[at]!];
  if (!/报告\s*$/.test(head[at]!.text)) used.push(head[at + 1]!);
  const line = used.map((p) => p.text).join("").replace(/\s+/g, "");
  const year = Number(YEAR.exec(line)![1]);
  const m = YEAR.exec(line)!;
  const before = line.slice(0, m.index);
  const after = line.slice(m.index + m[0].length);
  let unit = before !== "" ? before : unitFrom(after);
  // The report may continue over two lines (`…整体支出` / `绩效自评报告`) or name the unit on the line above or below.
  if (!unit) {
    const near = [head[at - 1], head[at + used.length]].find((p) => p && p.text.length <= 40 && UNIT_END.test(p.text.trim()) && !/\d/.test(p.text));
    if (near) {
      unit = near.text.trim();
      used.push(near);
    }
  }
  const titleText = unit && before === unit ? after : line.slice(m.index);
  const standard = `${year}年度部门整体支出绩效自评报告`;
  const title = titleText === standard || !REPORT.test(titleText) ? undefined : unit && titleText.includes(unit) ? undefined : titleText;
  return { unit: unit || undefined, year, title, used };
}

/** `怀化市工业和信息化局整体支出绩效自评报告` → `怀化市工业和信息化局`. */
function unitFrom(text: string): string | undefined {
  const m = /^(.+?)(部门整体支出|整体支出|机关整体支出|部门|预算)/.exec(text);
  return m && UNIT_END.test(m[1]!) ? m[1] : undefined;
}
