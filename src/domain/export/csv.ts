/**
 * CSV export of the current list (catchment, gap, a ward's LSOAs, any table): the one entry point the
 * panels import (lazily, when a download button is pressed). Pure: every builder returns text.
 *
 * - csv-document.ts: the file format (preamble comment lines, header, RFC 4180 records, formula guard);
 * - export-context.ts: what an export is about, its preamble, release tags and file name;
 * - people-columns.ts: the people columns and lines the outreach lists share;
 * - outreach-csv.ts: catchment and gap lists; lsoa-list-csv.ts: a ward's LSOAs; table-csv.ts: any table.
 */
export { csvField, type CsvCell } from '../csv-writer';
export { slugify } from '../../data/slug';
export { CSV_MIME, PREAMBLE_MARK, toCsv, UTF8_BOM } from './csv-document';
export {
  csvFileName,
  RELEASE_TAG,
  RELEASE_TITLE,
  wardMethodSource,
  type ExportContext,
  type ExportKind,
} from './export-context';
export { catchmentCsv, gapCsv, type GapVenueSet } from './outreach-csv';
export { wardLsoasCsv } from './lsoa-list-csv';
export { tableCsv, type CsvColumn } from './table-csv';
