/**
 * Minimal RFC 4180 CSV reader/writer (browser-safe, no dependencies).
 *
 * Accepts what spreadsheets actually export: a UTF-8 BOM, CRLF / LF / CR line ends, quoted fields
 * with embedded commas, doubled quotes and line breaks. Row numbers are counted like a spreadsheet
 * (header = row 1, blank lines count) so messages point to the row a person sees in Excel.
 */

import { parseDecimal } from '../decimal';
import type { SpiIssue } from './schema';

export interface CsvRecord {
  /** Spreadsheet row number (1-based; the header is row 1). */
  row: number;
  cells: string[];
}

export interface CsvParseResult {
  /** Non-blank records in file order; the first is the header. */
  records: CsvRecord[];
  errors: SpiIssue[];
}

export function parseCsv(text: string): CsvParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const errors: SpiIssue[] = [];
  let cells: string[] = [];
  let field = '';
  let row = 1;
  let recordStartRow = 1;
  let inQuotes = false;
  let quoteStartRow = 0;
  let fieldWasQuoted = false;

  const endRecord = (): void => {
    cells.push(field);
    // Skip blank lines and all-empty rows (",,,," — Excel exports them after deleted rows);
    // they still count as spreadsheet rows.
    if (!cells.every((c) => c.trim() === '')) records.push({ row: recordStartRow, cells });
    cells = [];
    field = '';
    fieldWasQuoted = false;
  };

  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        // Line break inside a quoted field: keep it as "\n" but advance the physical row counter.
        field += '\n';
        i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
        row += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '' && !fieldWasQuoted) {
      inQuotes = true;
      fieldWasQuoted = true;
      quoteStartRow = row;
      i += 1;
      continue;
    }
    if (ch === ',') {
      cells.push(field);
      field = '';
      fieldWasQuoted = false;
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      row += 1;
      recordStartRow = row;
      continue;
    }
    // Text after a closing quote ("ab"c) or a stray quote inside an unquoted field: RFC 4180 forbids
    // it, but rejecting the whole file for it helps nobody, so keep the characters literally.
    field += ch;
    i += 1;
  }
  if (inQuotes) {
    errors.push({ row: quoteStartRow, message: `row ${quoteStartRow}: a quoted field is never closed (missing '"')` });
  }
  if (field !== '' || cells.length > 0 || fieldWasQuoted) endRecord();
  return { records, errors };
}

/** CSV text with CRLF line ends (RFC 4180; Excel opens it cleanly), formula-guarded: the shared writer. */
export { csvText as toCsv } from '../csv-writer';

/** Strict decimal number (the app-wide syntax of src/domain/decimal.ts): null for "", "NA", "0x1F", "1,234", "12%". */
export function parseNumber(raw: string): number | null {
  return parseDecimal(raw);
}
