/**
 * Real-data inputs for the outreach/export tests, built from the SOURCES directory
 * ($ATLAS_DATA_DIR or ../shared/data from the repo root), not from public/geo build outputs:
 *  - LSOA 2021 features shaped like the pipeline's (`code, name, ward, chg, cx, cy, pop, y25_imd_d,
 *    y25_imd_r, y25_p1, y25_p10`), from the population-weighted centroids, the IoD2025 file (Leeds
 *    rows), the ONS LSOA→ward lookup, the LSOA 2011→2021 lookup and IoD2019 mid-2015 populations;
 *  - the interventions layer exactly as the pipeline builds it (scripts/pipeline/interventions.ts:
 *    named venues + open libraries + report items, geocoded by postcode centroid).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { buildInterventions } from '../../../scripts/pipeline/interventions';
import { csvRecords } from '../../../scripts/pipeline/csv';
import { dataDir } from '../pipeline/helpers/data-dir';
import { flagKey, valueKey } from '../../../src/data/contract';
import type { InterventionsCollection } from '../../../src/data/content-contract';
import type { LsoaLike } from '../../../src/domain/outreach/catchment';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DATA_DIR = dataDir;
export const AREA_CODE = 'E08000035';

if (!existsSync(resolve(DATA_DIR, 'indices/iod2025_lsoa21_england.csv'))) {
  throw new Error(`source data not found at ${DATA_DIR}: set ATLAS_DATA_DIR`);
}

export const readSource = (rel: string) => readFileSync(resolve(DATA_DIR, rel), 'utf8');

export interface RealData {
  lsoas: LsoaLike[];
  wardNames: Record<string, string>;
  /** England LSOA count in IoD2025 (N in "rank R of N"). */
  nationalCount: number;
}

let cached: RealData | undefined;

export function realData(): RealData {
  if (cached) return cached;
  const iod = csvRecords(readSource('indices/iod2025_lsoa21_england.csv'), 'indices/iod2025_lsoa21_england.csv');
  const N = iod.length;
  const leeds = iod.filter((r) => r.lad24cd === AREA_CODE);
  const codes = new Set(leeds.map((r) => r.lsoa21cd!));

  const centroids = new Map<string, [number, number]>();
  for (const r of csvRecords(
    readSource('lookups/lsoa21_population_weighted_centroids_ew.csv'),
    'lookups/lsoa21_population_weighted_centroids_ew.csv',
  )) {
    if (codes.has(r.lsoa21cd!)) centroids.set(r.lsoa21cd!, [Number(r.lon), Number(r.lat)]);
  }
  const wardOf = new Map<string, string>();
  for (const r of csvRecords(
    readSource('lookups/lsoa21_ward24_lad24_england_wales.csv'),
    'lookups/lsoa21_ward24_lad24_england_wales.csv',
  )) {
    if (codes.has(r.lsoa21_code!)) wardOf.set(r.lsoa21_code!, r.ward24_code!);
  }
  // LSOA 2021 unchanged since 2011 ('U'): the only ones with a mid-2015 population.
  const change = new Map<string, { code: string; from: string }[]>();
  for (const r of csvRecords(
    readSource('lookups/lsoa11_lsoa21_lad22_england_wales.csv'),
    'lookups/lsoa11_lsoa21_lad22_england_wales.csv',
  )) {
    if (!codes.has(r.lsoa21_code!)) continue;
    const list = change.get(r.lsoa21_code!) ?? [];
    list.push({ code: r.change_code!, from: r.lsoa11_code! });
    change.set(r.lsoa21_code!, list);
  }
  const pop15 = new Map<string, number>();
  for (const r of csvRecords(readSource('indices/iod2019_lsoa11_england.csv'), 'indices/iod2019_lsoa11_england.csv')) {
    if (r.lad19cd === AREA_CODE) pop15.set(r.lsoa11cd!, Number(r.pop_total_mid2015));
  }

  const wardNames: Record<string, string> = {};
  const lsoas: LsoaLike[] = leeds.map((r) => {
    const code = r.lsoa21cd!;
    const rank = Number(r.imd_rank);
    const ch = change.get(code) ?? [];
    const unchanged = ch.length === 1 && ch[0]!.code === 'U';
    const c = centroids.get(code);
    wardNames[r.wd24cd!] = r.wd24nm!;
    const props: LsoaLike['properties'] = {
      code,
      name: r.lsoa21nm!,
      ward: wardOf.get(code)!,
      chg: unchanged ? 'U' : (ch[0]?.code ?? 'X'),
      [valueKey('2025', 'imd', 'd')]: Number(r.imd_decile),
      [valueKey('2025', 'imd', 'r')]: rank,
      [flagKey('2025', 1)]: rank <= Math.floor(N / 100) ? 1 : 0,
      [flagKey('2025', 10)]: rank <= Math.floor(N / 10) ? 1 : 0,
    };
    if (c) {
      props.cx = c[0];
      props.cy = c[1];
    }
    if (unchanged && pop15.has(ch[0]!.from)) props.pop = pop15.get(ch[0]!.from)!;
    return { properties: props };
  });
  cached = { lsoas, wardNames, nationalCount: N };
  return cached;
}

let interventions: InterventionsCollection | undefined;

/** The interventions layer as the pipeline builds it from the sources and content/. */
export function realInterventions(): InterventionsCollection {
  if (interventions) return interventions;
  const geo = (f: string) => JSON.parse(readSource(`boundaries/leeds/geojson/${f}`)) as FeatureCollection;
  interventions = buildInterventions({
    sourcesDir: DATA_DIR,
    contentDir: resolve(REPO_ROOT, 'content', AREA_CODE),
    areaCode: AREA_CODE,
    lsoa21: geo('lsoa21_leeds_bgc.geojson'),
    wards: geo('wards_dec2024_leeds_bgc.geojson'),
  }).collection;
  return interventions;
}
