import path from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { PostcodeDistrict } from '../../src/data/contract';
import { inwardCode, isFullPostcode, postcodeDistrict, postcodeKey } from '../../src/data/postcode';
import type { AreaFeature } from './boundaries';
import { cell, column, readCsv } from './csv';
import { ProblemList } from './errors';
import { round } from './reproject';
import { parseFiniteNumber } from './validate';

export type Bbox = [number, number, number, number];

/** Outer-ring bounding box, for a cheap test before point-in-polygon. */
export function bboxOf(g: Polygon | MultiPolygon): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) {
    for (const [x = NaN, y = NaN] of poly[0] ?? []) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

export interface PostcodeResult {
  /** One file's content per postcode district, sorted by district. */
  districts: PostcodeDistrict[];
  total: number;
  withoutCoordinates: number;
  withoutLsoa: number;
}

/**
 * Uses the unsimplified LSOA polygons so a postcode near a border lands where ONS puts it; on an
 * exact shared border the first LSOA by code wins, which keeps the output reproducible.
 */
export function buildPostcodeIndex(dataDir: string, relFile: string, lsoas: AreaFeature[]): PostcodeResult {
  const table = readCsv(path.resolve(dataDir, relFile), relFile);
  const pc = column(table, 'Postcode');
  const lat = column(table, 'lat');
  const lon = column(table, 'long');
  const boxes = lsoas.map((f) => bboxOf(f.geometry));
  const problems = new ProblemList();
  const entries = new Map<string, { value: [number, number, number]; line: number }>();
  let withoutCoordinates = 0;
  let withoutLsoa = 0;
  for (const row of table.rows) {
    const rawPc = cell(row, pc).trim();
    if (rawPc === '') {
      problems.add({ file: relFile, location: `line ${row.line}`, field: 'Postcode', message: 'empty postcode' });
      continue;
    }
    const latRaw = cell(row, lat).trim();
    const lonRaw = cell(row, lon).trim();
    if (latRaw === '' || lonRaw === '') {
      withoutCoordinates++;
      continue;
    }
    const y = parseFiniteNumber(latRaw);
    const x = parseFiniteNumber(lonRaw);
    if (x === undefined || y === undefined || Math.abs(x) > 180 || Math.abs(y) > 90) {
      problems.add({ file: relFile, location: `line ${row.line}`, field: x === undefined ? 'long' : 'lat', message: 'not a valid coordinate' });
      continue;
    }
    const code = postcodeKey(rawPc);
    if (!isFullPostcode(code)) {
      problems.add({ file: relFile, location: `line ${row.line}`, field: 'Postcode', message: `"${rawPc}" is not a full postcode` });
      continue;
    }
    let found = -1;
    for (let i = 0; i < lsoas.length; i++) {
      const b = boxes[i];
      const f = lsoas[i];
      if (!b || !f || x < b[0] || x > b[2] || y < b[1] || y > b[3]) continue;
      if (booleanPointInPolygon([x, y], f.geometry)) {
        found = i;
        break;
      }
    }
    if (found < 0) withoutLsoa++;
    const value: [number, number, number] = [round(x, 5), round(y, 5), found];
    const prev = entries.get(code);
    if (prev) {
      problems.add({ file: relFile, location: `line ${row.line}`, field: 'Postcode', message: `duplicate postcode ${code} (also line ${prev.line})` });
      continue;
    }
    entries.set(code, { value, line: row.line });
  }
  problems.throwIfAny();
  return {
    districts: splitByDistrict(new Map([...entries].map(([code, e]) => [code, e.value])), lsoas.map((f) => f.code)),
    total: entries.size,
    withoutCoordinates,
    withoutLsoa,
  };
}

/**
 * Splits the area's postcodes by district (outward code), so search loads one small file per lookup.
 * Each file lists only the LSOA codes its postcodes lie in, and its entries are keyed by inward code.
 * `lsoaCodes[i]` is what an entry's index `i` pointed at; -1 (outside the area) stays -1.
 */
export function splitByDistrict(postcodes: ReadonlyMap<string, readonly [number, number, number]>, lsoaCodes: readonly string[]): PostcodeDistrict[] {
  const byDistrict = new Map<string, Array<[string, readonly [number, number, number]]>>();
  for (const [key, value] of postcodes) {
    const district = postcodeDistrict(key);
    const list = byDistrict.get(district) ?? [];
    list.push([key, value]);
    byDistrict.set(district, list);
  }
  return [...byDistrict.keys()].sort().map((district) => {
    const entries = (byDistrict.get(district) ?? []).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const codes = [...new Set(entries.flatMap(([, v]) => (v[2] >= 0 ? [lsoaCodes[v[2]]] : [])))].filter((c): c is string => c !== undefined).sort();
    const local = new Map(codes.map((c, i) => [c, i]));
    const out: PostcodeDistrict['postcodes'] = {};
    for (const [key, [lon, lat, i]] of entries) {
      const code = i >= 0 ? lsoaCodes[i] : undefined;
      out[inwardCode(key)] = [lon, lat, code === undefined ? -1 : (local.get(code) ?? -1)];
    }
    return { district, lsoaCodes: codes, postcodes: out };
  });
}
