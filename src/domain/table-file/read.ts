/**
 * A person's table file (CSV in any of its spreadsheet dialects, or .xlsx) → header and rows of
 * text, each row with the number a spreadsheet shows. Checks size and magic bytes first; pure
 * (runs in the import worker and in unit tests).
 */
import { decodeText, detectDelimiter, parseDelimited, type Delimiter } from '../csv';
import { fileSizeProblem, sniffFile } from './file-checks';
import { readFirstSheet, XlsxError, type SheetRow } from './xlsx';

export interface TableData {
  kind: 'table';
  format: 'csv' | 'xlsx';
  /** How the text was read (CSV only). */
  encoding?: 'utf-8' | 'windows-1252';
  delimiter?: Delimiter;
  /** The header row's cells, trimmed. */
  headers: string[];
  /** Data rows, each with its spreadsheet row number. */
  rows: SheetRow[];
  /** Whole-file problems that did not stop the reading (e.g. an unclosed quote at the end). */
  warnings: string[];
}

export type TableRead = TableData | { kind: 'refused'; message: string };

export function readTable(name: string, bytes: Uint8Array): TableRead {
  const size = fileSizeProblem(name, bytes.byteLength);
  if (size) return { kind: 'refused', message: size };
  const kind = sniffFile(name, bytes.subarray(0, 4096));
  if (kind.kind === 'refused') return kind;
  let rows: SheetRow[];
  let extra: Pick<TableData, 'format' | 'encoding' | 'delimiter'>;
  const warnings: string[] = [];
  if (kind.kind === 'xlsx') {
    try {
      rows = readFirstSheet(bytes);
    } catch (e) {
      if (!(e instanceof XlsxError)) throw e;
      return { kind: 'refused', message: `${name} could not be read as an Excel workbook: ${e.message}.` };
    }
    extra = { format: 'xlsx' };
  } else {
    const { text, encoding } = decodeText(bytes);
    const delimiter = detectDelimiter(text);
    const parsed = parseDelimited(text, { delimiter });
    for (const p of parsed.problems) if (p.kind === 'unclosed-quote') warnings.push(p.message);
    rows = parsed.records;
    extra = { format: 'csv', encoding, delimiter };
  }
  const header = rows.shift();
  if (!header) return { kind: 'refused', message: `${name} has no rows: there is nothing to import.` };
  const headers = header.cells.map((h) => h.trim());
  if (headers.every((h) => h === ''))
    return { kind: 'refused', message: `${name} has no header row (the first row is empty).` };
  return { kind: 'table', ...extra, headers, rows, warnings };
}
