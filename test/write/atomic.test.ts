/**
 * writeAtomic's temporary files and the file it replaces (src/write/atomic.ts,
 * src/write/temporary.ts): a temporary's name carries its run's token, so that a run takes
 * away its own and nobody else's; temporaries a killed run left (SIGKILL) are removed by a
 * later write into the same folder once they are an hour old; a file rebuilt keeps its mode.
 */
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeAtomic } from "../../src/write/atomic.js";
import { adoptRunToken, newRunToken, removeRunTemporaries, temporaryName } from "../../src/write/temporary.js";

const dirs: string[] = [];
const freshDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), "perf-report-atomic-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Writes `name` in `dir`, last modified `minutes` ago. */
function aged(dir: string, name: string, minutes: number): string {
  const file = join(dir, name);
  writeFileSync(file, "left behind\n");
  const t = Date.now() / 1000 - minutes * 60;
  utimesSync(file, t, t);
  return file;
}

describe("temporary names", () => {
  it("are hidden, beside the target, and carry the run's token and a part of their own", () => {
    adoptRunToken("0123456789ab");
    const a = temporaryName("/out/report.md");
    const b = temporaryName("/out/report.md");
    expect(a).toMatch(/^\/out\/\.report\.md\.0123456789ab\.[0-9a-f]{8}\.tmp$/);
    expect(a).not.toBe(b);
    expect(newRunToken()).toMatch(/^[0-9a-f]{12}$/);
    expect(newRunToken()).not.toBe(newRunToken());
  });

  it("stay short enough for the file system when the output's name is long", () => {
    adoptRunToken("0123456789ab");
    const long = `${"长".repeat(80)}.docx`;
    expect(Buffer.byteLength(basename(temporaryName(`/out/${long}`)))).toBeLessThanOrEqual(255);
  });
});

describe("removeRunTemporaries (a second Ctrl-C)", () => {
  it("removes this run's temporaries and nothing else, however new the others are", () => {
    const dir = freshDir();
    const mine = ["a.md", "b.docx"].map((n) => aged(dir, `.${n}.0123456789ab.00112233.tmp`, 0));
    const others = [
      aged(dir, ".a.md.ba9876543210.00112233.tmp", 0), // another run's, running now
      aged(dir, ".a.md.0123456789ab.tmp", 0), // the old pattern: someone else's file
      aged(dir, ".editor.0123456789ab.swp", 0),
      aged(dir, "a.md", 0),
    ];
    removeRunTemporaries([dir, join(dir, "missing")], "0123456789ab");
    expect(readdirSync(dir).sort()).toEqual(others.map((f) => basename(f)).sort());
    expect(mine.map((f) => basename(f)).filter((n) => readdirSync(dir).includes(n))).toEqual([]);
  });
});

describe("a write into a folder removes stale temporaries of its own pattern (left by a killed run)", () => {
  it("an hour old and more: removed; younger, of another pattern, or not a plain file: kept", async () => {
    const dir = freshDir();
    aged(dir, ".a.md.0123456789ab.00112233.tmp", 61);
    aged(dir, ".b.docx.ba9876543210.aabbccdd.tmp", 24 * 60);
    const kept = [
      aged(dir, ".c.md.0123456789ab.00112233.tmp", 30), // perhaps a run still going
      aged(dir, ".d.md.0123456789ab.tmp", 24 * 60), // another pattern
      aged(dir, "notes.tmp", 24 * 60),
      aged(dir, "target.txt", 24 * 60),
    ].map((f) => basename(f));
    mkdirSync(join(dir, ".e.md.0123456789ab.00112233.tmp"));
    symlinkSync(join(dir, "target.txt"), join(dir, ".f.md.0123456789ab.00112233.tmp"));
    const old = Date.now() / 1000 - 2 * 3600;
    utimesSync(join(dir, ".e.md.0123456789ab.00112233.tmp"), old, old);
    await writeAtomic(join(dir, "report.md"), "new\n");
    expect(readdirSync(dir).sort()).toEqual([...kept, ".e.md.0123456789ab.00112233.tmp", ".f.md.0123456789ab.00112233.tmp", "report.md"].sort());
    expect(lstatSync(join(dir, ".f.md.0123456789ab.00112233.tmp")).isSymbolicLink()).toBe(true);
  });
});

describe("the mode of a file written over", () => {
  for (const mode of [0o600, 0o640, 0o664]) {
    it(`a ${mode.toString(8)} file stays ${mode.toString(8)}`, async () => {
      const dir = freshDir();
      const target = join(dir, "report.md");
      writeFileSync(target, "old\n");
      chmodSync(target, mode);
      await writeAtomic(target, "new\n");
      expect(readFileSync(target, "utf8")).toBe("new\n");
      expect(statSync(target).mode & 0o777).toBe(mode);
    });
  }

  it("a new file is 0644 less the umask", async () => {
    const dir = freshDir();
    await writeAtomic(join(dir, "new.md"), "new\n");
    expect(statSync(join(dir, "new.md")).mode & 0o777).toBe(0o644 & ~process.umask());
  });
});
