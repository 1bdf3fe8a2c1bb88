/**
 * Issue 6, "must show": every case of the bad-input corpus (test/fixtures/bad/cases.ts) runs
 * through the built CLI as a child process, and must give
 *   - the exact exit code (2 for unusable input),
 *   - the exact first line on stderr (`file:line:col: error[code] message` where there is a position),
 *   - no "    at …" stack line and no raw control character on stderr, nothing on stdout,
 *   - no output file: a build into an empty folder leaves it empty, and a file already at the
 *     output path is byte-identical afterwards.
 * Each `check` case that fails is also given to `build` (its "build twin").
 *
 * A case marked `bug` is a src defect: its current behaviour is pinned by one test, and the
 * correct behaviour is asserted by an it.fails test that names the bug.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { afterAll, beforeAll, describe, it, type ExpectStatic } from "vitest";
import { BAD_CASES, EXAMPLE, type BadCase } from "../fixtures/bad/cases.js";
import { ROOT, STACK_FRAME, type Run } from "../helpers/cli.js";
import { escapeRegExp, freshDir, privateCli, snapshot, type PrivateCli } from "../helpers/hostile.js";

let cli: PrivateCli;
const dirs: string[] = [];
beforeAll(() => {
  cli = privateCli();
}, 180_000);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  cli?.remove();
});

/** A raw control character (other than line feed and tab) on the terminal. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const SENTINEL = "previous good report — must survive a failed build\n";

function tempDir(prefix: string): string {
  const d = freshDir(prefix);
  dirs.push(d);
  return d;
}

interface Placeholders {
  file: string;
  template?: string;
  style?: string;
  out?: string;
}

function fill(text: string, p: Placeholders): string {
  return text
    .replaceAll("{file}", p.file)
    .replaceAll("{template}", p.template ?? "{template}")
    .replaceAll("{style}", p.style ?? "{style}")
    .replaceAll("{out}", p.out ?? "{out}");
}

/** The expected first line as a RegExp (an exact string becomes an anchored literal). */
function firstLine(expected: string | RegExp, p: Placeholders): RegExp {
  if (typeof expected === "string") return new RegExp(`^${escapeRegExp(fill(expected, p))}$`);
  // Placeholders inside a RegExp source are written escaped: \{file\}.
  const source = expected.source.replace(/\\\{(file|template|style|out)\\\}/g, (_, name: keyof Placeholders) => escapeRegExp(p[name] ?? ""));
  return new RegExp(source, expected.flags);
}

interface Outcome {
  run: Run;
  p: Placeholders;
  /** For builds: the output folder before (empty) and after. */
  outAfter?: Record<string, string>;
  /** For builds: the sentinel run, its folder before and after. */
  sentinel?: { run: Run; before: Record<string, string>; after: Record<string, string> };
  md?: string;
}

/** Inputs are made once per case (a 20 MB file is written once, not once per run). */
const inputs = new Map<string, Promise<string>>();
function inputOf(c: BadCase): Promise<string> {
  let p = inputs.get(c.id);
  if (!p) {
    p = Promise.resolve().then(() => (typeof c.input === "string" ? c.input : c.input(tempDir(`bad-${c.id}`), ROOT)));
    inputs.set(c.id, p);
  }
  return p;
}

/** The name build gives an output in a folder (src/pipeline/output-names.ts outputStem, restated). */
function stemOf(file: string): string {
  return basename(file, extname(file)).replace(/[^\p{L}\p{N}._-]+/gu, "_").replace(/^\.+/, "") || "report";
}

