/**
 * Builds for the benchmark, all into a temporary folder so dist/ and public/geo/ are not disturbed:
 * the production app (assembled as build:sites does) and the baseline page (Vite too, so MapLibre is
 * bundled the same way), plus the baseline's derived data (plain GeoJSON + a values JSON).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { expandDetails, GEO_FILES, type AreaDetails, type IodValues } from '../../src/data/contract';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Topology } from 'topojson-specification';
import type { Feature, Geometry, Position } from 'geojson';
import { areaCollection, isScalarProperties } from '../../src/data/topo-areas';
import { buildAppTemplate, copyApp } from '../sites/assemble';
import { readBuiltArea } from '../tooling/area-html';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BASELINE_SRC = path.join(REPO_ROOT, 'scripts', 'bench', 'baseline');

/**
 * The app as a council would host it for this geodata: the shared template build (as build:sites makes
 * it, plus the test hooks the benchmark drives: window.__atlas, nothing else differs), the area's files
 * under geo/, the HTML naming the area and a precache list of exactly these files.
 */
export function buildApp(outDir: string, geoDir: string, templateDir: string): void {
  const area = readBuiltArea(geoDir);
  if (!area) throw new Error(`${geoDir}/metadata.json does not name its area`);
  buildAppTemplate(templateDir, { testHooks: true });
  rmSync(outDir, { recursive: true, force: true });
  cpSync(geoDir, path.join(outDir, 'geo'), { recursive: true });
  copyApp(templateDir, outDir, area);
}

export interface BaselineData {
  bounds: [number, number, number, number];
  indicators: string[];
  /** LSOA 2021 centroids [lon, lat] (population-weighted, from the app's TopoJSON), for hovering. */
  centroids: Array<{ code: string; lon: number; lat: number }>;
  lsoaCount: number;
}

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

function roundCoords(g: Geometry): Geometry {
  const ring = (r: Position[]): Position[] => r.map((p) => [round6(p[0] ?? NaN), round6(p[1] ?? NaN)]);
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(ring) };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
  return g;
}

/**
 * Derives the baseline's data from the app's generated files: the LSOA 2021 layer as plain GeoJSON
 * (code and name only, coordinates to 6 decimals as RFC 7946 suggests) and its IoD2025 values
 * (every `y25_*` property) as a separate JSON keyed by LSOA code. Written only into outGeoDir.
 */
export function deriveBaselineData(geoDir: string, outGeoDir: string): BaselineData {
  const topo = JSON.parse(readFileSync(path.join(geoDir, 'areas-2021.topojson'), 'utf8')) as Topology;
  const meta = JSON.parse(readFileSync(path.join(geoDir, 'metadata.json'), 'utf8')) as {
    bbox: [number, number, number, number];
  };
  if (!topo.objects['lsoa21']) throw new Error(`${geoDir}/areas-2021.topojson has no object "lsoa21"`);
  const fc = areaCollection(topo, 'lsoa21', isScalarProperties);
  // Centroids (used to aim the hover) are in the details file, not the first view.
  const detailsFile = path.join(geoDir, GEO_FILES.details2021);
  const details = existsSync(detailsFile)
    ? expandDetails(JSON.parse(readFileSync(detailsFile, 'utf8')) as AreaDetails)
    : new Map<string, IodValues>();
  const values: Record<string, Record<string, number>> = {};
  const indicators = new Set<string>();
  const centroids: BaselineData['centroids'] = [];
  const features: Feature[] = fc.features.map((f) => {
    const p = f.properties;
    const code = String(p['code']);
    const v: Record<string, number> = {};
    for (const [k, val] of Object.entries(p)) {
      if (k.startsWith('y25_') && typeof val === 'number') {
        v[k] = val;
        const m = /^y25_([a-z]+)_d$/.exec(k);
        if (m?.[1]) indicators.add(m[1]);
      }
    }
    values[code] = v;
    const cx = p['cx'] ?? details.get(code)?.['cx'];
    const cy = p['cy'] ?? details.get(code)?.['cy'];
    if (typeof cx === 'number' && typeof cy === 'number') centroids.push({ code, lon: cx, lat: cy });
    return { type: 'Feature', properties: { code, name: p['name'] }, geometry: roundCoords(f.geometry) };
  });
  mkdirSync(outGeoDir, { recursive: true });
  writeFileSync(path.join(outGeoDir, 'lsoa21.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  writeFileSync(path.join(outGeoDir, 'values-2025.json'), JSON.stringify(values));
  const order = ['imd', 'inc', 'emp', 'edu', 'hea', 'cri', 'bar', 'liv', 'cyp', 'ads', 'geo', 'wid', 'ind', 'out'];
  const sorted = [...indicators].sort(
    (a, b) =>
      order.indexOf(a) + 100 * Number(!order.includes(a)) - (order.indexOf(b) + 100 * Number(!order.includes(b))),
  );
  return { bounds: meta.bbox, indicators: sorted, centroids, lsoaCount: features.length };
}

/** The baseline page bundled by Vite (same bundler, same MapLibre entry, `setWorkerUrl` + `?worker&url`). */
export async function buildBaseline(outDir: string, data: BaselineData, geoOutDir: string): Promise<void> {
  await build({
    root: BASELINE_SRC,
    configFile: false,
    base: './',
    logLevel: 'error',
    publicDir: false,
    define: {
      __BASELINE_BOUNDS__: JSON.stringify(data.bounds),
      __BASELINE_INDICATORS__: JSON.stringify(data.indicators),
    },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 5000,
      // MapLibre in a chunk of its own, so its bytes can be told apart from the page's few lines.
      rolldownOptions: {
        output: { codeSplitting: { groups: [{ name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl/ }] } },
      },
    },
  });
  const geoOut = path.join(outDir, 'geo');
  mkdirSync(geoOut, { recursive: true });
  cpSync(geoOutDir, geoOut, { recursive: true });
}

/** True when a folder holds the generated files the app's first view needs. */
export function hasGeodata(dir: string): boolean {
  return existsSync(path.join(dir, 'areas-2021.topojson')) && existsSync(path.join(dir, 'metadata.json'));
}
