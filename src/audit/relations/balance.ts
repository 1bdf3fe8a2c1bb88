import { baseValue } from "../figures.js";
import { fitsValue, printed, show } from "../precision.js";
import { inSentence, type ReadBlock } from "../sentences.js";
import type { Verdict } from "../verdict.js";

const FUNDS = /收入|投入|预算|拨款|到位|下达|资金|补助/;
const SPENT = /支出|使用|拨付/;
const BALANCE = /结余|结转/;

/** `项目资金总投入4426万元，实际总支出1993万元，项目资金结转结余2433万元`: funds − spending = balance, in one sentence and that order. */
export function balances(rb: ReadBlock): Verdict[] {
  const out: Verdict[] = [];
  for (const s of rb.sentences) {
    const figs = inSentence(rb, s).filter((f) => f.dim === "money" && f.role === "amount" && !f.inParens && !f.approx);
    for (let i = 2; i < figs.length; i++) {
      const [funds, spent, balance] = [figs[i - 2]!, figs[i - 1]!, figs[i]!];
      if (!BALANCE.test(balance.label) || !SPENT.test(spent.label) || BALANCE.test(spent.label) || !FUNDS.test(funds.label) || SPENT.test(funds.label)) continue;
      const computed = baseValue(funds).minus(baseValue(spent)).div(balance.scale);
      const fit = fitsValue(computed, balance.value, balance.dp);
      const at = { rb, start: balance.start, end: balance.end };
      const formula = `${funds.text} − ${spent.text}`;
      if (fit.ok) {
        out.push({ relation: "balance", status: "ok", at, key: "audit.balance", params: {}, formula });
        continue;
      }
      out.push({
        relation: "balance",
        status: "error",
        at,
        key: "audit.balance",
        params: { stated: balance.text, computed: `${printed(computed, balance.dp)}${balance.unit}` },
        stated: `${balance.value.toFixed(balance.dp)}${balance.unit}`,
        computed: `${show(computed)}${balance.unit}`,
        diff: `${show(balance.value.minus(computed))}${balance.unit}`,
        precision: { value: balance.value, dp: balance.dp, unit: balance.unit },
        formula,
        otherModes: fit.otherModes,
      });
    }
  }
  return out;
}
