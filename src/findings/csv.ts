/**
 * One CSV cell (RFC 4180). A cell that a spreadsheet would read as a formula — starting with
 * = + - @, a tab or a CR, "-1+cmd|' /C calc'!A0" included — is prefixed with ' so that it
 * stays text; a value that is entirely a decimal number (-6.9) stays a number.
 */
export function csvCell(value: unknown): string {
  const text = String(value);
  const guarded = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
