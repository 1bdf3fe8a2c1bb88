import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.js";
import type { Lang } from "../../src/i18n/lang.js";
import { loadDataset } from "../../src/pipeline/load.js";
import { CASES, type ExpectedFinding } from "../helpers/expected.js";
import { INVALID, invalid } from "../helpers/fixtures.js";

function expectedFindings(file: string, findings: ExpectedFinding[], lang: Lang): Finding[] {
  return findings.map((f) => {
    const out: Finding = { code: f.code, severity: "error", message: f[lang], file };
    if (f.pos) out.pos = f.pos;
    if (f.path !== undefined) out.path = f.path;
    if (f.hint) out.hint = f.hint[lang];
    return out;
  });
}

describe("invalid fixtures", () => {
  it("every file in test/fixtures/invalid/ has an expectation, and every expectation a file", () => {
    const onDisk = readdirSync(INVALID).sort();
    const described = CASES.filter((c) => !c.absent)
      .map((c) => c.file)
      .sort();
    expect(onDisk).toEqual(described);
    expect(onDisk.length).toBeGreaterThanOrEqual(24);
    for (const c of CASES.filter((c) => c.absent)) expect(existsSync(invalid(c.file))).toBe(false);
  });

  for (const c of CASES) {
    for (const lang of ["zh", "en"] as const) {
      const title = `${c.file} (${c.defect}) → ${c.findings.map((f) => f.code).join(", ")} [${lang}]`;
      if (c.bug) {
        it(`${title}: code and message`, async () => {
          const loaded = await loadDataset(invalid(c.file), { lang });
          const actual = expectedFindings(invalid(c.file), c.findings, lang).map((f, i) => ({ ...f, pos: c.bug!.actualPos[i] }));
          expect(loaded.findings).toEqual(actual);
        });
        it.fails(`${title}: position (src bug: ${c.bug.description})`, async () => {
          const loaded = await loadDataset(invalid(c.file), { lang });
          expect(loaded.findings).toEqual(expectedFindings(invalid(c.file), c.findings, lang));
        });
        continue;
      }
      it(title, async () => {
        const loaded = await loadDataset(invalid(c.file), { lang });
        expect(loaded.findings).toEqual(expectedFindings(invalid(c.file), c.findings, lang));
        expect(loaded.located).toBeUndefined();
        expect(loaded.file).toBe(invalid(c.file));
      });
    }
  }
});
