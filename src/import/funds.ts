import { Draft, Exact, type Value } from "./draft.js";
import type { FinanceLists, Listed } from "./finance.js";
import { amountIn, sentencesOf, subject } from "./read.js";
import { NUMBERING, type Piece } from "./sections.js";

interface Fund {
  id: string;
  name: string;
  sourceName?: string;
  budgetName?: string;
  allocated: Exact;
  spent?: Exact;
  featured?: boolean;
  description?: string;
}

/**
 * The special funds: one per numbered item of `专项资金实际使用情况` (`（1）名称4086.21万元。用途……`),
 * else the list after the mid-year adjustment; the names the report gives them elsewhere
 * (`（含…）` after the income and the project spending) matched by amount.
 */
export function readFunds(fundUse: Piece[], lists: FinanceLists, draft: Draft, unit: string): void {
  const funds: Fund[] = [];
  const texts: string[] = [];
  for (const piece of fundUse) {
    const numbered = NUMBERING.exec(piece.text);
    const body = numbered ? piece.text.slice(numbered[0].length) : piece.text;
    const first = sentencesOf({ ...piece, text: body })[0];
    const money = first?.figures.find((f) => f.dim === "money" && !f.inParens);
    if (numbered && money) {
      const name = body.slice(0, money.start).trim();
      funds.push({ id: `fund${funds.length + 1}`, name, allocated: amountIn(money, unit) });
      texts.push(body.slice(money.end).replace(/^[。.\s]+/, ""));
    } else if (funds.length > 0) texts[texts.length - 1] += piece.text;
    else draft.leave("fundUse", piece);
  }
  if (funds.length === 0) {
    for (const l of lists.budgeted) funds.push({ id: `fund${funds.length + 1}`, name: l.name, allocated: amountIn(l.figure, unit) });
  }
  const byAmount = (l: Listed) => funds.find((f) => f.allocated.text === amountIn(l.figure, unit).text);
  for (const l of lists.budgeted) {
    const f = byAmount(l);
    if (f && f.name !== l.name) f.budgetName = l.name;
  }
  lists.allocatedIn.forEach((l, i) => {
    const f = byAmount(l);
    if (!f) return;
    f.featured = true;
    if (f.name !== l.name) f.sourceName = l.name;
    const spent = lists.spentIn.length === lists.allocatedIn.length ? lists.spentIn[i] : lists.spentIn.find((s) => s.name === l.name);
    if (spent) f.spent = amountIn(spent.figure, unit);
  });
  funds.forEach((f, i) => {
    const text = texts[i];
    if (text) f.description = described(f, { text, block: fundUse[0]!.block, offset: 0 }, draft, unit);
  });
  if (funds.length > 0) draft.set("finance.specialFunds", funds.map(asValue));
}

/** The fund's text, its spending and balance as `{{fund.x.spent}}` and `{{fund.x.balance}}` (the balance printed goes under `stated:`). */
function described(fund: Fund, piece: Piece, draft: Draft, unit: string): string {
  return sentencesOf(piece)
    .map((s) => {
      let out = "";
      let at = 0;
      for (const f of s.figures) {
        if (f.dim !== "money" || f.approx) continue;
        const name = subject(f);
        const value = amountIn(f, unit);
        let id: string | undefined;
        if (/支出$/.test(name) && (fund.spent === undefined || fund.spent.text === value.text)) {
          fund.spent = value;
          id = `fund.${fund.id}.spent`;
        } else if (/(结余|结转)$/.test(name)) {
          draft.state(`fund.${fund.id}.balance`, value);
          id = `fund.${fund.id}.balance`;
        }
        if (!id) continue;
        out += `${s.text.slice(at, f.start)}{{${id}}}`;
        at = f.end;
      }
      return out + s.text.slice(at);
    })
    .join("")
    .trim();
}

function asValue(f: Fund): Value {
  const out: { [key: string]: Value } = { id: f.id, name: f.name };
  if (f.sourceName) out.sourceName = f.sourceName;
  if (f.budgetName) out.budgetName = f.budgetName;
  out.allocated = f.allocated;
  if (f.spent) out.spent = f.spent;
  if (f.featured) out.featured = true;
  if (f.description) out.description = f.description;
  return out;
}
