/**
 * One `Postcode,lat,long` file of the postcode directory, read from its bytes. Every row is checked
 * (skipped rows are reported the same whichever rows are kept), but only the rows inside `box` are
 * turned into strings: a one-council build keeps a few thousand of the 2.4 M rows (issue 25).
 *
 * Plain rows (`LS1 1AA,53.79617,-1.55254` or `LS101UL,…`: an upper-case postcode, decimal
 * coordinates, no spaces) are read straight from the bytes; any other row goes through the string
 * path (parseRow), which applies postcodeKey and Number exactly as before and names the problem.
 */
import { isFullPostcode, postcodeKey } from '../../src/data/postcode';
import { PipelineError, type Problem } from './errors';
import { MapKeys, OrderedKeys, Unordered, type KeyCheck } from './postcode-keys';

const HEADER = 'Postcode,lat,long';

/**
 * Great Britain's extent with a margin (lon −8.7…1.8, lat 49.8…60.9): NSPL rows outside it are bad
 * coordinates (a swapped lat/long, a zero), not postcodes, and are skipped with a problem line.
 */
export const GREAT_BRITAIN_BBOX: readonly [number, number, number, number] = [-8.7, 49.8, 1.8, 60.9];

export type KeepBox = readonly [number, number, number, number] | null;

/** What a file gives besides the rows kept (those go straight into the Columns). */
export interface FileRows {
  /** Data rows read (blank lines and the header not counted). */
  rows: number;
  noCoordinates: string[];
  skipped: Problem[];
}

/** The rows kept, column-wise (2.4 M rows in a whole read: typed arrays, not one object per row). */
export class Columns {
  keys: string[] = [];
  lon = new Float64Array(1 << 16);
  lat = new Float64Array(1 << 16);
  push(key: string, x: number, y: number): void {
    const i = this.keys.length;
    if (i === this.lon.length) {
      const lon = new Float64Array(i * 2);
      const lat = new Float64Array(i * 2);
      lon.set(this.lon);
      lat.set(this.lat);
      this.lon = lon;
      this.lat = lat;
    }
    this.keys.push(key);
    this.lon[i] = x;
    this.lat[i] = y;
  }
}

const at = (file: string, index: number, field: string, message: string): Problem => ({
  file,
  location: `line ${index + 1}`,
  field,
  message,
});

/**
 * NSPL files are sorted, so duplicates are ruled out by order without a map of keys; a file whose
 * keys are out of order is read again with a map (the same result, more slowly).
 */
export function parsePostcodeFile(file: string, bytes: Buffer, box: KeepBox, cols: Columns): FileRows {
  const kept = cols.keys.length;
  try {
    return parseLines(file, bytes, { box, cols }, new OrderedKeys());
  } catch (e) {
    if (!(e instanceof Unordered)) throw e;
    cols.keys.length = kept;
    return parseLines(file, bytes, { box, cols }, new MapKeys());
  }
}

interface Keep {
  box: KeepBox;
  cols: Columns;
}

function parseLines(file: string, bytes: Buffer, keep: Keep, keys: KeyCheck): FileRows {
  const out: FileRows = { rows: 0, noCoordinates: [], skipped: [] };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let end = bytes.indexOf(10, bom);
  const first = bytes.toString('utf8', bom, end < 0 ? bytes.length : end);
  if (first.trim() !== HEADER)
    throw new PipelineError({
      file,
      location: 'line 1',
      message: `expected the header "${HEADER}", found "${first.replace(/\r$/, '').slice(0, 60)}"`,
    });
  const row = new PlainRow(bytes);
  for (let n = 1; end >= 0; n++) {
    const start = end + 1;
    end = bytes.indexOf(10, start);
    const stop = end < 0 ? bytes.length : end > start && bytes[end - 1] === 13 ? end - 1 : end;
    if (row.read(start, stop)) {
      out.rows++;
      plainRow(file, n, row, keys, keep, out);
      continue;
    }
    const line = bytes.toString('utf8', start, stop);
    if (line.trim() === '') continue;
    out.rows++;
    parseRow(file, n, line, keys, keep, out);
  }
  return out;
}

const isDigit = (b: number): boolean => b >= 48 && b <= 57;
const isLetter = (b: number): boolean => b >= 65 && b <= 90;

/** The cells of one plain row, found in the bytes; `read` is false for any other row. */
class PlainRow {
  /** The normalised key ("LS10 1UL"), as bytes. */
  readonly key = new Uint8Array(8);
  keyLength = 0;
  lat = 0;
  lon = 0;
  noCoordinates = false;
  private pcStart = 0;
  private pcEnd = 0;

  constructor(private readonly bytes: Buffer) {}

  read(start: number, stop: number): boolean {
    const b = this.bytes;
    const c1 = b.indexOf(44, start);
    if (c1 < 0 || c1 >= stop) return false;
    const c2 = b.indexOf(44, c1 + 1);
    if (c2 < 0 || c2 >= stop) return false;
    const c3 = b.indexOf(44, c2 + 1);
    if (c3 >= 0 && c3 < stop) return false;
    if (!this.readPostcode(start, c1)) return false;
    const lat = decimal(b, c1 + 1, c2);
    const lon = decimal(b, c2 + 1, stop);
    if (lat === undefined || lon === undefined) return false;
    this.noCoordinates = lat === null || lon === null;
    this.lat = lat ?? 0;
    this.lon = lon ?? 0;
    return true;
  }

