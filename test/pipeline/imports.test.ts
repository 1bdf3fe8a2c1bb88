/**
 * Issue 10, "one pipeline": no import cycle between the top-level folders of src/ (batch/ ↔
 * cli/ and load/ ↔ validate/ were two). Every relative import of every .ts file, static or
 * dynamic, type-only too, read with TypeScript's own pre-processor.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const SRC = join(ROOT, "src");

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** The folder of src/ a file is in ("" for a file directly in src/). */
const folderOf = (file: string): string => {
  const parts = relative(SRC, file).split(/[\\/]/);
  return parts.length > 1 ? parts[0]! : "";
};

/** Edges between folders: from → to → one file that makes the edge. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of tsFiles(SRC)) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const target = resolve(dirname(file), fileName);
      const from = folderOf(file);
      const to = folderOf(target);
      if (from === to || from === "" || to === "") continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, relative(ROOT, file));
    }
  }
  return graph;
}

/** Every cycle, as "a → b → a (via files)", found by a depth-first walk from each folder. */
function cycles(graph: Map<string, Map<string, string>>): string[] {
  const found = new Set<string>();
  const walk = (path: string[]) => {
    const last = path[path.length - 1]!;
    for (const [next] of graph.get(last) ?? []) {
      if (next === path[0]) {
        const via = path.map((p, i) => graph.get(p)!.get(path[i + 1] ?? path[0]!)!);
        found.add(`${[...path, next].join(" → ")} (${via.join(", ")})`);
      } else if (!path.includes(next) && next > path[0]!) walk([...path, next]);
    }
  };
  for (const start of [...graph.keys()].sort()) walk([start]);
  return [...found].sort();
}

describe("imports between the folders of src/", () => {
  it("form no cycle", () => {
    expect(cycles(folderGraph())).toEqual([]);
  });

  it("the cycle finder finds a cycle (so that the test above can fail)", () => {
    const graph = new Map([
      ["a", new Map([["b", "src/a/x.ts"]])],
      ["b", new Map([["a", "src/b/y.ts"]])],
    ]);
    expect(cycles(graph)).toEqual(["a → b → a (src/a/x.ts, src/b/y.ts)"]);
  });

  it("no stage imports the CLI, and batch/ reaches the stages only through pipeline/", () => {
    const graph = folderGraph();
    const intoCli = [...graph].filter(([from, to]) => from !== "cli" && from !== "boot" && to.has("cli")).map(([from]) => from);
    expect(intoCli).toEqual([]);
    const fromBatch = [...(graph.get("batch")?.keys() ?? [])].sort();
    expect(fromBatch).toEqual(["pipeline"]);
  });
});
