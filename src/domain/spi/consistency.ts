/** Warnings when a row's published aggregates disagree with the mean of their parts. */

import { SPI_OVERALL_ID, type SpiFramework, type SpiIssue, type SpiRow } from './schema';

/** Warns (does not fail) when a dimension differs from the mean of its components, or the overall from the mean of the dimensions, by more than `tolerance`. */
export function checkConsistency(row: SpiRow, framework: SpiFramework, tolerance: number, warnings: SpiIssue[]): void {
  const s = row.scores;
  const dimMeans: number[] = [];
  for (const d of framework.dimensions) {
    const parts = d.components.flatMap((c) => s[c.id] ?? []);
    const dv = s[d.id];
    if (dv !== undefined) dimMeans.push(dv);
    if (dv === undefined || parts.length < d.components.length) continue;
    const mean = average(parts);
    if (Math.abs(mean - dv) > tolerance) {
      warnings.push({
        row: row.sourceRow,
        column: d.id,
        message: `row ${row.sourceRow}, column '${d.id}': ${dv} differs from the mean of its components (${mean.toFixed(2)})`,
      });
    }
  }
  const overall = s[SPI_OVERALL_ID];
  if (overall !== undefined && dimMeans.length === framework.dimensions.length) {
    const mean = average(dimMeans);
    if (Math.abs(mean - overall) > tolerance) {
      warnings.push({
        row: row.sourceRow,
        column: SPI_OVERALL_ID,
        message: `row ${row.sourceRow}, column '${SPI_OVERALL_ID}': ${overall} differs from the mean of the dimensions (${mean.toFixed(2)})`,
      });
    }
  }
}

function average(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
