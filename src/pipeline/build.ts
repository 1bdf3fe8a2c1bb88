import { message } from "../i18n/messages.js";
import { checkDataset } from "./check.js";
import type { BuildUnitOptions, UnitResult } from "./result.js";

/**
 * check → render → write, for one dataset. `checkpoint` is called before each step that
 * writes and may throw `Cancelled` to stop there (a second Ctrl-C); `stopped` is asked as the
 * template renders, and a render it stops ends the unit as cancelled (a first Ctrl-C). An exception that is
 * neither the input's nor the machine's fault is a bug and propagates to the caller.
 */
export async function buildDataset(file: string, options: BuildUnitOptions, checkpoint: () => void = () => undefined, stopped: () => boolean = () => false): Promise<UnitResult> {
  const { result, model } = await checkDataset(file, options);
  if (!model) return result;
  const errors = result.findings.filter((f) => f.severity === "error").length;
  if (errors > 0 && !options.force) {
    return { ...result, messages: [message("build.refused", { file, count: errors })] };
  }
  checkpoint();
  // Rendering (Handlebars, the DOCX writer) is loaded only by a build.
  const { renderAndWrite } = await import("./render-write.js");
  const outcome = await renderAndWrite(model, file, options, result.reads, checkpoint, stopped);
  if ("error" in outcome) {
    const texts = outcome.text !== undefined ? { ...result.texts, [outcome.error.file]: outcome.text } : result.texts;
    return { ...result, outcome: outcome.outcome, findings: [...result.findings, outcome.error], texts };
  }
  // A cancelled unit still announces the outputs it finished: they are complete and on disk.
  return {
    ...result,
    outcome: outcome.cancelled ? "cancelled" : result.outcome,
    written: outcome.written,
    messages: outcome.written.map((w) => message("build.wrote", { file: w })),
    ...(outcome.pdf ? { pdf: outcome.pdf } : {}),
  };
}
