import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { pointOnFeature } from '@turf/turf';
import { expandDetails, type AreaDetails, type DataMetadata } from '../../src/data/contract';
import { deriveFields } from '../../src/data/derived-fields';
import { areaCollection, isScalarProperties } from '../../src/data/topo-areas';

const ROOT = resolve(import.meta.dirname, '../..');
export const SOURCES = resolve(ROOT, process.env['ATLAS_DATA_DIR'] ?? '../shared/data');

type Area = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

/** The generated first-view TopoJSON as the browser would see it (read from the production build). */
export function builtAreas(
  object: 'lsoa21' | 'wards',
): FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> {
  const topo = JSON.parse(readFileSync(resolve(ROOT, 'dist/geo/areas-2021.topojson'), 'utf8')) as Topology;
  const fc: FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> = areaCollection(
    topo,
    object,
    isScalarProperties,
  );
  if (object === 'lsoa21') {
    // As the app does: the flags and local ranks the file leaves out restored, and the detail values
    // (centroids, population, domain ranks) merged in by code.
    const meta = JSON.parse(readFileSync(resolve(ROOT, 'dist/geo/metadata.json'), 'utf8')) as DataMetadata;
    const derived = deriveFields(
      fc.features.map((f) => f.properties),
      meta.releases,
      '2021',
    );
    const details = expandDetails(
      JSON.parse(readFileSync(resolve(ROOT, 'dist/geo/areas-2021-details.json'), 'utf8')) as AreaDetails,
    );
    fc.features.forEach(
      (f, i) => void Object.assign(f.properties, derived[i], details.get(String(f.properties['code']))),
    );
  }
  return fc;
}

/** The facts of a built LSOA the browser tests compute their expected figures from. */
export interface BuiltLsoa {
  code: string;
  name: string;
  ward: string;
  /** Population-weighted centroid. */
  cx: number;
  cy: number;
  y25_imd_d: number;
  pop22?: number;
}

/** The built LSOAs' facts, each field checked (a renamed or missing field fails here, not as NaN in a test). */
export function builtLsoas(): BuiltLsoa[] {
  return builtAreas('lsoa21').features.map(({ properties: p }) => {
    const { code, name, ward, cx, cy, y25_imd_d, pop22 } = p;
    if (
      typeof code !== 'string' ||
      typeof name !== 'string' ||
      typeof ward !== 'string' ||
      typeof cx !== 'number' ||
      typeof cy !== 'number' ||
      typeof y25_imd_d !== 'number'
    )
      throw new Error(`dist/geo: LSOA ${String(code)} lacks code, name, ward, cx, cy or y25_imd_d`);
    return { code, name, ward, cx, cy, y25_imd_d, ...(typeof pop22 === 'number' ? { pop22 } : {}) };
  });
}

export function findArea(object: 'lsoa21' | 'wards', code: string): Area {
  const f = builtAreas(object).features.find((x) => x.properties['code'] === code);
  if (!f) throw new Error(`${code} not in the built ${object}`);
  return f;
}

/** A point well inside an area, to aim the camera or the mouse at. */
export function interiorPoint(f: Area): [number, number] {
  return pointOnFeature(f).geometry.coordinates as [number, number];
}

/** Alpha-blends a fill colour over the map background, as MapLibre draws a fill with fill-opacity. */
export function blend(hex: string, opacity: number, background = '#f2efe9'): [number, number, number] {
  const rgb = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
  const f = rgb(hex);
  const b = rgb(background);
  return [0, 1, 2].map((i) => Math.round(f[i]! * opacity + b[i]! * (1 - opacity))) as [number, number, number];
}
