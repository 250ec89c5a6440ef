import { PEOPLE_DEFINITIONS } from '../../src/data/people-contract';
/**
 * IoD 2025 File 7 on the real Leeds sources: the pipeline's people figures against an independent
 * reading of the source CSVs (own parser and haversine from test/unit/outreach/independent.ts, no
 * app or pipeline code), and the app's catchment on the built files against the same.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { GEO_FILES, expandDetails, type AreaDetails, type DataMetadata } from '../../src/data/contract';
import { areaCollection, isLsoaProperties } from '../../src/data/topo-areas';
import { runPipeline } from '../../scripts/pipeline/run';
import { areaPeople } from '../../scripts/pipeline/file7';
import { readRelease } from '../../scripts/pipeline/join-iod';
import { releaseEntry } from '../../src/data/contract';
import { catchment, type LsoaLike } from '../../src/domain/outreach/catchment';
import { wardPeople } from '../../src/domain/ward-people';
import { haversineM, table } from '../unit/outreach/independent';
import { DATA_DIR } from '../unit/outreach/real-data';
import { tempDir } from '../unit/pipeline/helpers/synthetic';

const FILE7 = 'indices/iod2025_file7_leeds_lsoa21.csv';
const COL = {
  code: 'LSOA code (2021)',
  pop: 'Total population: mid 2022',
  children: 'Dependent Children aged 0-15: mid 2022',
  older: 'Older population aged 60 and over: mid 2022',
  idaciScore: 'Income Deprivation Affecting Children Index (IDACI) Score (rate)',
  idaciRank: 'Income Deprivation Affecting Children Index (IDACI) Rank (where 1 is most deprived)',
  idaciDecile: 'Income Deprivation Affecting Children Index (IDACI) Decile (where 1 is most deprived 10% of LSOAs)',
  idaopiDecile: 'Income Deprivation Affecting Older People (IDAOPI) Decile (where 1 is most deprived 10% of LSOAs)',
};

// --- independent expectations ------------------------------------------------------------------
const file7 = table(FILE7);
const centroids = new Map(
  table('lookups/lsoa21_population_weighted_centroids_ew.csv').map((r) => [
    r.get('lsoa21cd')!,
    [Number(r.get('lon')), Number(r.get('lat'))] as [number, number],
  ]),
);
const venue = table('places/leeds_named_venues_compiled.csv').find((r) =>
  r.get('name')!.startsWith('Reginald Centre'),
)!;
const REGINALD: [number, number] = [
  Number(venue.get('lon_postcode_centroid')),
  Number(venue.get('lat_postcode_centroid')),
];

function independentCatchment(centre: [number, number], radiusM: number) {
  const inside = file7.filter((r) => haversineM(centre, centroids.get(r.get(COL.code)!)!) <= radiusM);
  const sum = (rows: typeof inside, col: string) => rows.reduce((s, r) => s + Number(r.get(col)), 0);
  return {
    codes: inside.map((r) => r.get(COL.code)!).sort(),
    population: sum(inside, COL.pop),
    children: sum(inside, COL.children),
    older: sum(inside, COL.older),
    childrenIdaci12: sum(
      inside.filter((r) => Number(r.get(COL.idaciDecile)) <= 2),
      COL.children,
    ),
    olderIdaopi12: sum(
      inside.filter((r) => Number(r.get(COL.idaopiDecile)) <= 2),
      COL.older,
    ),
  };
}

// --- the build ---------------------------------------------------------------------------------
const out = tempDir('people-int');
let lsoas: LsoaLike[];
let meta: DataMetadata;

beforeAll(async () => {
  await runPipeline({ dataDir: DATA_DIR, outDir: out, area: 'E08000035' });
  const topo = JSON.parse(readFileSync(path.join(out, GEO_FILES.areas2021), 'utf8')) as Topology;
  const fc = areaCollection(topo, 'lsoa21', isLsoaProperties);
  const details = expandDetails(JSON.parse(readFileSync(path.join(out, GEO_FILES.details2021), 'utf8')) as AreaDetails);
  for (const f of fc.features) Object.assign(f.properties, details.get(f.properties.code));
  lsoas = fc.features;
  meta = JSON.parse(readFileSync(path.join(out, GEO_FILES.metadata), 'utf8')) as DataMetadata;
});

describe('IoD 2025 File 7 in the Leeds build', () => {
  it('finds the Reginald Centre in the sources where the built layer puts it', () => {
    expect(REGINALD).toEqual([-1.53163, 53.81783]);
  });

  it('the 800 m catchment around the Reginald Centre: the app counts the same people as an independent haversine over File 7', () => {
    const expected = independentCatchment(REGINALD, 800);
    expect(expected.codes.length).toBeGreaterThan(3);
    expect(expected.population).toBeGreaterThan(5000);
    const res = catchment(REGINALD, 800, lsoas, '2025');
    expect(res.rows.map((r) => r.code).sort()).toEqual(expected.codes);
    // Leeds keeps its File 7 figures (its Census 2021 values are in the details file too, never counted here).
    expect(res.totals.people).toEqual({
      definition: PEOPLE_DEFINITIONS.file7,
      lsoas: expected.codes.length,
      unknown: 0,
      population: expected.population,
      children: expected.children,
      olderPeople: expected.older,
      childrenIdaci12: expected.childrenIdaci12,
      olderIdaopi12: expected.olderIdaopi12,
    });
    // Pinned so a change in the sources or the method is noticed (and the browser test shows these).
    expect({
      lsoas: expected.codes.length,
      population: expected.population,
      children: expected.children,
    }).toMatchInlineSnapshot(`
      {
        "children": 3068,
        "lsoas": 7,
        "population": 14447,
      }
    `);
  });

  it('carries IDACI and IDAOPI (score, rank, decile, local rank) and the four populations for every LSOA', () => {
    const byCode = new Map(lsoas.map((l) => [l.properties.code, l.properties]));
    expect(byCode.size).toBe(488);
    for (const r of file7) {
      const p = byCode.get(r.get(COL.code)!)!;
      expect(p['pop22']).toBe(Number(r.get(COL.pop)));
      expect(p['chi22']).toBe(Number(r.get(COL.children)));
      expect(p['y25_idc_r']).toBe(Number(r.get(COL.idaciRank)));
      expect(p['y25_idc_d']).toBe(Number(r.get(COL.idaciDecile)));
      expect(p['y25_ido_d']).toBe(Number(r.get(COL.idaopiDecile)));
      expect(p['y25_idc_s']).toBeCloseTo(Number(r.get(COL.idaciScore)), 2);
    }
    // Local rank 1 = the Leeds LSOA with the lowest national IDACI rank.
    const first = [...file7].sort((a, b) => Number(a.get(COL.idaciRank)) - Number(b.get(COL.idaciRank)))[0]!;
    expect(byCode.get(first.get(COL.code)!)!['y25_idc_lr']).toBe(1);
  });

  it('metadata: IDACI/IDAOPI in the 2025 release, and the Leeds total population 820,802 (mid-2022) from the file', () => {
    const total = file7.reduce((s, r) => s + Number(r.get(COL.pop)), 0);
    expect(total).toBe(820_802);
    expect(meta.people).toMatchObject({
      available: true,
      sourceFile: FILE7,
      reference: 'mid-2022',
      totals: { pop22: total },
    });
    expect(meta.releases.find((r) => r.id === '2025')!.indicators).toEqual(expect.arrayContaining(['idc', 'ido']));
    expect(meta.sources.some((s) => s.file === FILE7)).toBe(true);
  });

  it('ward populations add up to the Leeds total', () => {
    const wards = new Set(lsoas.map((l) => l.properties.ward));
    const sum = [...wards].reduce(
      (s, w) =>
        s + (wardPeople(lsoas.filter((l) => l.properties.ward === w).map((l) => l.properties))?.population ?? NaN),
      0,
    );
    expect(sum).toBe(820_802);
  });

  it('an area whose LSOAs are not in the file gets none of it, with the reason', () => {
    const r25 = readRelease(DATA_DIR, releaseEntry('2025'));
    // Bradford (E08000032): real LSOAs of another council, absent from the Leeds-only File 7.
    const codes = [...r25.records.values()].filter((r) => r.lad === 'E08000032').map((r) => r.code);
    expect(codes.length).toBeGreaterThan(100);
    const res = areaPeople({
      dataDir: DATA_DIR,
      file: FILE7,
      area: 'E08000032',
      areaName: 'Bradford',
      codes,
      release2025: r25,
    });
    expect(res).toEqual({
      available: false,
      file: FILE7,
      reason: expect.stringMatching(/covers only E08000035, not Bradford \(0 of its \d+ LSOAs\)/),
    });
  });
});
