export type Lang = "zh" | "en";

export const LANGS: readonly Lang[] = ["zh", "en"];

/** The language to use when the user gave none: Chinese unless the locale says English. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^en/i.test(locale) ? "en" : "zh";
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}
