/** Shared helpers for the SPI unit tests (all data synthetic). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scoreColumns, type Ward } from '../../../src/domain/spi/schema';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/spi/', import.meta.url));
export const fixture = (name: string): string => readFileSync(FIXTURES + name, 'utf8');

/** The 8 synthetic wards of synthetic-spi.csv. */
export const SYNTHETIC_WARDS: Ward[] = 'ABCDEFGH'.split('').map((c, i) => ({
  code: `E0599990${i + 1}`,
  name: c === 'E' ? 'Synthetic Ward E, North' : `Synthetic Ward ${c}`,
}));

/**
 * A valid SPI CSV line set: header + rows where every score column is `value` unless overridden.
 * Header order is the schema's; `extra` columns are appended.
 */
export function spiCsv(
  rows: { code: string; name: string; year: string; value?: string; set?: Record<string, string> }[],
  extra: string[] = [],
): string {
  const cols = scoreColumns();
  const header = ['ward_code', 'ward_name', 'year', ...cols, ...extra].join(',');
  const body = rows.map((r) =>
    [
      r.code,
      r.name,
      r.year,
      ...cols.map((c) => r.set?.[c] ?? r.value ?? '50'),
      ...extra.map((c) => r.set?.[c] ?? ''),
    ].join(','),
  );
  return `${[header, ...body].join('\n')}\n`;
}
