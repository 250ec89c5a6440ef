/**
 * The SPI file's records through the one shared reader (src/domain/csv): all-empty rows dropped,
 * a stray quote kept literally (rejecting a file for it helps nobody), an unclosed quote reported.
 */
import { parseDelimited, type CsvRecord } from '../csv';
import { parseDecimal } from '../decimal';
import type { SpiIssue } from './schema';

export type { CsvRecord };

export interface CsvParseResult {
  /** Non-blank records in file order; the first is the header. */
  records: CsvRecord[];
  errors: SpiIssue[];
}

export function parseCsv(text: string): CsvParseResult {
  const { records, problems } = parseDelimited(text);
  const errors = problems.filter((p) => p.kind === 'unclosed-quote').map((p) => ({ row: p.row, message: p.message }));
  return { records, errors };
}

/** CSV text with CRLF line ends (RFC 4180; Excel opens it cleanly), formula-guarded: the shared writer. */
export { csvText as toCsv } from '../csv-writer';

/** Strict decimal number (the app-wide syntax of src/domain/decimal.ts): null for "", "NA", "0x1F", "1,234", "12%". */
export function parseNumber(raw: string): number | null {
  return parseDecimal(raw);
}
