import type Handlebars from "handlebars";
import type { SourcePos } from "../findings/finding.js";
import { locPos, TemplateError } from "./template-error.js";

/**
 * Bounds on one render of a report template. A template is a program: ten nested
 * {{#each}} over the duties run 16^10 times, inline partials that call each other twice
 * double at every level. Without bounds such a template runs for minutes and ends the
 * process out of memory; with them it is refused, at the block where the budget ran out.
 */
export interface RenderLimits {
  /** Characters of rendered text. */
  chars: number;
  /** Runs of a block's body: once per {{#each}} item, per {{#if}} taken, per partial called. */
  runs: number;
  /** Milliseconds for the whole render. */
  ms: number;
}

/** The bundled template renders ~20,000 characters in a few hundred runs; these are far beyond any report. */
export const RENDER_LIMITS: RenderLimits = { chars: 20_000_000, runs: 2_000_000, ms: 30_000 };

/**
 * The limits, with any set in PERF_REPORT_RENDER_LIMITS ("chars=1000,runs=500,ms=2000",
 * each optional): for tests, which need a runaway template to be stopped in milliseconds.
 */
export function renderLimits(env: NodeJS.ProcessEnv = process.env): RenderLimits {
  const limits = { ...RENDER_LIMITS };
  for (const part of (env.PERF_REPORT_RENDER_LIMITS ?? "").split(",")) {
    const [key, value] = part.split("=");
    if (key && Object.hasOwn(limits, key) && /^\d+$/.test(value ?? "")) limits[key as keyof RenderLimits] = Number(value);
  }
  return limits;
}

/** What one render is given: its limits, and a question asked as it goes ("has the run been interrupted?"). */
export interface RenderOptions {
  limits?: RenderLimits;
  interrupted?: () => boolean;
}

/** A render given up because the run was interrupted (Ctrl-C): not the template's fault. */
export class RenderInterrupted extends Error {
  constructor() {
    super("render interrupted");
    this.name = "RenderInterrupted";
  }
}

type Loc = { start: { line: number; column: number } };
type Program = (this: unknown, ...args: unknown[]) => string;

/**
 * The account of one render. Every program of the compiled template (a block's body, an
 * inline partial, the template itself) runs through `run`, which counts the run, looks at the
 * clock and the interruption, and counts the characters the body added itself — its output
 * less its inner programs' — so that text nested ten deep is counted once, not ten times.
 * The block helpers report where they are (`enter`/`leave`), for the error's position.
 */
export class RenderBudget {
  private chars = 0;
  private runs = 0;
  private readonly deadline: number;
  /** Per program running: the characters its inner programs returned. */
  private readonly inner: number[] = [];
  private readonly blocks: Loc[] = [];

  constructor(
    private readonly limits: RenderLimits,
    private readonly interrupted: () => boolean = () => false,
  ) {
    this.deadline = performance.now() + limits.ms;
  }

  run(body: () => string): string {
    if (++this.runs > this.limits.runs) throw this.exceeded("template.budget-runs", this.limits.runs);
    if (performance.now() > this.deadline) throw this.exceeded("template.budget-time", this.limits.ms / 1000);
    if (this.interrupted()) throw new RenderInterrupted();
    this.inner.push(0);
    let out: string;
    let inner: number;
    try {
      out = body();
    } finally {
      inner = this.inner.pop()!;
    }
    this.add(Math.max(0, out.length - inner));
    if (this.inner.length > 0) this.inner[this.inner.length - 1]! += out.length;
    return out;
  }

  enter(loc: Loc | undefined): void {
    if (loc) this.blocks.push(loc);
  }

  leave(loc: Loc | undefined): void {
    if (loc) this.blocks.pop();
  }

  /** The error for text too long for a JavaScript string, which only the character limit can explain. */
  tooLong(): TemplateError {
    return this.exceeded("template.budget-chars", this.limits.chars);
  }

  private add(chars: number): void {
    this.chars += chars;
    if (this.chars > this.limits.chars) throw this.exceeded("template.budget-chars", this.limits.chars);
  }

  private exceeded(key: "template.budget-chars" | "template.budget-runs" | "template.budget-time", limit: number): TemplateError {
    const block = this.blocks[this.blocks.length - 1];
    const pos: SourcePos | undefined = block ? locPos(block) : undefined;
    return new TemplateError("template.budget", key, { limit: limit.toLocaleString("en-US") }, pos);
  }
}

/** Handlebars' block helpers: each tells the budget where it is while its body runs. */
const BLOCK_HELPERS = ["each", "if", "unless", "with", "blockHelperMissing"] as const;

/**
 * A template spec whose programs run on the budget `current()` gives (one per render), and
 * an environment whose block helpers report their positions to it.
 */
export function budgeted(spec: TemplateSpecification, hb: typeof Handlebars, current: () => RenderBudget): TemplateSpecification {
  for (const name of BLOCK_HELPERS) {
    const helper = hb.helpers[name] as (this: unknown, ...args: unknown[]) => unknown;
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const loc = (args[args.length - 1] as { loc?: Loc } | undefined)?.loc;
      const budget = current();
      budget.enter(loc);
      try {
        return helper.apply(this, args);
      } finally {
        budget.leave(loc);
      }
    });
  }
  const programs = spec as unknown as Record<string, unknown>;
  const wrapped: Record<string, unknown> = { ...programs };
  for (const [key, value] of Object.entries(programs)) {
    if ((key === "main" || /^\d+$/.test(key)) && typeof value === "function") {
      const program = value as Program;
      wrapped[key] = function (this: unknown, ...args: unknown[]) {
        return current().run(() => program.apply(this, args));
      };
    }
  }
  return wrapped as unknown as TemplateSpecification;
}
