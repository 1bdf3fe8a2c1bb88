/**
 * Command-line inputs to dataset files (src/batch/inputs.ts) when the file system is hostile
 * (issue 11 item 2): folders and glob patterns are searched without following symbolic links
 * (a link to a folder of secrets, or to /, is not entered; a link to a file is not taken), one
 * dataset reached by several paths is one unit (by its real path), and the search is bounded
 * in depth and in the number of entries it reads, said so when it is cut short.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expandInputs } from "../../src/batch/inputs.js";

const MINIMAL = readFileSync("test/fixtures/valid/minimal.yaml", "utf8");
const tmp = realpathSync(mkdtempSync(join(tmpdir(), "perf-report-inputs-")));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A fresh folder `data/` with one dataset, a.yaml, and a folder of secrets beside it. */
function project(): { root: string; data: string } {
  const root = join(tmp, `p${n++}`);
  const data = join(root, "data");
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, "a.yaml"), MINIMAL);
  mkdirSync(join(root, "private"));
  writeFileSync(join(root, "private", "secrets.yml"), "token: hunter2\n");
  writeFileSync(join(root, "private", "leak.yaml"), "token: hunter2\n");
  return { root, data };
}

describe("symbolic links in a folder searched", () => {
  it("a link to another folder is not entered: its secrets.yml is not read", async () => {
    const { root, data } = project();
    symlinkSync(join(root, "private"), join(data, "more"));
    expect(await expandInputs([data])).toEqual({ files: [join(data, "a.yaml")], empty: [], exceeded: [] });
  });

  it("a link to a file outside is not taken either (name it on the command line to check it)", async () => {
    const { root, data } = project();
    symlinkSync(join(root, "private", "leak.yaml"), join(data, "b.yaml"));
    expect((await expandInputs([data])).files).toEqual([join(data, "a.yaml")]);
    expect((await expandInputs([join(data, "b.yaml")])).files).toEqual([join(data, "b.yaml")]);
  });

  it("a link to / is not walked", async () => {
    const { data } = project();
    symlinkSync("/", join(data, "root"));
    const started = performance.now();
    expect((await expandInputs([data])).files).toEqual([join(data, "a.yaml")]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("links back to . and .. (loops): the dataset once", async () => {
    const { data } = project();
    symlinkSync(".", join(data, "self"));
    symlinkSync("..", join(data, "up"));
    expect((await expandInputs([data])).files).toEqual([join(data, "a.yaml")]);
  });

  it("a glob pattern does not follow links either", async () => {
    const { root, data } = project();
    symlinkSync(join(root, "private"), join(data, "more"));
    expect((await expandInputs([`${data}/**/*.{yaml,yml}`])).files).toEqual([join(data, "a.yaml")]);
  });
});

describe("one dataset by several paths", () => {
  it("a file and a link to it, a folder given twice, ./ and ../: one unit each, under the first name given", async () => {
    const { root, data } = project();
    symlinkSync(join(data, "a.yaml"), join(root, "alias.yaml"));
    const files = (await expandInputs([join(data, "a.yaml"), join(root, "alias.yaml"), data, `${data}/.`, `${data}/../data`, `${root}/./data/a.yaml`])).files;
    expect(files).toEqual([join(data, "a.yaml")]);
  });

  it("a missing file stays in the list (the loader reports it by name), once", async () => {
    const { data } = project();
    expect((await expandInputs([join(data, "none.yaml"), join(data, "none.yaml")])).files).toEqual([join(data, "none.yaml")]);
  });
});

describe("a bounded search", () => {
  it("deeper than the limit: cut short and said so (the files found are not a complete list)", async () => {
    const { data } = project();
    let deep = data;
    for (let i = 0; i < 6; i++) mkdirSync((deep = join(deep, `d${i}`)));
    writeFileSync(join(deep, "deep.yaml"), MINIMAL);
    expect((await expandInputs([data], { depth: 6, entries: 1000 })).exceeded).toEqual([]);
    expect((await expandInputs([data], { depth: 5, entries: 1000 })).exceeded).toEqual([{ input: data, limit: "depth", value: 5 }]);
    expect((await expandInputs([`${data}/**/*.yaml`], { depth: 5, entries: 1000 })).exceeded).toEqual([{ input: `${data}/**/*.yaml`, limit: "depth", value: 5 }]);
  });

  it("more entries than the limit: cut short and said so", async () => {
    const { data } = project();
    for (let i = 0; i < 30; i++) writeFileSync(join(data, `note-${i}.txt`), "");
    expect((await expandInputs([data], { depth: 10, entries: 31 })).exceeded).toEqual([]);
    expect((await expandInputs([data], { depth: 10, entries: 30 })).exceeded).toEqual([{ input: data, limit: "entries", value: 30 }]);
  });
});
