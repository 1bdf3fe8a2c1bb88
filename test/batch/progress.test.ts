import { describe, expect, it } from "vitest";
import { Progress } from "../../src/batch/progress.js";

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, s: { isTTY, write: (t: string) => writes.push(t) } as unknown as NodeJS.WriteStream };
}

describe("the progress bar", () => {
  it("draws on a terminal and clears itself at the end", () => {
    const { writes, s } = stream(true);
    const p = new Progress(2, s, false, {});
    p.tick();
    p.tick();
    expect(writes).toEqual([`\r[${"#".repeat(15)}${".".repeat(15)}] 1/2`, `\r[${"#".repeat(30)}] 2/2`, "\r\x1b[K"]);
  });

  it("stays silent off a terminal, in CI, with --quiet, and for one unit", () => {
    for (const [tty, quiet, env, total] of [[false, false, {}, 5], [true, false, { CI: "true" }, 5], [true, true, {}, 5], [true, false, {}, 1]] as const) {
      const { writes, s } = stream(tty);
      const p = new Progress(total, s, quiet, env);
      for (let i = 0; i < total; i++) p.tick();
      expect(writes).toEqual([]);
    }
  });
});
