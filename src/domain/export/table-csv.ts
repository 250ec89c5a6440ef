/** Any table view as CSV: the caller's columns and rows, release-specific headers tagged with the release. */
import type { CsvCell } from '../csv-writer';
import { toCsv } from './csv-document';
import { preamble, withReleaseTag, type ExportContext } from './export-context';

export interface CsvColumn<R> {
  header: string;
  value: (row: R) => CsvCell;
  /** The value belongs to the release: the header gets " (IoD2025)". */
  releaseSpecific?: boolean;
}

/** Any table view: the caller's columns; release-specific headers are tagged with the release. */
export function tableCsv<R>(columns: readonly CsvColumn<R>[], rows: readonly R[], context: ExportContext): string {
  const header = columns.map((col) => (col.releaseSpecific ? withReleaseTag(col.header, context) : col.header));
  const body = rows.map((r) => columns.map((col) => col.value(r)));
  return toCsv(header, body, preamble(context, `${context.subject ?? 'table view'} (${rows.length} rows)`));
}
