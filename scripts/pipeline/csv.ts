import { readText } from './read-text';
import { parseDelimited } from '../../src/domain/csv';
import { PipelineError, type ProblemList } from './errors';

export interface CsvRow {
  /** 1-based line number in the file where the record starts (header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  file: string;
  header: string[];
  rows: CsvRow[];
}

/**
 * A source CSV as header + rows, through the one shared reader (src/domain/csv). Any quoting
 * problem is fatal here, named by file and line: a source file is never half-read.
 */
export function parseCsv(text: string, file: string): CsvTable {
  const { records, problems } = parseDelimited(text, { keepEmptyRows: true });
  const first = problems[0];
  if (first) {
    const message = first.kind === 'unclosed-quote' ? 'unterminated quoted field' : 'quote inside an unquoted field';
    throw new PipelineError({ file, location: `line ${first.row}`, message });
  }
  const rows: CsvRow[] = records.map((r) => ({ line: r.row, cells: r.cells }));
  const headerRow = rows.shift();
  if (!headerRow) throw new PipelineError({ file, message: 'empty CSV file' });
  const header = headerRow.cells.map((h) => h.trim());
  for (const r of rows) {
    if (r.cells.length !== header.length) {
      throw new PipelineError({
        file,
        location: `line ${r.line}`,
        message: `expected ${header.length} fields, found ${r.cells.length}`,
      });
    }
  }
  return { file, header, rows };
}

export function readCsv(filePath: string, displayName: string = filePath): CsvTable {
  let text: string;
  try {
    text = readText(filePath);
  } catch (e) {
    throw new PipelineError({ file: displayName, message: `cannot read file (${(e as Error).message})` });
  }
  return parseCsv(text, displayName);
}

/** Index of a required column; a missing column is a problem with the file, named as such. */
export function column(table: CsvTable, name: string): number {
  const i = table.header.indexOf(name);
  if (i < 0)
    throw new PipelineError({ file: table.file, location: 'line 1', field: name, message: 'required column missing' });
  return i;
}

export function cell(row: CsvRow, index: number): string {
  return row.cells[index] ?? '';
}

/** The rows as objects keyed by the (trimmed) header, values trimmed: for small files read by name. */
export function csvRecords(text: string, file: string): Record<string, string>[] {
  const table = parseCsv(text, file);
  const header = table.header.map((h) => h.trim());
  return table.rows.map((r) => Object.fromEntries(header.map((h, j) => [h, (r.cells[j] ?? '').trim()])));
}

export interface CodedRow {
  row: CsvRow;
  code: string;
  /** Records a problem with this row (file, line and code, the field). */
  bad: (field: string, message: string) => void;
}

/**
 * The data rows of a per-LSOA file, each with its code: a row with no code, or a code seen on an
 * earlier line, is recorded as a problem (file, line, field) and left out. A generator, so problems
 * are recorded in line order with those the caller finds on each row.
 */
export function* codedRows(
  table: CsvTable,
  codeCol: number,
  codeField: string,
  problems: ProblemList,
): Generator<CodedRow> {
  const firstLine = new Map<string, number>();
  for (const row of table.rows) {
    const code = cell(row, codeCol).trim();
    const at = `line ${row.line}${code ? ` (${code})` : ''}`;
    const bad = (field: string, message: string): void =>
      problems.add({ file: table.file, location: at, field, message });
    const prev = firstLine.get(code);
    if (code === '') bad(codeField, 'missing LSOA code');
    else if (prev !== undefined) bad(codeField, `duplicate LSOA code ${code} (also line ${prev})`);
    else {
      firstLine.set(code, row.line);
      yield { row, code, bad };
    }
  }
}
