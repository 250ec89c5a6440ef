import path from 'node:path';
import type { Geometry } from 'geojson';
import { column, cell, parseCsv } from './csv';
import { PipelineError, ProblemList } from './errors';
import { readText as readTextFile } from './read-text';

/** One OSM feature from the West Yorkshire extracts, as read (lon/lat). */
export interface OsmFeature {
  osmId: string;
  /** OSM class from the `type` property (motorway, rail, river…); absent in the 2023 polygon files. */
  type: string | undefined;
  tags: Map<string, string>;
  geometry: Geometry;
}

function readText(dataDir: string, rel: string): string {
  const abs = path.join(dataDir, rel);
  try {
    return readTextFile(abs);
  } catch (e) {
    throw new PipelineError({ file: rel, message: `cannot read file (${(e as Error).message})` });
  }
}

/** OSM `other_tags` as ogr2ogr writes it: hstore text `"key"=>"value","k2"=>"v2"`. */
export function parseHstore(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(text); m; m = re.exec(text))
    out.set(m[1]!.replace(/\\(.)/g, '$1'), m[2]!.replace(/\\(.)/g, '$1'));
  return out;
}

const LINE_TYPES = new Set(['LineString', 'MultiLineString']);
const AREA_TYPES = new Set(['Polygon', 'MultiPolygon']);

function coordsValid(g: Geometry): boolean {
  const ok = (p: readonly number[]): boolean => {
    const [x, y] = p;
    return (
      typeof x === 'number' &&
      typeof y === 'number' &&
      Number.isFinite(x) &&
      Number.isFinite(y) &&
      x >= -180 &&
      x <= 180 &&
      y >= -90 &&
      y <= 90
    );
  };
  switch (g.type) {
    case 'Point':
      return ok(g.coordinates);
    case 'LineString':
      return g.coordinates.length >= 2 && g.coordinates.every(ok);
    case 'MultiLineString':
      return g.coordinates.every((l) => l.length >= 2 && l.every(ok));
    case 'Polygon':
      return g.coordinates.every((r) => r.length >= 4 && r.every(ok));
    case 'MultiPolygon':
      return g.coordinates.every((p) => p.every((r) => r.length >= 4 && r.every(ok)));
    default:
      return false;
  }
}

/**
 * Reads one OSM GeoJSON extract and checks every feature: geometry of the expected kind (points in the
 * polygon files are nodes tagged as a park or pond with no outline: skipped and counted), coordinates
 * in lon/lat range, and (line files) the OSM class the file is named for. All problems are reported together.
 */
export function readOsmExtract(
  dataDir: string,
  rel: string,
  expect: { geometry: 'line' | 'area'; types?: readonly string[] },
): { features: OsmFeature[]; skippedPoints: number } {
  let parsed: { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  try {
    parsed = JSON.parse(readText(dataDir, rel)) as typeof parsed;
  } catch (e) {
    if (e instanceof PipelineError) throw e;
    throw new PipelineError({ file: rel, message: `not valid JSON (${(e as Error).message})` });
  }
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features))
    throw new PipelineError({ file: rel, message: 'not a GeoJSON FeatureCollection' });
  const crs = parsed.crs?.properties?.name;
  if (typeof crs === 'string' && !/(4326|CRS84)/i.test(crs))
    throw new PipelineError({ file: rel, field: 'crs', message: `unsupported CRS ${crs} (expected WGS84 lon/lat)` });
  const problems = new ProblemList();
  const features: OsmFeature[] = [];
  let skippedPoints = 0;
  const kinds = expect.geometry === 'line' ? LINE_TYPES : AREA_TYPES;
  (parsed.features as Array<{ properties?: Record<string, unknown> | null; geometry?: Geometry | null }>).forEach(
    (f, i) => {
      const p = f.properties ?? {};
      const osmId =
        typeof p['osm_id'] === 'string' || typeof p['osm_id'] === 'number'
          ? String(p['osm_id'])
          : typeof p['osm_way_id'] === 'string'
            ? `way ${p['osm_way_id']}`
            : '';
      const where = `feature ${i + 1}${osmId ? ` (osm_id ${osmId})` : ''}`;
      const g = f.geometry;
      if (!g) {
        problems.add({ file: rel, location: where, field: 'geometry', message: 'missing geometry' });
        return;
      }
      if (expect.geometry === 'area' && g.type === 'Point') {
        skippedPoints++;
        return;
      }
      if (!kinds.has(g.type)) {
        problems.add({
          file: rel,
          location: where,
          field: 'geometry',
          message: `expected ${[...kinds].join(' or ')}, found ${g.type}`,
        });
        return;
      }
      if (!coordsValid(g)) {
        problems.add({
          file: rel,
          location: where,
          field: 'geometry',
          message: 'coordinates missing, too few or outside lon/lat range',
        });
        return;
      }
      const type = typeof p['type'] === 'string' ? p['type'] : undefined;
      if (expect.types && (type === undefined || !expect.types.includes(type))) {
        problems.add({
          file: rel,
          location: where,
          field: 'type',
          message: `expected ${expect.types.join(' or ')}, found ${type === undefined ? 'nothing' : `"${type}"`}`,
        });
        return;
      }
      const other = p['other_tags'];
      if (other !== undefined && other !== null && typeof other !== 'string') {
        problems.add({ file: rel, location: where, field: 'other_tags', message: 'expected hstore text' });
        return;
      }
      const tags = parseHstore(typeof other === 'string' ? other : '');
      // ogr2ogr lifts a few keys (name, ref) out of other_tags into their own properties on some exports.
      for (const k of ['ref', 'name']) if (typeof p[k] === 'string' && !tags.has(k)) tags.set(k, p[k]);
      features.push({ osmId, type, tags, geometry: g });
    },
  );
  problems.throwIfAny();
  return { features, skippedPoints };
}

