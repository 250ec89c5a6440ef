import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isFullPostcode, postcodeKey } from '../../src/data/postcode';
import { PipelineError, type Problem } from './errors';
import { readText } from './read-text';
import { cachedSource } from './source-cache';

/**
 * Great Britain's extent with a margin (lon −8.7…1.8, lat 49.8…60.9): NSPL rows outside it are bad
 * coordinates (a swapped lat/long, a zero), not postcodes, and are skipped with a problem line.
 */
export const GREAT_BRITAIN_BBOX: readonly [number, number, number, number] = [-8.7, 49.8, 1.8, 60.9];

/** Every postcode of the directory, column-wise (2.4 M rows: arrays, not one object per row). */
export interface PostcodeDirectory {
  /** Normalised keys (postcodeKey: "LS10 1AA"), parallel to lon/lat. */
  keys: string[];
  lon: Float64Array;
  lat: Float64Array;
  /** Keys of the rows with no coordinates (the NSPL leaves a few blank). */
  noCoordinates: string[];
  /** Rows skipped (malformed postcode or coordinate, outside Great Britain, duplicate within its file), by file and line. */
  skipped: Problem[];
  /** Data rows read (header lines not counted). */
  rows: number;
  files: string[];
}

const HEADER = 'Postcode,lat,long';

const at = (file: string, index: number, field: string, message: string): Problem => ({
  file,
  location: `line ${index + 1}`,
  field,
  message,
});

/** Rows kept: every row (build:sites places every council's postcodes from one parse), or those in a box. */
export type DirectoryScope = 'whole' | readonly [number, number, number, number];

/**
 * Reads a folder of `Postcode,lat,long` files (`<AREA>.csv.gz` or `.csv`, the NSPL per postcode area),
 * or one such file. Bad rows are collected in `skipped`, not fatal; a file with another header is.
 * The whole directory is parsed once per process (build:sites); a box keeps only the rows inside
 * it (one council's build), every row still checked so `skipped` is the same either way.
 */
export function readPostcodeDirectory(
  dataDir: string,
  rel: string,
  scope: DirectoryScope = 'whole',
): PostcodeDirectory {
  return scope === 'whole'
    ? cachedSource(`postcodes:${dataDir}:${rel}`, () => parseDirectory(dataDir, rel, null))
    : parseDirectory(dataDir, rel, scope);
}

/** The directory's files, in name order. */
function directoryFiles(dataDir: string, rel: string): string[] {
  const abs = path.resolve(dataDir, rel);
  const files = statSync(abs).isDirectory()
    ? readdirSync(abs)
        .filter((f) => /\.csv(\.gz)?$/i.test(f))
        .sort()
        .map((f) => path.join(rel, f))
    : [rel];
  if (files.length === 0)
    throw new PipelineError({ file: rel, message: 'no postcode files (*.csv or *.csv.gz) in this folder' });
  return files;
}

/** Growable column store (2.4 M rows: typed arrays, not one object per row). */
class Columns {
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

function parseDirectory(
  dataDir: string,
  rel: string,
  box: readonly [number, number, number, number] | null,
): PostcodeDirectory {
  const files = directoryFiles(dataDir, rel);
  const cols = new Columns();
  const noCoordinates: string[] = [];
  const skipped: Problem[] = [];
  let rows = 0;
  for (const file of files) {
    const text = readText(path.resolve(dataDir, file)).replace(/^\uFEFF/, '');
    rows += parseFile(file, text, {
      row: (key, x, y) => {
        if (box === null || (x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3])) cols.push(key, x, y);
      },
      noCoordinates: (key) => void noCoordinates.push(key),
      skip: (p) => void skipped.push(p),
    });
  }
  const n = cols.keys.length;
  return { keys: cols.keys, lon: cols.lon.slice(0, n), lat: cols.lat.slice(0, n), noCoordinates, skipped, rows, files };
}

/**
 * The line a postcode was first seen on in its file, recording it when new. NSPL files are sorted,
 * and while each key sorts after the one before no key can repeat, so no map is needed (a map of
 * every key was most of the parse's time); the first key out of order builds the map from the keys
 * so far and the check goes on by map. Per file: one map of 2.4 M keys is ~4× slower.
 */
class FirstSeen {
  private last = '';
  private keys: string[] = [];
  private lines: number[] = [];
  private map: Map<string, number> | null = null;

  lineOf(key: string, line: number): number | undefined {
    if (this.map === null && key > this.last) {
      this.last = key;
      this.keys.push(key);
      this.lines.push(line);
      return undefined;
    }
    if (this.map === null) {
      this.map = new Map(this.keys.map((k, i) => [k, this.lines[i] ?? 0]));
      this.keys = [];
      this.lines = [];
    }
    const prev = this.map.get(key);
    if (prev === undefined) this.map.set(key, line);
    return prev;
  }
}

interface RowSink {
  row(key: string, lon: number, lat: number): void;
  noCoordinates(key: string): void;
  skip(problem: Problem): void;
}

/**
 * One file's rows, line by line with indexOf (no array of lines or cells: 2.4 M rows in all).
 * Lines end in \n or \r\n; returns the data rows read (blank lines not counted).
 */
function parseFile(file: string, text: string, sink: RowSink): number {
  let end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  if (first.trim() !== HEADER)
    throw new PipelineError({
      file,
      location: 'line 1',
      message: `expected the header "${HEADER}", found "${first.replace(/\r$/, '').slice(0, 60)}"`,
    });
  const seen = new FirstSeen();
  let rows = 0;
  for (let n = 1; end >= 0; n++) {
    const start = end + 1;
    end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const line = text.slice(start, stop);
    if (line.trim() === '') continue;
    rows++;
    parseRow(file, n, line, seen, sink);
  }
  return rows;
}

function parseRow(file: string, n: number, line: string, seen: FirstSeen, sink: RowSink): void {
  const c1 = line.indexOf(',');
  const c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
  if (c2 < 0 || line.indexOf(',', c2 + 1) >= 0) {
    const cells = line.split(',').length;
    sink.skip(at(file, n, 'Postcode', `expected 3 cells, found ${cells}`));
    return;
  }
  const rawPc = line.slice(0, c1).trim();
  const rawLat = line.slice(c1 + 1, c2).trim();
  const rawLon = line.slice(c2 + 1).trim();
  // NSPL postcodes are already keys ("LS1 1AA"); postcodeKey only for the others.
  const asIs = isFullPostcode(rawPc);
  const key = asIs ? rawPc : postcodeKey(rawPc);
  if (!asIs && !isFullPostcode(key)) {
    sink.skip(at(file, n, 'Postcode', `"${rawPc.slice(0, 20)}" is not a full postcode`));
    return;
  }
  const prev = seen.lineOf(key, n + 1);
  if (prev !== undefined) {
    sink.skip(at(file, n, 'Postcode', `duplicate postcode ${key} (also line ${prev})`));
    return;
  }
  // The NSPL writes a postcode without coordinates as an empty latitude (and a longitude of 0).
  if (rawLat === '' || rawLon === '') {
    sink.noCoordinates(key);
    return;
  }
  const y = Number(rawLat);
  const x = Number(rawLon);
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    sink.skip(at(file, n, !Number.isFinite(y) ? 'lat' : 'long', 'not a valid coordinate'));
    return;
  }
  const [w, s, e, nth] = GREAT_BRITAIN_BBOX;
  if (x < w || x > e || y < s || y > nth) {
    sink.skip(at(file, n, 'lat', `${y}, ${x} is outside Great Britain`));
    return;
  }
  sink.row(key, x, y);
}
