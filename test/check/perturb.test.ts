/**
 * Generated from the example, not from a hand-written list: for every stated figure of the
 * as-published sample, every input amount it depends on is moved by one unit in the YAML
 * text, and the checker must then raise an error on (at least) one stated figure that
 * depends on that input. A stated figure that would stay silent when one of its inputs is
 * wrong would be a figure the checker does not really check.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reconcile } from "../helpers/worded.js";
import type { RenderedFinding as Finding } from "../../src/findings/render.js";
import { escapePointer, type Located } from "../../src/load/parse.js";
import { inputScalar, plusOne, replaceAt, type InputScalar } from "../helpers/perturb.js";
import { parseValid, REPO } from "../helpers/reconcile.js";

const FILE = "examples/yongzhou-2020-as-published.yaml";
const TEXT = readFileSync(join(REPO, FILE), "utf8");

/** What identifies an error for "did this perturbation change anything": where, which rule, which computed value. */
const signature = (f: Finding): string => `${f.pos?.line}|${f.code}|${f.expected ?? ""}|${f.message}`;

function errors(located: Located): Finding[] {
  return reconcile(located, "en").findings.filter((f) => f.severity === "error");
}

describe("perturbing each input of each stated figure", () => {
  const located = parseValid(TEXT, FILE);
  const { model } = reconcile(located, "en");
  const statedIds = Object.keys(model.dataset.stated ?? {});

  /** Line of each stated figure's value. */
  const statedLine = new Map(
    statedIds.map((id) => [id, located.positions.at(located.nodes.get(`/stated/${escapePointer(id)}`)!.range![0]).line]),
  );

  /** input pointer → the input, and the lines of the stated figures that depend on it. */
  const inputs = new Map<string, { input: InputScalar; dependents: Set<number>; figures: Set<string> }>();
  for (const id of statedIds) {
    for (const leaf of model.figures.leaves(id)) {
      const input = inputScalar(located, leaf);
      if (!input) continue;
      const entry = inputs.get(input.pointer) ?? { input, dependents: new Set<number>(), figures: new Set<string>() };
      entry.dependents.add(statedLine.get(id)!);
      entry.figures.add(id);
      inputs.set(input.pointer, entry);
    }
  }

  it("collects the inputs of the 27 stated figures from the model (34 distinct number scalars)", () => {
    expect(statedIds).toHaveLength(27);
    // By hand: income 5296 and its prior 1171; personnel 713, public 145, project 1993 and
    // the expenditure prior 1171; 7 fund allocations, projectInitial 0, the emergency fund's
    // spending 1724.58; 3 post counts; 12 indicator actuals/targets of the 6 completion
    // rates (two targets shared through targetOf, so 10); feeCharged, feePaid; 4 + 2 parks;
    // 467 + 34 firms. 2 + 4 + 9 + 3 + 10 + 2 + 2 + 2 = 34. The two org counts depend on
    // lists, not numbers, and contribute nothing.
    expect(inputs.size).toBe(34);
    console.info(`perturb: ${inputs.size} input amounts of ${statedIds.length} stated figures`);
    const figuresWithInputs = new Set([...inputs.values()].flatMap((e) => [...e.figures]));
    expect(statedIds.filter((id) => !figuresWithInputs.has(id))).toEqual(["org.internalOffices.count", "org.affiliatedUnits.count"]);
    expect(plusOne("5296")).toBe("5297");
    expect(plusOne("47.2")).toBe("48.2");
    expect(plusOne("0")).toBe("1");
    expect(plusOne("32.6004")).toBe("33.6004");
  });

  it("raises a new or changed error on a dependent stated figure for every +1", () => {
    const baseline = new Set(errors(located).map(signature));
    expect(baseline.size).toBe(5);
    const missed: string[] = [];
    const started = Date.now();
    for (const { input, dependents } of inputs.values()) {
      const bumped = plusOne(input.text);
      const perturbed = parseValid(replaceAt(TEXT, input, bumped), FILE);
      // The edit landed where intended: the model reads the bumped value at that pointer.
      expect(perturbed.nodes.get(input.pointer)?.toString(), input.pointer).toBe(bumped);
      const hit = errors(perturbed).some((f) => f.pos !== undefined && dependents.has(f.pos.line) && !baseline.has(signature(f)));
      if (!hit) missed.push(`${input.pointer} (${input.text} → ${bumped}, line ${input.line})`);
    }
    expect(missed).toEqual([]);
    // Reusing the compiled schema, the whole loop is fast.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
