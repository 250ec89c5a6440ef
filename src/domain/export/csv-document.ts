/**
 * The CSV document every export writes: preamble comment lines, one header record, the data records.
 * Pure: returns text; the app turns it into a download (Blob type CSV_MIME; prefix UTF8_BOM if Excel
 * must detect UTF-8).
 *
 * Format:
 *  - First the preamble: comment lines (what the file is, the release, the sources, how it was
 *    generated, totals), each written as `#,<text>` where <text> is one CSV field, quoted and
 *    formula-guarded like any cell — names from the data may hold commas or start with "=", and
 *    must neither split the line nor become a formula. A spreadsheet shows "#" in column A and
 *    the line in column B; the line still starts with "#", so read the file with `comment="#"`
 *    (pandas), `comment.char = "#"` (R), or delete the lines in a spreadsheet.
 *  - Then one header record and the data records, RFC 4180: fields containing a comma, a double
 *    quote, CR or LF are quoted, quotes doubled; CRLF line ends (also after the last record).
 *  - Text cells starting with = + - @ (or TAB / CR) get a leading apostrophe so a spreadsheet does
 *    not run them as a formula (CSV / formula injection). Numbers are written as numbers, so a
 *    negative number stays numeric. null/undefined → empty cell (= not known).
 *  - The release is named in the preamble AND in the header of every release-specific column
 *    ("IMD decile (IoD2025)"), so a pasted table keeps it.
 */
import { CRLF, csvField, csvRecord, type CsvCell } from '../csv-writer';

export const CSV_MIME = 'text/csv;charset=utf-8';
export const UTF8_BOM = '\uFEFF';

/** Marks a preamble line: the first field of the record, alone, so comment-aware readers skip the line. */
export const PREAMBLE_MARK = '#';

/** One preamble line: "#", then the text as a single guarded CSV field (a leading "# " in `line` is dropped). */
function preambleLine(line: string): string {
  const text = line.replace(/\r\n|\r|\n/g, ' ').replace(/^#\s?/, '');
  return `${PREAMBLE_MARK},${csvField(text)}`;
}

/**
 * Preamble comment lines, header, rows → CSV text with CRLF line ends. Every row must have as many
 * cells as the header (a mismatch is a programming error and throws).
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  preamble: readonly string[] = [],
): string {
  const out: string[] = preamble.map(preambleLine);
  out.push(csvRecord(header));
  rows.forEach((r, i) => {
    if (r.length !== header.length)
      throw new Error(`CSV row ${i + 1} has ${r.length} cells, the header has ${header.length}`);
    out.push(csvRecord(r));
  });
  return out.join(CRLF) + CRLF;
}
