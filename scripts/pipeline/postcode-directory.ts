import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PipelineError, type Problem } from './errors';
import { Columns, parsePostcodeFile, type KeepBox } from './postcode-file';
import { gunzipSync } from 'node:zlib';
import { cachedSource } from './source-cache';

export { GREAT_BRITAIN_BBOX } from './postcode-file';

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

function parseDirectory(dataDir: string, rel: string, box: KeepBox): PostcodeDirectory {
  const files = directoryFiles(dataDir, rel);
  const cols = new Columns();
  const noCoordinates: string[] = [];
  const skipped: Problem[] = [];
  let rows = 0;
  for (const file of files) {
    const bytes = readFileSync(path.resolve(dataDir, file));
    const r = parsePostcodeFile(file, /\.gz$/i.test(file) ? gunzipSync(bytes) : bytes, box, cols);
    rows += r.rows;
    for (const k of r.noCoordinates) noCoordinates.push(k);
    for (const p of r.skipped) skipped.push(p);
  }
  const n = cols.keys.length;
  return { keys: cols.keys, lon: cols.lon.slice(0, n), lat: cols.lat.slice(0, n), noCoordinates, skipped, rows, files };
}
