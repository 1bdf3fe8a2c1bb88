/**
 * A progress bar on stderr, only where a person watches it: a terminal, not CI, not --quiet.
 * Elsewhere it prints nothing; the findings and the summary tell the story.
 */
export class Progress {
  private done = 0;
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream,
    quiet: boolean,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.enabled = !quiet && total > 1 && stream.isTTY === true && !env.CI;
  }

  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    this.stream.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${this.done}/${this.total}`);
    if (this.done === this.total) this.clear();
  }

  clear(): void {
    if (this.enabled) this.stream.write("\r\x1b[K");
  }
}
