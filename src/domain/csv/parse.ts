/**
 * The one RFC 4180 reader (issue 20 item 5): the pipeline (scripts/pipeline/csv.ts), the SPI import
 * (src/domain/spi/csv.ts) and the venue-list import all read delimited text through it. Pure and
 * browser-safe.
 *
 * Accepts what spreadsheets actually write: a byte-order mark, CRLF / LF / CR line ends, quoted
 * fields with the separator, doubled quotes and line breaks inside. Row numbers count like a
 * spreadsheet (header = row 1, blank lines and the extra lines of a multi-line cell count), so a
 * message points to the row a person sees in Excel. Problems are returned, never thrown: each
 * caller decides whether one is fatal (the pipeline) or is reported next to the rest (the imports).
 */

export interface CsvRecord {
  /** Spreadsheet row number where the record starts (1-based; the header is row 1). */
  row: number;
  cells: string[];
}

export interface CsvProblem {
  row: number;
  /** `unclosed-quote` loses the rest of the file; `stray-quote` ("ab"c, a"b) keeps the characters literally. */
  kind: 'unclosed-quote' | 'stray-quote';
  message: string;
}

export interface CsvParse {
  /** Records in file order (the first is the header). */
  records: CsvRecord[];
  problems: CsvProblem[];
}

export interface CsvOptions {
  /** Column separator; default ','. See detectDelimiter for files whose separator is not known. */
  delimiter?: ',' | ';' | '\t';
  /**
   * Keep rows whose cells are all empty (",,,"): the pipeline checks every row's field count.
   * By default they are dropped (Excel writes them after deleted rows); they still count as rows.
   */
  keepEmptyRows?: boolean;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export function parseDelimited(text: string, options: CsvOptions = {}): CsvParse {
  const sep = (options.delimiter ?? ',').charCodeAt(0);
  const keepEmpty = options.keepEmptyRows === true;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row = 1;
  let recordRow = 1;
  let cells: string[] = [];

  const endRecord = (): void => {
    const blankLine = cells.length === 1 && cells[0] === '';
    const allEmpty = blankLine || cells.every((c) => c.trim() === '');
    if (!blankLine && (keepEmpty || !allEmpty)) records.push({ row: recordRow, cells });
    cells = [];
  };
  const lineEnd = (at: number): number => (text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? 2 : 1);

  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      // Quoted field: up to the next quote that is not doubled.
      const startRow = row;
      let parts = '';
      let j = i + 1;
      let closed = false;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === QUOTE) {
          if (text.charCodeAt(j + 1) === QUOTE) {
            parts += '"';
            j += 2;
            continue;
          }
          closed = true;
          j += 1;
          break;
        }
        if (c === CR || c === LF) {
          parts += '\n';
          j += lineEnd(j);
          row += 1;
          continue;
        }
        // Copy a run of ordinary characters at once (much faster than one at a time on big files).
        let k = j + 1;
        while (k < n) {
          const d = text.charCodeAt(k);
          if (d === QUOTE || d === CR || d === LF) break;
          k++;
        }
        parts += text.slice(j, k);
        j = k;
      }
      if (!closed) {
        problems.push({
          row: startRow,
          kind: 'unclosed-quote',
          message: `row ${startRow}: a quoted field is never closed (missing '"')`,
        });
        cells.push(parts);
        endRecord();
        return { records, problems };
      }
      // Text after the closing quote ("ab"c): RFC 4180 forbids it; keep it literally and say so.
      let k = j;
      while (k < n) {
        const d = text.charCodeAt(k);
        if (d === sep || d === CR || d === LF) break;
        k++;
      }
      if (k > j) problems.push({ row, kind: 'stray-quote', message: `row ${row}: text after a closing quote` });
      field = parts + text.slice(j, k);
      i = k;
    } else {
      let k = i;
      let stray = false;
      while (k < n) {
        const d = text.charCodeAt(k);
        if (d === sep || d === CR || d === LF) break;
        if (d === QUOTE) stray = true;
        k++;
      }
      if (stray) problems.push({ row, kind: 'stray-quote', message: `row ${row}: a quote inside an unquoted field` });
      field = text.slice(i, k);
      i = k;
    }
    cells.push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === sep) {
      i += 1;
      // A separator as the last character still ends an (empty) field.
      if (i >= n) cells.push('');
      continue;
    }
    // Line end.
    i += lineEnd(i);
    endRecord();
    row += 1;
    recordRow = row;
  }
  if (cells.length > 0) endRecord();
  return { records, problems };
}
