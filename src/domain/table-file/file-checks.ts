/**
 * What a person's file is, decided from its size and first bytes BEFORE any parsing: a delimited
 * text table, an Excel workbook (.xlsx, a zip), or something to refuse with a plain message (a PDF,
 * an image, an old .xls, an empty, binary or too-large file).
 */

/** Files of this size or more are refused: a venue list of 5,000 rows is well under 2 MB. */
export const TABLE_MAX_FILE_BYTES = 50 * 1024 * 1024;

export type FileKind = { kind: 'text' } | { kind: 'xlsx' } | { kind: 'refused'; message: string };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const SAVE_AS = 'open it in a spreadsheet and save it as CSV or Excel workbook (.xlsx)';

/** The refusal for a file's size, or null when the size is fine. */
export function fileSizeProblem(name: string, bytes: number, max = TABLE_MAX_FILE_BYTES): string | null {
  if (bytes === 0) return `${name} is empty: there is nothing to import.`;
  if (bytes < max) return null;
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
  return `${name} is ${mb(bytes)}, and files of ${mb(max)} or more are not read (a list of 5,000 venues is under 2 MB): check that it is the right file.`;
}

/** The kind of file from its first bytes (`head`: at least the first 4,096 bytes, or the whole file). */
export function sniffFile(name: string, head: Uint8Array): FileKind {
  const refuse = (what: string): FileKind => ({
    kind: 'refused',
    message: `${name} ${what}, not a table: ${SAVE_AS}.`,
  });
  if (head.length === 0) return { kind: 'refused', message: `${name} is empty: there is nothing to import.` };
  if (startsWith(head, ascii('%PDF'))) return refuse('is a PDF');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) return refuse('is a PNG image');
  if (startsWith(head, [0xff, 0xd8, 0xff])) return refuse('is a JPEG image');
  if (startsWith(head, ascii('GIF8'))) return refuse('is a GIF image');
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return refuse('is a WebP image');
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    return {
      kind: 'refused',
      message: `${name} is an old Excel (.xls) or a password-protected workbook, which is not read: save it as Excel workbook (.xlsx) or CSV, without a password.`,
    };
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'xlsx' };
  const sample = head.subarray(0, 4096);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return refuse('is a binary file');
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control / sample.length > 0.02) return refuse('is a binary file');
  return { kind: 'text' };
}
