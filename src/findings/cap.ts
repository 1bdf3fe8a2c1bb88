/**
 * At most this many findings of one unit are printed (text, JSON, CI): a file with a
 * million broken values must not make a report of millions of lines. The rest are counted.
 */
export const FINDINGS_PER_UNIT = 1000;

export function capFindings<T>(findings: readonly T[], limit = FINDINGS_PER_UNIT): { shown: T[]; omitted: number } {
  return findings.length <= limit ? { shown: [...findings], omitted: 0 } : { shown: findings.slice(0, limit), omitted: findings.length - limit };
}
