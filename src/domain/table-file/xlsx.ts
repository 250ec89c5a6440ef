/**
 * A small, strict reader for the first worksheet of an Excel workbook (.xlsx): the zip is opened
 * with fflate (already used by the build, 8 KB in the browser) and the sheet's XML read with a few
 * linear patterns. Only what a table needs: cell text and numbers, shared and inline strings, and
 * dates (cells whose number format is a date become ISO dates). No formulas are evaluated (the
 * cached value is read), no macros, no external links, nothing is executed. Runs in a worker.
 *
 * Why not a library: the npm `xlsx` stops at 0.18.5 (CVE-2023-30533 prototype pollution, a ReDoS);
 * `@e965/xlsx` republishes 0.20.3 but is ~900 KB of code for reading one sheet; ExcelJS is larger
 * still and pulls in Node polyfills. See docs/venue-lists.md.
 */
import { unzipSync } from 'fflate';

export interface SheetRow {
  /** The spreadsheet row number (1-based), as Excel shows it. */
  row: number;
  cells: string[];
}

/** Uncompressed size a single part may have: far above any real venue list, far below a zip bomb. */
const MAX_PART_BYTES = 200 * 1024 * 1024;

export class XlsxError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function xmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? xmlText(m[1] ?? '') : null;
}

/** The text of every <t> in a string item or inline string, leaving out phonetic runs (<rPh>). */
function runText(xml: string): string {
  const noPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of noPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += xmlText(m[1] ?? '');
  return out;
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => runText(m[1] ?? ''));
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** For each style index (cellXfs order), whether its number format shows a date. */
function dateStyles(xml: string | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, boolean>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attr(m[1] ?? '', 'numFmtId'));
    // A date format has d, m or y outside quoted text and [colour]/[locale] sections.
    const code = (attr(m[1] ?? '', 'formatCode') ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '');
    custom.set(id, /[dmy]/i.test(code));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b([^>]*)\/?>/g)].map((m) => {
    const id = Number(attr(m[1] ?? '', 'numFmtId') ?? '0');
    return BUILTIN_DATE_FORMATS.has(id) || custom.get(id) === true;
  });
}

/** Excel's serial day (1900 system: day 25,569 is 1970-01-01) as an ISO date, with the time if any. */
export function serialDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400 * 1000);
  const iso = new Date(ms).toISOString();
  return Number.isInteger(serial) ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}

/** "C12" → 2 (0-based column). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function cellValue(attrs: string, inner: string, strings: readonly string[], dates: readonly boolean[]): string {
  const type = attr(attrs, 't') ?? 'n';
  if (type === 'inlineStr') return runText(inner);
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return '';
  const raw = xmlText(v);
  if (type === 's') return strings[Number(raw)] ?? '';
  if (type === 'b') return raw === '1' ? 'TRUE' : 'FALSE';
  if (type === 'n') {
    const n = Number(raw);
    const style = Number(attr(attrs, 's') ?? '0');
    if (Number.isFinite(n) && dates[style] === true && n > 0 && n < 2958466) return serialDate(n);
  }
  return raw;
}

/** The path of the workbook's first sheet, from workbook.xml and its relationships. */
function firstSheetPath(
  files: Record<string, Uint8Array>,
  decode: (b: Uint8Array | undefined) => string | null,
): string {
  const workbook = decode(files['xl/workbook.xml']);
  const rels = decode(files['xl/_rels/workbook.xml.rels']);
  if (!workbook || !rels) throw new XlsxError('it is a zip file but not an Excel workbook (no xl/workbook.xml)');
  const sheet = /<sheet\b([^>]*)\/?>/.exec(workbook);
  const rid = sheet ? (attr(sheet[1] ?? '', 'r:id') ?? attr(sheet[1] ?? '', 'id')) : null;
  if (!rid) throw new XlsxError('the workbook has no worksheet');
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    if (attr(m[1] ?? '', 'Id') !== rid) continue;
    const target = attr(m[1] ?? '', 'Target') ?? '';
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  throw new XlsxError('the workbook names a first sheet that is not in the file');
}

/** The first worksheet's non-empty rows. Throws XlsxError with a plain reason when the file is not a readable workbook. */
export function readFirstSheet(bytes: Uint8Array): SheetRow[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.originalSize > MAX_PART_BYTES)
          throw new XlsxError(`a part of the workbook (${f.name}) would unpack to more than 200 MB`);
        return f.name.startsWith('xl/') && !f.name.startsWith('xl/media/');
      },
    });
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError('the zip inside the workbook is damaged');
  }
  const utf8 = new TextDecoder('utf-8');
  const decode = (b: Uint8Array | undefined): string | null => (b ? utf8.decode(b) : null);
  const sheetXml = decode(files[firstSheetPath(files, decode)]);
  if (!sheetXml) throw new XlsxError('the workbook names a first sheet that is not in the file');
  const strings = sharedStrings(decode(files['xl/sharedStrings.xml']));
  const dates = dateStyles(decode(files['xl/styles.xml']));
  const rows: SheetRow[] = [];
  let nextRow = 1;
  for (const rm of sheetXml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(attr(rm[1] ?? '', 'r') ?? nextRow);
    nextRow = rowNumber + 1;
    const cells: string[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cm[1] ?? '';
      const ref = attr(attrs, 'r');
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      if (col < 0 || col > 16383) continue;
      const value = cellValue(attrs, cm[2] ?? '', strings, dates);
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: rowNumber, cells });
  }
  return rows;
}
