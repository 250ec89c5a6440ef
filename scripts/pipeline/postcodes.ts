import path from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { PostcodeIndex } from '../../src/data/contract';
import { postcodeKey } from '../../src/data/postcode';
import type { AreaFeature } from './boundaries';
import { cell, column, readCsv } from './csv';
import { ProblemList } from './errors';
import { round } from './reproject';
import { parseFiniteNumber } from './validate';

type Bbox = [number, number, number, number];

function bboxOf(g: Polygon | MultiPolygon): Bbox {
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
  index: PostcodeIndex;
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
  const postcodes: Record<string, [number, number, number]> = {};
  for (const code of [...entries.keys()].sort()) {
    const e = entries.get(code);
    if (e) postcodes[code] = e.value;
  }
  return {
    index: { lsoaCodes: lsoas.map((f) => f.code), postcodes },
    total: entries.size,
    withoutCoordinates,
    withoutLsoa,
  };
}
