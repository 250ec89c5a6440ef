/**
 * Whole-file checks made before any row is read: size, binary content, and the wrong column
 * separator. Each names the likely cause alone, because every later error would follow from it.
 */

/**
 * The largest SPI file the app reads: a ward file is a few KB per year even with many indicator
 * columns, so anything near this is almost certainly the wrong file, and reading it would take
 * seconds and more memory than a phone has to spare.
 */
export const SPI_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A plain message when the file is over SPI_MAX_FILE_BYTES; null when its size is fine. */
export function spiFileSizeProblem(name: string, bytes: number, max = SPI_MAX_FILE_BYTES): string | null {
  if (bytes <= max) return null;
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${name} is ${mb(bytes)}, larger than the ${mb(max)} an SPI file may be (a ward SPI file is usually well under 1 MB): check that it is the right file.`;
}

/**
 * A file that is not text at all (an Excel workbook, a PDF, an image): NUL bytes or many bytes that
 * are not valid UTF-8 (decoded as U+FFFD) in its first 4,000 characters. Text CSVs have neither.
 */
export function binaryFileProblem(text: string): string | null {
  const head = text.slice(0, 4000);
  if (head.length === 0) return null;
  // Control characters other than tab, line feed, vertical tab, form feed and carriage return (0x09–0x0D).
  const isOddControl = (code: number) => (code >= 0x01 && code <= 0x08) || (code >= 0x0e && code <= 0x1f);
  const odd = [...head].filter((ch) => ch === '\u0000' || ch === '\uFFFD' || isOddControl(ch.charCodeAt(0))).length;
  if (!head.includes('\u0000') && odd / head.length < 0.05) return null;
  const what = head.startsWith('PK')
    ? ' (it looks like an Excel workbook, .xlsx)'
    : head.startsWith('%PDF')
      ? ' (it looks like a PDF)'
      : '';
  return `this is not a text CSV file${what}: open it in a spreadsheet and save it as "CSV (comma delimited)"`;
}

/**
 * A header that is one cell holding semicolons or tabs: a spreadsheet in a locale that writes
 * semicolon-separated "CSV" (Excel with a comma as the decimal mark), or a tab-separated export.
 */
export function separatorProblem(header: readonly string[]): string | null {
  if (header.length !== 1) return null;
  const raw = header[0] ?? '';
  const kind = raw.includes(';') ? 'semicolons' : raw.includes('\t') ? 'tabs' : null;
  if (!kind) return null;
  return `this file uses ${kind}, not commas, between columns (a spreadsheet set to another region often saves CSV this way): save it again as "CSV (comma delimited)" with commas between columns and a full stop as the decimal mark`;
}
