import { fileURLToPath } from "node:url";
import { loadDataset } from "../../src/pipeline/load.js";
import type { Finding } from "../../src/findings/finding.js";
import type { Lang } from "../../src/i18n/lang.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const INVALID = `${FIXTURES}invalid/`;
export const VALID = `${FIXTURES}valid/`;

export const invalid = (name: string): string => `${INVALID}${name}`;
export const valid = (name: string): string => `${VALID}${name}`;

/** Loads one dataset and returns its findings (the dataset itself when it is usable). */
export async function load(file: string, lang: Lang = "zh") {
  return loadDataset(file, { lang });
}

export async function findings(file: string, lang: Lang = "zh"): Promise<Finding[]> {
  return (await loadDataset(file, { lang })).findings;
}
