import { isMap, isScalar } from "yaml";
import type { Model } from "../compute/model.js";
import { interval, ratioRoundsTo, roundsTo } from "../compute/rounding.js";
import type { Finding } from "../findings/finding.js";
import { message } from "../i18n/messages.js";
import { Dec, parseNumberText } from "../load/numbers.js";
import { escapePointer, nodePos } from "../load/parse.js";
import { show } from "./describe.js";

const HUNDRED = new Dec(100);

/** A stated number: exact value, written decimals, explicit tolerance, position. */
interface Stated {
  value: Dec;
  dp: number;
  tolerance?: Dec;
  pos: Finding["pos"];
}

/**
 * A change and a growth rate stated without the prior year's total ("同比增加189.25万元，增加
 * 31.39%"): neither can be computed, but they must agree with each other — some one prior
 * year P must make `current − P` round to the change and `(current − P) ÷ P` to the rate,
 * each at its printed precision. Returns the findings and the stated ids it has checked.
 */
export function checkChangeGrowth(model: Model, ran: (rule: string) => void): { findings: Finding[]; handled: Set<string> } {
  const handled = new Set<string>();
  const findings: Finding[] = [];
  const stated = model.dataset.stated ?? {};
  for (const id of Object.keys(stated)) {
    const change = model.figures.get(id);
    if (!change || change.rule !== "change" || change.value !== null || !id.endsWith(".change")) continue;
    const growthId = `${id.slice(0, -".change".length)}.growth`;
    const growth = model.figures.get(growthId);
    const current = model.figures.get(change.inputs[0] ?? "")?.value;
    const c = statedAt(model, id);
    const g = statedAt(model, growthId);
    if (!growth || growth.value !== null || !current || !c || !g) continue;
    handled.add(id).add(growthId);
    ran("change-growth");
    if (agree(current, c, g, model.settings.rounding)) continue;
    const fromChange = current.minus(c.value);
    const fromGrowth = current.times(HUNDRED).div(HUNDRED.plus(g.value));
    findings.push({
      code: "change-growth",
      severity: "error",
      ...message("check.change-growth", { what: growth.label, change: c.value.toString(), growth: `${g.value.toString()}%`, fromChange: show(fromChange), fromGrowth: show(fromGrowth) }),
      file: model.file,
      path: `/stated/${escapePointer(growthId)}`,
      pos: g.pos,
      formula: `${change.inputs[0]} − ${id} = ${show(fromChange)}; ${change.inputs[0]} ÷ (1 + ${growthId} ÷ 100%) = ${show(fromGrowth)}`,
      related: [{ file: model.file, pos: c.pos, ...message("check.change-growth-change", { id, value: c.value.toString() }) }],
    });
  }
  return { findings, handled };
}

/** Is there one prior year P that both stated figures round to? */
function agree(current: Dec, change: Stated, growth: Stated, mode: Parameters<typeof interval>[2]): boolean {
  const [cLo, cHi] = bounds(change, mode);
  const [gLo, gHi] = bounds(growth, mode);
  // P from the change: current − change; from the rate (P > 0, rate decreasing in P): 100·current ÷ (100 + rate).
  if (!current.gt(0) || !HUNDRED.plus(gLo).gt(0)) return false;
  const lo = Dec.max(current.minus(cHi), current.times(HUNDRED).div(HUNDRED.plus(gHi)));
  const hi = Dec.min(current.minus(cLo), current.times(HUNDRED).div(HUNDRED.plus(gLo)));
  if (lo.gt(hi)) return false;
  // The intervals' ends may be open: decide on a point inside, exactly.
  const p = lo.plus(hi).div(2);
  const ok = (x: Dec) => x.gt(0) && rounds(current.minus(x), change, mode) && (growth.tolerance ? current.minus(x).times(HUNDRED).div(x).minus(growth.value).abs().lte(growth.tolerance) : ratioRoundsTo(current.minus(x), x, HUNDRED, growth.value, growth.dp, mode));
  return ok(p) || ok(lo) || ok(hi);
}

function rounds(value: Dec, s: Stated, mode: Parameters<typeof interval>[2]): boolean {
  return s.tolerance ? value.minus(s.value).abs().lte(s.tolerance) : roundsTo(value, s.value, s.dp, mode);
}

function bounds(s: Stated, mode: Parameters<typeof interval>[2]): [Dec, Dec] {
  if (s.tolerance) return [s.value.minus(s.tolerance), s.value.plus(s.tolerance)];
  const [lo, hi] = interval(s.value, s.dp, mode);
  return [lo, hi];
}

function statedAt(model: Model, id: string): Stated | undefined {
  const node = model.inputs.located.nodes.get(`/stated/${escapePointer(id)}`);
  const valueNode = isMap(node) ? node.get("value", true) : node;
  const tolNode = isMap(node) ? node.get("tolerance", true) : undefined;
  if (!isScalar(valueNode) || typeof valueNode.value !== "number") return undefined;
  const { value, dp } = parseNumberText(valueNode.source ?? String(valueNode.value));
  const tolerance = isScalar(tolNode) ? parseNumberText(tolNode.source ?? String(tolNode.value)).value : undefined;
  return { value, dp, tolerance, pos: nodePos(model.inputs.located.positions, valueNode) };
}
