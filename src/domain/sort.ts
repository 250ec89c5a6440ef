export type SortDirection = 'asc' | 'desc';
type SortValue = string | number | null | undefined;

/** Stable sort by a derived value; missing values (null) always go last, whichever the direction. */
export function sortBy<T>(rows: readonly T[], value: (row: T) => SortValue, direction: SortDirection): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((a, b) => {
      const x = a.v;
      const y = b.v;
      if (x === null || x === undefined) return y === null || y === undefined ? a.i - b.i : 1;
      if (y === null || y === undefined) return -1;
      const c =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y), 'en-GB', { numeric: true });
      return c === 0 ? a.i - b.i : sign * c;
    })
    .map((r) => r.row);
}

/** Stable sort by one column of plain rows. */
export function sortRows<T extends object, K extends keyof T>(
  rows: readonly T[],
  key: K,
  direction: SortDirection,
): T[] {
  return sortBy(rows, (r) => r[key] as SortValue, direction);
}
