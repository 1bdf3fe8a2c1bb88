import { formulaWithValues, show } from "../check/describe.js";
import type { Figure } from "../compute/figure.js";
import type { Model } from "../compute/model.js";
import type { Lang } from "../i18n/lang.js";
import { msg } from "../i18n/messages.js";
import { unitText } from "./report.js";
import { checkDataset } from "../pipeline/check.js";
import type { UnitOptions } from "../pipeline/result.js";
import { visible } from "../text/visible.js";
import { nearest } from "../validate/nearest.js";
import { EXIT, exitCode } from "./exit.js";
import type { Io } from "./main.js";

/** Prints where the report's numbers come from: formula, inputs, their values and lines. */
export async function runExplain(file: string, id: string | undefined, options: UnitOptions, io: Io): Promise<number> {
  const { result, model } = await checkDataset(file, options);
  if (!model) {
    io.err(unitText(result, options.lang));
    return exitCode(result.outcome);
  }
  const lines = (result.texts[file] ?? "").split(/\r?\n/);
  if (id !== undefined) {
    const figure = model.figures.get(id);
    if (!figure) {
      const guess = nearest(id, model.figures.ids());
      io.err(`${visible(guess ? msg(options.lang, "cli.unknown-figure-guess", { id, guess }) : msg(options.lang, "cli.unknown-figure", { id }))}\n`);
      return EXIT.usage;
    }
    io.out(`${explainFigure(figure, model, lines, options.lang, true)}\n`);
    return EXIT.ok;
  }
  io.out(`${model.figures.all().map((f) => explainFigure(f, model, lines, options.lang, false)).join("\n\n")}\n`);
  return EXIT.ok;
}

function explainFigure(figure: Figure, model: Model, lines: string[], lang: Lang, deep: boolean): string {
  const value = figure.kind === "text" ? (figure.text ?? "") : `${show(figure.value)}${figure.kind === "percent" ? "%" : figure.unit ? ` ${figure.unit}` : figure.kind === "amount" ? ` ${model.settings.amountUnit}` : ""}`;
  const out = [`${figure.id}  ${figure.label[lang]} = ${value}`];
  if (figure.missing) out.push(`  ${msg(lang, "cli.not-computable")}: ${figure.missing[lang]}`);
  const formula = formulaWithValues(figure, model.figures);
  if (formula) out.push(`  = ${formula}`);
  if (figure.source) {
    const other = figure.source.file !== undefined && figure.source.file !== model.file;
    out.push(`  ${figure.source.file ?? model.file}:${figure.source.pos.line}:${figure.source.pos.col}${other ? "" : `  ${lines[figure.source.pos.line - 1]?.trim() ?? ""}`}`);
  }
  const inputs = deep ? model.figures.leaves(figure.id) : figure.inputs.map((i) => model.figures.get(i)!).filter(Boolean);
  if (!figure.source) {
    for (const input of inputs) {
      const elsewhere = input.source?.file !== undefined && input.source.file !== model.file;
      const where = input.source ? `${input.source.file ?? model.file}:${input.source.pos.line}:${input.source.pos.col}` : msg(lang, "cli.computed");
      out.push(`    ${input.id} = ${show(input.value)}  ${where}${input.source && !elsewhere ? `  ${lines[input.source.pos.line - 1]?.trim() ?? ""}` : ""}`);
    }
  }
  // Names, texts and quoted lines come from the dataset: no escape sequence reaches the terminal.
  return out.map(visible).join("\n");
}
