import { CommanderError, type Command } from "commander";
import type { Lang } from "../i18n/lang.js";
import { message, render, type Message, type MessageKey, type Params } from "../i18n/messages.js";
import { EXIT } from "./exit.js";
import type { Io } from "./main.js";

/** Commander's exits that are not errors. */
const NOT_ERRORS = new Set(["commander.helpDisplayed", "commander.help", "commander.version"]);

/** A usage error of our own (an option's value), worded from the catalogue when it is thrown. */
export function usageError(lang: Lang, code: string, key: MessageKey, params: Params): CommanderError {
  return new CommanderError(EXIT.usage, `perf-report.${code}`, render(lang, { key, params }));
}

/** The quoted names in commander's English message: `unknown option '--x'` → ["--x"]. */
function quoted(text: string): string[] {
  return [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

/** Commander's "(Did you mean …?)" suggestions, split off its message. */
function suggestions(text: string): { text: string; names: string[] } {
  const at = text.lastIndexOf("\n(Did you mean ");
  if (at < 0) return { text, names: [] };
  const names = text.slice(at + "\n(Did you mean ".length).replace(/^one of /, "").replace(/\?\)$/, "").split(", ");
  return { text: text.slice(0, at), names };
}

/**
 * One of commander's own errors in the catalogue's words. Its code says which error it is;
 * the names in it (the option, the argument) are read from its message, whose shape the
 * pinned commander version fixes; anything else is passed on as it is.
 */
export function usageMessage(error: CommanderError, command: Command): Message {
  const { text, names } = suggestions(error.message.replace(/^error: /, ""));
  const [first = "", second = ""] = quoted(text);
  const reworded = ((): Message | undefined => {
    switch (error.code) {
      case "commander.unknownOption":
        return message("usage.unknown-option", { flag: first });
      case "commander.unknownCommand":
        return message("usage.unknown-command", { name: first });
      case "commander.missingArgument":
        return message("usage.missing-argument", { name: first });
      case "commander.optionMissingArgument":
        return message("usage.option-missing-argument", { flags: first });
      case "commander.missingMandatoryOptionValue":
        return message("usage.missing-option", { flags: first });
      case "commander.excessArguments": {
        const received = /but got (\d+)/.exec(text)?.[1];
        return received === undefined ? undefined : message("usage.excess-arguments", { command: command.name(), expected: command.registeredArguments.length, received: Number(received) });
      }
      case "commander.invalidArgument": {
        const choices = command.options.find((o) => o.flags === first)?.argChoices;
        return choices ? message("usage.choices", { flag: first.split(" ")[0]!, values: message("list.comma", { items: choices }), value: second }) : undefined;
      }
    }
    return undefined;
  })();
  const said = reworded ?? message("usage.other", { detail: text });
  return names.length === 0 ? said : message("usage.with-hint", { error: said, hint: message("usage.did-you-mean", { names: message("list.or-spaced", { items: names }) }) });
}

/**
 * An `exitOverride` for `command`: commander's own error (its English is kept off the output
 * by `outputError`) is printed in `lang`, then the command's help, and the error goes on to
 * `main`, which exits 2.
 */
export function rewordErrors(command: Command, lang: Lang, io: Io): (error: CommanderError) => never {
  return (error) => {
    if (!NOT_ERRORS.has(error.code) && error.code.startsWith("commander.")) {
      io.err(`perf-report: ${render(lang, usageMessage(error, command))}\n\n`);
      command.outputHelp({ error: true });
    }
    throw error;
  };
}
