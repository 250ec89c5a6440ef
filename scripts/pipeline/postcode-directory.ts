import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isFullPostcode, postcodeKey } from '../../src/data/postcode';
import { PipelineError, type Problem } from './errors';
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

/**
 * Reads a folder of `Postcode,lat,long` files (`<AREA>.csv.gz` or `.csv`, the NSPL per postcode area),
 * or one such file. Bad rows are collected in `skipped`, not fatal; a file with another header is.
 * Parsed once per process (build:sites places every council's postcodes from the same parse).
 */
export function readPostcodeDirectory(dataDir: string, rel: string): PostcodeDirectory {
  return cachedSource(`postcodes:${dataDir}:${rel}`, () => parseDirectory(dataDir, rel));
}

function parseDirectory(dataDir: string, rel: string): PostcodeDirectory {
  const abs = path.resolve(dataDir, rel);
  const files = statSync(abs).isDirectory()
    ? readdirSync(abs)
        .filter((f) => /\.csv(\.gz)?$/i.test(f))
        .sort()
        .map((f) => path.join(rel, f))
    : [rel];
  if (files.length === 0)
    throw new PipelineError({ file: rel, message: 'no postcode files (*.csv or *.csv.gz) in this folder' });
  const keys: string[] = [];
  const lon: number[] = [];
  const lat: number[] = [];
  const noCoordinates: string[] = [];
  const skipped: Problem[] = [];
  let rows = 0;
  for (const file of files) {
    // Key → line first seen. Per file (a postcode area's own file): one map of 2.4 M keys is ~4× slower.
    const seen = new Map<string, number>();
    const bytes = readFileSync(path.resolve(dataDir, file));
    const text = (/\.gz$/i.test(file) ? gunzipSync(bytes) : bytes).toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/);
    if (lines[0]?.trim() !== HEADER)
      throw new PipelineError({
        file,
        location: 'line 1',
        message: `expected the header "${HEADER}", found "${(lines[0] ?? '').slice(0, 60)}"`,
      });
    for (let n = 1; n < lines.length; n++) {
      const line = lines[n] ?? '';
      if (line.trim() === '') continue;
      rows++;
      const cells = line.split(',');
      if (cells.length !== 3) {
        skipped.push(at(file, n, 'Postcode', `expected 3 cells, found ${cells.length}`));
        continue;
      }
      const [rawPc = '', rawLat = '', rawLon = ''] = cells.map((c) => c.trim());
      const key = postcodeKey(rawPc);
      if (!isFullPostcode(key)) {
        skipped.push(at(file, n, 'Postcode', `"${rawPc.slice(0, 20)}" is not a full postcode`));
        continue;
      }
      const prev = seen.get(key);
      if (prev !== undefined) {
        skipped.push(at(file, n, 'Postcode', `duplicate postcode ${key} (also line ${prev})`));
        continue;
      }
      seen.set(key, n + 1);
      // The NSPL writes a postcode without coordinates as an empty latitude (and a longitude of 0).
      if (rawLat === '' || rawLon === '') {
        noCoordinates.push(key);
        continue;
      }
      const y = Number(rawLat);
      const x = Number(rawLon);
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        skipped.push(at(file, n, !Number.isFinite(y) ? 'lat' : 'long', 'not a valid coordinate'));
        continue;
      }
      const [w, s, e, nth] = GREAT_BRITAIN_BBOX;
      if (x < w || x > e || y < s || y > nth) {
        skipped.push(at(file, n, 'lat', `${y}, ${x} is outside Great Britain`));
        continue;
      }
      keys.push(key);
      lon.push(x);
      lat.push(y);
    }
  }
  return { keys, lon: Float64Array.from(lon), lat: Float64Array.from(lat), noCoordinates, skipped, rows, files };
}
