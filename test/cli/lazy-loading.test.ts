/**
 * `check` never loads the DOCX writer or Handlebars (issue 7): they sit behind two dynamic
 * import()s that only `build` takes — the unit renderer and the user-template compiler — and
 * the CommonJS bundle turns a dynamic import into a module initialised on first use. This test
 * bundles the entry as ES modules with code splitting (the same import graph) and walks
 * esbuild's metafile from the entry through every import but those two: nothing it reaches may
 * hold the DOCX writer, the renderer or Handlebars.
 */
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

/** The two doors to rendering; `check`, `explain`, `init` and `schema` never open them. */
const BUILD_ONLY = new Set(["src/pipeline/render-write.ts", "src/render/template.ts"]);

async function inputsWithoutRendering(): Promise<string[]> {
  const result = await build({
    entryPoints: ["src/entry.ts"],
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir: "out",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const { outputs } = result.metafile;
  const entry = Object.keys(outputs).find((k) => outputs[k]!.entryPoint === "src/entry.ts")!;
  const inputs = new Set<string>();
  const seen = new Set<string>();
  const visit = (chunk: string) => {
    if (seen.has(chunk) || !outputs[chunk]) return;
    seen.add(chunk);
    const output = outputs[chunk]!;
    for (const input of Object.keys(output.inputs)) inputs.add(input);
    for (const i of output.imports) {
      if (i.kind === "dynamic-import" && BUILD_ONLY.has(outputs[i.path]?.entryPoint ?? "")) continue;
      visit(i.path);
    }
  };
  visit(entry);
  return [...inputs];
}

describe("what a check can load", () => {
  it("reaches the loader, the schema check and the rules, and neither the DOCX writer nor Handlebars", async () => {
    const inputs = await inputsWithoutRendering();
    expect(inputs).toContain("src/check/rules.ts");
    expect(inputs).toContain("src/load/parse.ts");
    expect(inputs).toContain("src/cli/main.ts");
    expect(inputs.filter((i) => /node_modules\/(handlebars|docx)\//.test(i))).toEqual([]);
    expect(inputs.filter((i) => /^src\/(write\/(docx|registry|html|markdown|json|pdf)|render\/)/.test(i))).toEqual([]);
  });
});