  /** The key as a string (only for rows kept or reported). */
  keyString(): string {
    const b = this.bytes;
    const [s, e] = [this.pcStart, this.pcEnd];
    return b[e - 4] === 32
      ? b.toString('latin1', s, e)
      : `${b.toString('latin1', s, e - 3)} ${b.toString('latin1', e - 3, e)}`;
  }

  /** `A9 9AA` … `AA9A 9AA` with its space, or the same without it; upper case only. */
  private readPostcode(start: number, end: number): boolean {
    const b = this.bytes;
    const spaced = end - start >= 6 && b[end - 4] === 32;
    const outEnd = spaced ? end - 4 : end - 3;
    const outLength = outEnd - start;
    if (outLength < 2 || outLength > 4) return false;
    if (!isLetter(b[start] ?? 0)) return false;
    // [A-Z]{1,2}\d[A-Z\d]?: the digit is second or third.
    const digitAt = isLetter(b[start + 1] ?? 0) ? start + 2 : start + 1;
    if (digitAt >= outEnd || !isDigit(b[digitAt] ?? 0)) return false;
    const rest = outEnd - digitAt - 1;
    if (rest > 1 || (rest === 1 && !isDigit(b[outEnd - 1] ?? 0) && !isLetter(b[outEnd - 1] ?? 0))) return false;
    if (!isDigit(b[end - 3] ?? 0) || !isLetter(b[end - 2] ?? 0) || !isLetter(b[end - 1] ?? 0)) return false;
    let k = 0;
    for (let i = start; i < outEnd; i++) this.key[k++] = b[i] ?? 0;
    this.key[k++] = 32;
    for (let i = end - 3; i < end; i++) this.key[k++] = b[i] ?? 0;
    this.keyLength = k;
    this.pcStart = start;
    this.pcEnd = end;
    return true;
  }
}

/**
 * `-?\d+(\.\d+)?` of at most 15 digits as a number (null when empty; undefined for anything else).
 * N / 10^k of exact integers is correctly rounded, so it equals Number() of the same text.
 */
function decimal(b: Buffer, start: number, end: number): number | null | undefined {
  if (start === end) return null;
  let i = start;
  const negative = b[i] === 45;
  if (negative) i++;
  let n = 0;
  let digits = 0;
  let scale = 1;
  let point = false;
  for (; i < end; i++) {
    const c = b[i] ?? 0;
    if (isDigit(c)) {
      n = n * 10 + (c - 48);
      digits++;
      if (point) scale *= 10;
    } else if (c === 46 && !point && digits > 0) point = true;
    else return undefined;
  }
  if (digits === 0 || digits > 15 || (point && scale === 1)) return undefined;
  const v = n / scale;
  return negative ? -v : v;
}

function plainRow(file: string, n: number, row: PlainRow, keys: KeyCheck, keep: Keep, out: FileRows): void {
  const prev = keys.lineOfBytes(row.key, row.keyLength, n + 1);
  if (prev !== undefined) {
    out.skipped.push(at(file, n, 'Postcode', `duplicate postcode ${row.keyString()} (also line ${prev})`));
    return;
  }
  if (row.noCoordinates) out.noCoordinates.push(row.keyString());
  else place(file, n, row.lon, row.lat, () => row.keyString(), keep, out);
}

/** A row that is not plain: the cells as strings, postcodeKey and Number as before. */
function parseRow(file: string, n: number, line: string, keys: KeyCheck, keep: Keep, out: FileRows): void {
  const cells = line.split(',');
  if (cells.length !== 3) {
    out.skipped.push(at(file, n, 'Postcode', `expected 3 cells, found ${cells.length}`));
    return;
  }
  const [rawPc = '', rawLat = '', rawLon = ''] = cells.map((c) => c.trim());
  const key = postcodeKey(rawPc);
  if (!isFullPostcode(key)) {
    out.skipped.push(at(file, n, 'Postcode', `"${rawPc.slice(0, 20)}" is not a full postcode`));
    return;
  }
  const prev = keys.lineOf(key, n + 1);
  if (prev !== undefined) {
    out.skipped.push(at(file, n, 'Postcode', `duplicate postcode ${key} (also line ${prev})`));
    return;
  }
  // The NSPL writes a postcode without coordinates as an empty latitude (and a longitude of 0).
  if (rawLat === '' || rawLon === '') {
    out.noCoordinates.push(key);
    return;
  }
  const y = Number(rawLat);
  const x = Number(rawLon);
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    out.skipped.push(at(file, n, !Number.isFinite(y) ? 'lat' : 'long', 'not a valid coordinate'));
    return;
  }
  place(file, n, x, y, () => key, keep, out);
}

/** Checked against Great Britain's extent, then kept when inside the box. */
function place(file: string, n: number, x: number, y: number, key: () => string, keep: Keep, out: FileRows): void {
  const [w, s, e, nth] = GREAT_BRITAIN_BBOX;
  if (x < w || x > e || y < s || y > nth) {
    out.skipped.push(at(file, n, 'lat', `${y}, ${x} is outside Great Britain`));
    return;
  }
  const box = keep.box;
  if (box !== null && (x < box[0] || x > box[2] || y < box[1] || y > box[3])) return;
  keep.cols.push(key(), x, y);
}
