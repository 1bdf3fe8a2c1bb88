/**
 * The bundle needs zlib.crc32 (Node 20.15 on the 20 line, 22.2 on the 22 line). On an older
 * Node the launcher (bin/node-version.js) says so in the user's language and exits 2 before
 * anything else loads — before, an old Node 20 got "(0 , Uo.crc32) is not a function"
 * reported as a dataset error.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeVersionProblem, supportedNode } from "../../bin/node-version.js";
import { cli, ROOT, STACK_FRAME } from "../helpers/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "perf-report-node-version-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("supportedNode", () => {
  it("takes 20.15 and later on the 20 line, 22.2 and later from 22 on; nothing before 20.15, no 21, no 22.0–22.1", () => {
    const yes = ["20.15.0", "20.15.1", "20.20.2", "22.2.0", "22.12.0", "23.0.0", "24.1.0", "100.0.0"];
    const no = ["18.20.4", "20.0.0", "20.9.0", "20.14.0", "21.7.3", "22.0.0", "22.1.0", "garbage"];
    expect(yes.filter((v) => !supportedNode(v))).toEqual([]);
    expect(no.filter((v) => supportedNode(v))).toEqual([]);
  });

  it("package.json's engines says the same minimum", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { engines: { node: string } };
    expect(pkg.engines.node).toBe("^20.15.0 || >=22.2.0");
  });
});

describe("nodeVersionProblem", () => {
  it("is undefined on a supported Node", () => {
    expect(nodeVersionProblem("20.15.0", [], {})).toBeUndefined();
  });

  it("speaks Chinese by default, English under --lang en or an English locale", () => {
    const zh = "perf-report：需要 Node.js 20.15 或更高版本（22 系列需 22.2 或更高），当前是 20.14.0；请升级 Node.js";
    const en = "perf-report: needs Node.js 20.15 or later (22.2 or later on the 22 line), this is 20.14.0; please upgrade Node.js";
    expect(nodeVersionProblem("20.14.0", ["check", "a.yaml"], {})).toBe(zh);
    expect(nodeVersionProblem("20.14.0", ["check", "a.yaml", "--lang", "en"], {})).toBe(en);
    expect(nodeVersionProblem("20.14.0", ["check", "--lang=en", "a.yaml"], {})).toBe(en);
    expect(nodeVersionProblem("20.14.0", ["check"], { LANG: "en_US.UTF-8" })).toBe(en);
    expect(nodeVersionProblem("20.14.0", ["check", "--lang", "zh"], { LANG: "en_US.UTF-8" })).toBe(zh);
  });
});

describe("the CLI on a Node that is too old (process.versions.node faked by a preload)", () => {
  const preload = join(tmp, "old-node.cjs");
  writeFileSync(preload, 'Object.defineProperty(process, "versions", { value: { ...process.versions, node: "20.14.0" } });\n');

  it("exits 2 with one line naming the version needed, before loading the bundle", () => {
    const r = cli(["check", "examples/yongzhou-2020.yaml"], { env: { NODE_OPTIONS: `--require ${preload}` } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("perf-report：需要 Node.js 20.15 或更高版本（22 系列需 22.2 或更高），当前是 20.14.0；请升级 Node.js\n");
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("in English with --lang en", () => {
    const r = cli(["build", "examples/yongzhou-2020.yaml", "-o", `${tmp}/`, "--lang", "en"], { env: { NODE_OPTIONS: `--require ${preload}` } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("perf-report: needs Node.js 20.15 or later (22.2 or later on the 22 line), this is 20.14.0; please upgrade Node.js\n");
  });
});