export interface GeonamesPlace {
  id: string;
  name: string;
  lon: number;
  lat: number;
  population: number;
  line: number;
}

/** GeoNames cities500 subset (tab-separated, header line). */
export function readGeonames(dataDir: string, rel: string): GeonamesPlace[] {
  const text = readText(dataDir, rel);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0)
      throw new PipelineError({ file: rel, location: 'line 1', field: name, message: 'required column missing' });
    return i;
  };
  const [iId, iName, iLat, iLon, iPop] = [col('geonameid'), col('name'), col('lat'), col('lon'), col('population')];
  const problems = new ProblemList();
  const out: GeonamesPlace[] = [];
  lines.slice(1).forEach((raw, k) => {
    if (raw.trim() === '') return;
    const line = k + 2;
    const cells = raw.split('\t');
    if (cells.length !== header.length) {
      problems.add({
        file: rel,
        location: `line ${line}`,
        message: `expected ${header.length} fields, found ${cells.length}`,
      });
      return;
    }
    const name = (cells[iName] ?? '').trim();
    const lat = Number(cells[iLat]);
    const lon = Number(cells[iLon]);
    const population = Number(cells[iPop]);
    if (!name) problems.add({ file: rel, location: `line ${line}`, field: 'name', message: 'empty name' });
    else if (!/^-?\d+(\.\d+)?$/.test((cells[iLat] ?? '').trim()) || lat < -90 || lat > 90)
      problems.add({
        file: rel,
        location: `line ${line}`,
        field: 'lat',
        message: `not a latitude: "${cells[iLat] ?? ''}"`,
      });
    else if (!/^-?\d+(\.\d+)?$/.test((cells[iLon] ?? '').trim()) || lon < -180 || lon > 180)
      problems.add({
        file: rel,
        location: `line ${line}`,
        field: 'lon',
        message: `not a longitude: "${cells[iLon] ?? ''}"`,
      });
    else if (!/^\d+$/.test((cells[iPop] ?? '').trim()))
      problems.add({
        file: rel,
        location: `line ${line}`,
        field: 'population',
        message: `not a whole number: "${cells[iPop] ?? ''}"`,
      });
    else out.push({ id: (cells[iId] ?? '').trim(), name, lon, lat, population, line });
  });
  problems.throwIfAny();
  return out;
}

/** House of Commons Library MSOA names: code → name, every code an MSOA 2021 code, each once. */
export function readMsoaNames(dataDir: string, rel: string): Map<string, { name: string; line: number }> {
  const table = parseCsv(readText(dataDir, rel), rel);
  const iCode = column(table, 'msoa21cd');
  const iName = column(table, 'msoa21hclnm');
  const problems = new ProblemList();
  const out = new Map<string, { name: string; line: number }>();
  for (const r of table.rows) {
    const code = cell(r, iCode).trim();
    const name = cell(r, iName).trim();
    if (!/^[EW]02\d{6}$/.test(code))
      problems.add({
        file: rel,
        location: `line ${r.line}`,
        field: 'msoa21cd',
        message: `not an MSOA code: "${code}"`,
      });
    else if (!name)
      problems.add({ file: rel, location: `line ${r.line}`, field: 'msoa21hclnm', message: `empty name for ${code}` });
    else if (out.has(code))
      problems.add({
        file: rel,
        location: `line ${r.line}`,
        field: 'msoa21cd',
        message: `${code} listed twice (first on line ${out.get(code)?.line})`,
      });
    else out.set(code, { name, line: r.line });
  }
  problems.throwIfAny();
  return out;
}

/** ONS MSOA 2021 population-weighted centroids (`msoa21cd,lon,lat`): code → [lon, lat]. */
export function readMsoaCentroids(dataDir: string, rel: string): Map<string, [number, number]> {
  const table = parseCsv(readText(dataDir, rel), rel);
  const [iCode, iLon, iLat] = ['msoa21cd', 'lon', 'lat'].map((c) => column(table, c));
  const problems = new ProblemList();
  const out = new Map<string, [number, number]>();
  for (const r of table.rows) {
    const code = cell(r, iCode ?? -1).trim();
    const lon = Number(cell(r, iLon ?? -1));
    const lat = Number(cell(r, iLat ?? -1));
    if (!/^[EW]02\d{6}$/.test(code))
      problems.add({
        file: rel,
        location: `line ${r.line}`,
        field: 'msoa21cd',
        message: `not an MSOA code: "${code}"`,
      });
    else if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < -8.7 || lon > 1.8 || lat < 49.8 || lat > 60.9)
      problems.add({
        file: rel,
        location: `line ${r.line}`,
        field: 'lon',
        message: `not a point in Great Britain: "${cell(r, iLon ?? -1)}, ${cell(r, iLat ?? -1)}"`,
      });
    else out.set(code, [lon, lat]);
  }
  problems.throwIfAny();
  return out;
}
