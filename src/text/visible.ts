/**
 * The one sanitiser for text from a file on its way to a terminal (findings, excerpts,
 * `explain`): control characters (an escape sequence in a comment, a lone CR, a line feed
 * inside a name) must not reach it. Each C0 control shows as its Unicode picture (␛, ␍, ␊),
 * one column wide like the original. Tab stays a tab. C1 controls (U+0080–U+009F; U+009B is
 * an escape sequence's opener on some terminals) and the bidirectional controls (U+202E can
 * make `error` read as `rorre` and hide what follows) show as their code point, ⟨U+202E⟩.
 */
export function visible(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, (c) => String.fromCharCode(c === "\u007f" ? 0x2421 : 0x2400 + c.charCodeAt(0)))
    .replace(/[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`);
}