async function runCase(c: BadCase, command: "check" | "build"): Promise<Outcome> {
  const file = await inputOf(c);
  const extra = command === "build" ? (c.args ?? []) : (c.args ?? []).filter((a, i, all) => a !== "-f" && all[i - 1] !== "-f");
  const common = [...(c.template ? ["--template", c.template] : []), ...(c.style ? ["--style", c.style] : [])];
  const timeout = c.timeout ?? 60_000;
  if (command === "check") {
    const run = await cli.run(["check", file, ...extra], { timeout });
    return { run, p: { file } };
  }
  const ext = extra.includes("md") ? "md" : "docx";
  if (c.command === "check") {
    // A build twin: into a folder holding only a good output under the name this build
    // would write. Nothing may appear, and the good output must be byte-identical.
    const out = `${tempDir(`twin-${c.id}`)}/`;
    try {
      writeFileSync(join(out, `${stemOf(file)}.${ext}`), SENTINEL);
    } catch {
      // A name too long for the file system cannot have a previous output either.
    }
    const before = snapshot(out);
    const run = await cli.run(["build", file, "-o", out, ...common, ...extra], { timeout });
    return { run, p: { file, out }, sentinel: { run, before, after: snapshot(out) } };
  }
  // Into an empty folder: it must stay empty unless the build succeeds.
  const out = `${tempDir(`out-${c.id}`)}/`;
  const p: Placeholders = { file, template: c.template, style: c.style, out };
  const run = await cli.run(["build", file, "-o", out, ...common, ...extra], { timeout });
  const outAfter = snapshot(out);
  const md = c.md !== undefined ? readFileSync(join(out, "yongzhou-2020.md"), "utf8") : undefined;
  if (c.exit === 0) return { run, p, outAfter, md };
  // Over a good output already there (-o FILE): it must be byte-identical afterwards.
  const sentinelDir = tempDir(`sentinel-${c.id}`);
  const target = join(sentinelDir, `report.${ext}`);
  writeFileSync(target, SENTINEL);
  mkdirSync(join(sentinelDir, "sub"));
  const before = snapshot(sentinelDir);
  const sRun = await cli.run(["build", file, "-o", target, ...common, ...extra], { timeout });
  return { run, p, outAfter, md, sentinel: { run: sRun, before, after: snapshot(sentinelDir) } };
}

/** Everything issue 6 asks of one run. */
function assertContract(expect: ExpectStatic, c: BadCase, o: Outcome): void {
  const { run, p } = o;
  const lines = run.stderr.split("\n");
  expect(run.timedOut, "the run finished").toBe(false);
  expect(run.signal).toBeNull();
  expect(run.code).toBe(c.exit);
  expect(lines[0]).toMatch(firstLine(c.first, p));
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stderr).not.toMatch(/internal error|FATAL|Error: /);
  expect(run.stderr).not.toMatch(CONTROL);
  expect(run.stdout).toBe("");
  if (o.outAfter) {
    if (c.exit === 0) {
      expect(Object.keys(o.outAfter)).toEqual(["yongzhou-2020.md"]);
      if (c.md !== undefined) expect(o.md).toBe(c.md);
    } else {
      expect(o.outAfter, "no output file created").toEqual({});
    }
  }
  if (o.sentinel) {
    const s = o.sentinel;
    expect(s.run.code).toBe(c.exit);
    expect(s.run.stderr.split("\n")[0]).toMatch(firstLine(c.first, { ...p, out: "{out}" }));
    expect(s.run.stderr).not.toMatch(STACK_FRAME);
    expect(s.after, "the previous output is byte-identical, nothing else appeared").toEqual(s.before);
  }
}

/** What a buggy case does today: exit code, first line, and never a stack trace. */
function assertPinned(expect: ExpectStatic, c: BadCase, o: Outcome): void {
  const bug = c.bug!;
  if (bug.exit !== null) expect(o.run.code).toBe(bug.exit);
  if (bug.first !== null) expect(o.run.stderr.split("\n")[0]).toMatch(firstLine(bug.first, o.p));
  expect(o.run.stderr).not.toMatch(STACK_FRAME);
}

function memo<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
}

describe("the bad-input corpus", () => {
  it("has at least 50 cases, each with a unique id, and covers every item of issue 6 §1", () => {
    const ids = BAD_CASES.map((c) => c.id);
    if (new Set(ids).size !== ids.length) throw new Error(`duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(", ")}`);
    if (BAD_CASES.length < 50) throw new Error(`only ${BAD_CASES.length} cases`);
    const covered = BAD_CASES.map((c) => c.covers).join("\n");
    const items = [
      "invalid UTF-8", "UTF-16 with BOM", "UTF-8 BOM", "CRLF line ends", "tabs for indentation", "NUL bytes", "an empty file", "only comments",
      "several YAML documents", "a scalar at the root", "a list at the root", "alias bombs", "a 20 MB file", "10,000-deep nesting, flow",
      "10,000-deep nesting, block", ".nan", ".inf", "1e400", "-0", "amounts as strings with separators", "full-width digits", "keys __proto__",
      "keys constructor", "keys prototype", "merge keys", "dates where numbers belong", "a missing file", "an unreadable file", "a directory",
      "a path with spaces and Chinese characters", "template: a syntax error", "template: an unknown helper", "template: a missing partial",
      "template: a template that recurses forever", "constructor", "__proto__", "the process", "require", "the file system",
    ];
    const missing = items.filter((item) => !covered.includes(item));
    if (missing.length > 0) throw new Error(`not covered: ${missing.join(", ")}`);
  });
});

