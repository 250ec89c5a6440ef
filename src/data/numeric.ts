/** Reading numbers out of generated data: the one finite-number test, property reader and median. */

/** A finite number (JSON has no NaN, but derived values could). */
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A feature property as a number; null when absent or not a finite number. */
export function numProp(props: Readonly<Record<string, unknown>>, key: string): number | null {
  const v = props[key];
  return isFiniteNumber(v) ? v : null;
}

/** Median (mean of the two middle values when the count is even); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const hi = s[mid] ?? NaN;
  return s.length % 2 === 1 ? hi : ((s[mid - 1] ?? NaN) + hi) / 2;
}
