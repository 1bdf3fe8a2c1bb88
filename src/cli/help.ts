import type { Argument, HelpConfiguration, Option } from "commander";
import type { Lang } from "../i18n/lang.js";
import { message, msg, render, type Message, type MessageKey } from "../i18n/messages.js";

/** Commander's headings (what it passes to `styleTitle`) and their words in the catalogue. */
const TITLES: Record<string, MessageKey> = {
  "Usage:": "help.title.usage",
  "Arguments:": "help.title.arguments",
  "Options:": "help.title.options",
  "Global Options:": "help.title.global-options",
  "Commands:": "help.title.commands",
};

/** Characters a terminal shows two columns wide (CJK ideographs, kana, hangul, full-width forms and punctuation). */
const WIDE_RANGES = "\\u1100-\\u115f\\u2e80-\\u303e\\u3041-\\u33ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\ua000-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6";
const WIDE = new RegExp(`[${WIDE_RANGES}]`, "u");
/** Punctuation a line may not start with, and punctuation it may not end with (Chinese line breaking). */
const CLOSING = "，。、；：！？）》」』”’";
const OPENING = "（《「『“‘";
/** The pieces a line may break between: a run of narrow text, or one wide character, with the punctuation that sticks to it. */
const CHUNK = new RegExp(`\\s*[${OPENING}]*(?:[^\\s${OPENING}${CLOSING}${WIDE_RANGES}]+|[^\\s${CLOSING}])?[${CLOSING}]*`, "gu");

/** Columns `text` takes in a terminal, colour codes aside. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(/\x1b\[\d*(;\d*)*m/g, "")) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Wraps at spaces and, in Chinese, between characters, never starting a line with closing punctuation. */
export function wrap(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const chunks = (line.match(CHUNK) ?? []).filter((c) => c !== "");
      const lines: string[] = [];
      let current = "";
      for (const chunk of chunks) {
        if (current !== "" && displayWidth(current) + displayWidth(chunk) > width) {
          lines.push(current);
          current = chunk.trimStart();
        } else current += chunk;
      }
      return [...lines, current].join("\n");
    })
    .join("\n");
}

/** An option's or argument's description with the choices and default commander adds, worded in `lang`. */
function described(lang: Lang, description: string, choices: readonly string[] | undefined, shownDefault: string | undefined): string {
  const extra: Message[] = [];
  if (choices) extra.push(message("help.choices", { values: message("list.comma", { items: choices }) }));
  if (shownDefault !== undefined) extra.push(message("help.default", { value: shownDefault }));
  if (extra.length === 0) return description;
  const note = msg(lang, "help.note", { items: message("list.semicolon", { items: extra }) });
  return description ? `${description}${lang === "zh" ? "" : " "}${note}` : note;
}

/** The default commander would show for an option: only for one that takes a value (as commander decides). */
function optionDefault(option: Option): string | undefined {
  if (option.defaultValue === undefined || !(option.required || option.optional)) return undefined;
  return option.defaultValueDescription ?? (typeof option.defaultValue === "string" ? option.defaultValue : JSON.stringify(option.defaultValue));
}

function argumentDefault(argument: Argument): string | undefined {
  if (argument.defaultValue === undefined) return undefined;
  return argument.defaultValueDescription ?? (typeof argument.defaultValue === "string" ? argument.defaultValue : JSON.stringify(argument.defaultValue));
}

/**
 * Commander's help in `lang`, through its documented hooks: the headings (`styleTitle`), the
 * choices and defaults it appends to descriptions, and wrapping that counts a Chinese character
 * as two columns and may break between two of them.
 */
export function helpConfiguration(lang: Lang): HelpConfiguration {
  return {
    styleTitle: (title: string) => (Object.hasOwn(TITLES, title) ? msg(lang, TITLES[title]!) : title),
    optionDescription: (option: Option) => described(lang, option.description ?? "", option.argChoices, optionDefault(option)),
    argumentDescription: (argument: Argument) => described(lang, argument.description, argument.argChoices, argumentDefault(argument)),
    displayWidth,
    boxWrap(this: { minWidthToWrap: number }, text: string, width: number) {
      return width < this.minWidthToWrap ? text : wrap(text, width);
    },
  };
}

/** "Examples:" and one command line per entry, with its comment aligned after it. */
export function examplesText(lang: Lang, lines: readonly (readonly [string, Message?])[]): string {
  const body = lines.map(([line, comment]) => (comment === undefined ? `  ${line}` : `  ${line.padEnd(54)}  # ${render(lang, comment)}`));
  return `\n${msg(lang, "help.title.examples")}\n${body.join("\n")}\n`;
}