// One flat suite, so that up to `maxConcurrency` child processes run at once across cases.
describe("every corpus case through the built CLI", () => {
  for (const c of BAD_CASES) {
    const skip = c.skip?.();
    const twin = c.command === "check" && c.exit > 0 && !c.noTwin;
    const runs: ["check" | "build", string][] = [[c.command, c.command], ...(twin ? ([["build", "build twin"]] as ["build", string][]) : [])];
    const title = `${c.id} (${c.covers})`;
    for (const [command, label] of runs) {
      const outcome = memo(() => runCase(c, command));
      const want = `${title}: ${label} → exit ${c.exit}, first line ${typeof c.first === "string" ? c.first : c.first.source}`;
      if (skip !== undefined) {
        it.skip(`${want} (skipped: ${skip})`, () => {});
        continue;
      }
      if (!c.bug) {
        it.concurrent(want, async ({ expect }) => assertContract(expect, c, await outcome()), 120_000);
        continue;
      }
      if (c.bug.exit !== null || c.bug.first !== null) {
        it.concurrent(`${title}: ${label} → today: exit ${c.bug.exit}, first line pinned (src bug, see next test)`, async ({ expect }) => assertPinned(expect, c, await outcome()), 120_000);
      }
      // src bug: see `bug.description` in test/fixtures/bad/cases.ts.
      it.concurrent.fails(`${want} — src bug: ${c.bug.description}`, async ({ expect }) => assertContract(expect, c, await outcome()), 120_000);
    }
  }
});

describe("control characters from the file are shown as symbols in text output", () => {
  it.concurrent("ESC and BEL in the quoted line print as ␛ and ␇; the caret stays under the span; lone CRs are line breaks", async ({ expect }) => {
    const escape = await cli.run(["check", "test/fixtures/bad/terminal-escape.yaml"]);
    expect(escape.stderr.split("\n").slice(0, 4)).toEqual([
      "test/fixtures/bad/terminal-escape.yaml:16:14: error[schema.minimum] 应当为 >= 0",
      "   |",
      "16 |     project: -30 # ␛[2J␛]0;pwned␇",
      "   |              ^^^",
    ]);
    const cr = await cli.run(["check", "test/fixtures/bad/cr-only.yaml"]);
    expect(cr.code).toBe(0);
    expect(cr.stderr).toBe("检查了 1 个文件：0 个错误，0 个警告\n");
  });
});

describe("init with a hostile --unit", () => {
  // The unit name is written into the starter YAML quoted (src/cli/init.ts starterDataset).
  const names: [string, string][] = [
    ["a colon and a space", "测试局: 财务科"],
    ["a comment sign", "测试局 # 财务科"],
    ["a line break that adds a key", "测试局\nyear: 1999"],
    ["an opening bracket", "[测试局"],
  ];
  for (const [what, unit] of names) {
    it.concurrent(`${what}: the starter dataset still checks clean and keeps the name`, async ({ expect }) => {
      const dir = tempDir("init");
      const made = await cli.run(["init", "start.yaml", "--unit", unit, "--year", "2021"], { cwd: dir });
      expect(made.code).toBe(0);
      const checked = await cli.run(["check", "start.yaml", "--format", "json"], { cwd: dir });
      expect(checked.code).toBe(0);
      expect(JSON.parse(checked.stdout).units[0].unit).toBe(unit);
    });
  }

  it.concurrent("never overwrites: init over the example is refused and leaves it byte-identical", async ({ expect }) => {
    const dir = tempDir("init-over");
    const target = join(dir, "yongzhou-2020.yaml");
    writeFileSync(target, readFileSync(join(ROOT, EXAMPLE)));
    const r = await cli.run(["init", target, "--unit", "别的局", "--year", "2021"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`perf-report: ${target} 已存在，不会覆盖\n`);
    expect(readFileSync(target)).toEqual(readFileSync(join(ROOT, EXAMPLE)));
  });
});
