/**
 * The one sanitiser for text from a file on its way to a terminal (findings, excerpts,
 * `explain`): control characters (an escape sequence in a comment, a lone CR, a line feed
 * inside a name) must not reach it. Each shows as its Unicode picture (␛, ␍, ␊), one column
 * wide like the original. Tab stays a tab.
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, (c) => String.fromCharCode(c === "\u007f" ? 0x2421 : 0x2400 + c.charCodeAt(0)));
}
