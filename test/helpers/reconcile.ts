import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { reconcile, type CheckResult } from "../../src/check/check.js";
import type { Lang } from "../../src/i18n/lang.js";
import type { Located } from "../../src/load/parse.js";
import type { RenderedFinding } from "../../src/findings/render.js";
import { checkIds, parseSource, validateSchema, worded } from "./worded.js";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const CHECK_FIXTURES = fileURLToPath(new URL("../fixtures/check/", import.meta.url));

/** Parses YAML text and validates it against the schema only; throws (with the findings) when it does not pass. */
export function parseSchemaValid(text: string, file = "test.yaml", lang: Lang = "en"): Located {
  const parsed = parseSource({ file, text }, lang);
  if (!parsed.ok) throw new Error(`not usable YAML:\n${JSON.stringify(parsed.findings, null, 1)}`);
  const findings = [...parsed.findings, ...validateSchema(parsed.located, lang)];
  if (findings.length > 0) throw new Error(`not schema-valid:\n${JSON.stringify(findings, null, 1)}`);
  return parsed.located;
}

/** Parses YAML text, validates it against the schema and checks its ids; throws (with the findings) when it is not a usable dataset. */
export function parseValid(text: string, file = "test.yaml", lang: Lang = "en"): Located {
  const located = parseSchemaValid(text, file, lang);
  const clashes = checkIds(located, lang);
  if (clashes.length > 0) throw new Error(`ids clash:\n${JSON.stringify(clashes, null, 1)}`);
  return located;
}

/** reconcile's result with its findings worded in one language, as a user reads them. */
export type WordedResult = Omit<CheckResult, "findings"> & { findings: RenderedFinding[] };

/** parse → schema → reconcile, for a dataset written in the test; findings worded in `lang`. */
export function checkText(text: string, lang: Lang = "en", file = "test.yaml"): WordedResult {
  const result = reconcile(parseValid(text, file, lang));
  return { ...result, findings: worded(result.findings, lang) };
}

/** The text of a fixture under test/fixtures/check/. */
export function fixtureText(name: string): string {
  return readFileSync(`${CHECK_FIXTURES}${name}`, "utf8");
}

/** reconcile on a fixture under test/fixtures/check/, reported as `fixtures/check/NAME`. */
export function checkFixture(name: string, lang: Lang = "en"): WordedResult {
  return checkText(fixtureText(name), lang, `fixtures/check/${name}`);
}

/**
 * Line and column (1-based, columns in characters — code points, so that a character outside
 * the BMP is one column, as findings count them) of the `nth` occurrence of `needle` in
 * `text`. Independent of src: a plain string search.
 */
export function where(text: string, needle: string, nth = 0): { line: number; col: number } {
  let index = -1;
  for (let k = 0; k <= nth; k++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`“${needle}” (occurrence ${nth}) not found`);
  }
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  const col = [...before.slice(before.lastIndexOf("\n") + 1)].length + 1;
  return { line, col };
}

/** The fields a rule test cares about, flattened for toEqual. */
export function brief(f: RenderedFinding): { code: string; severity: string; line?: number; col?: number; path?: string } {
  return { code: f.code, severity: f.severity, line: f.pos?.line, col: f.pos?.col, path: f.path };
}

/** Findings of one rule code. */
export function withCode(findings: readonly RenderedFinding[], code: string): RenderedFinding[] {
  return findings.filter((f) => f.code === code);
}

/** The head every in-test dataset shares: unit, year and the one required duty (lines 1–6). */
export const HEAD = ["unit:", "  name: 测试局", "year: 2020", "profile:", "  duties:", "    - 负责测试"].join("\n") + "\n";
