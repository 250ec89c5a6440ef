import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandDetails, GEO_FILES, type AreaDetails, type DataMetadata } from '../../src/data/contract';
import { REPO_ROOT, sourcesForArea } from '../../scripts/pipeline/config';
import { runPipeline } from '../../scripts/pipeline/run';
import { wardPeople } from '../../src/domain/ward-people';
import { splitCsvLine } from '../unit/pipeline/helpers/split-csv-line';
import { tempDir } from '../unit/pipeline/helpers/synthetic';

/**
 * Issue 21 (people, IDACI/IDAOPI, best-fit wards) for four councils of different kinds. The expected
 * figures are computed here straight from the source files, not through the pipeline's readers:
 * membership by each LSOA boundary feature's district code, each LSOA's May 2025 ward from the ONS
 * best-fit lookup (BOM stripped by hand), Census 2021 usual residents and children 0–14 from TS007A,
 * IDACI deciles from IoD 2025 File 3. They must be found in the built data: the LSOAs' wards in the
 * first view, the census and IDACI values in the details file, and the ward totals the app's profile
 * computes from them.
 */
const dataDir = path.resolve(REPO_ROOT, process.env.ATLAS_DATA_DIR ?? path.join('..', 'shared', 'data'));
const COUNCILS = {
  E08000011: 'Knowsley', // metropolitan borough
  E09000030: 'Tower Hamlets', // London borough
  E06000052: 'Cornwall', // unitary
  E07000062: 'Hastings', // shire district
} as const;
type Code = keyof typeof COUNCILS;

/** Rows of a source CSV as objects by header (a leading byte-order mark removed). */
function readRows(rel: string): Array<Record<string, string>> {
  const lines = readFileSync(path.join(dataDir, rel), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const header = splitCsvLine(lines[0]!);
  return lines.slice(1).map((l) => {
    const cells = splitCsvLine(l);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

interface WardExpected {
  lsoas: number;
  population: number;
  children: number;
  idaciDecile1: number;
}
const expected = new Map<
  Code,
  { wards: Map<string, WardExpected>; wardOf: Map<string, string>; population: number; boundaryWards: string[] }
>();
const built = new Map<
  Code,
  {
    dir: string;
    meta: DataMetadata;
    lsoas: Array<Record<string, unknown>>;
    firstViewKeys: Set<string>;
    firstViewGzip: number;
  }
>();

beforeAll(async () => {
  const lsoa21 = JSON.parse(
    gunzipSync(readFileSync(path.join(dataDir, 'boundaries/england/lsoa21_england_bgc.geojson.gz'))).toString('utf8'),
  ) as {
    features: Array<{ properties: Record<string, string> }>;
  };
  const wardsFile = JSON.parse(
    gunzipSync(readFileSync(path.join(dataDir, 'boundaries/england/wards_may2025_england_bgc.geojson.gz'))).toString(
      'utf8',
    ),
  ) as {
    features: Array<{ properties: Record<string, string> }>;
  };
  const lookup = new Map(
    readRows('lookups/lsoa21_ward25_lad25_england_wales_best_fit.csv').map((r) => [r.LSOA21CD!, r.WD25CD!]),
  );
  const census = new Map(
    readRows('population/census2021_ts007a_lsoa21_england.csv').map((r) => [
      r['geography code']!,
      {
        total: Number(r['Age: Total']),
        children: ['Age: Aged 4 years and under', 'Age: Aged 5 to 9 years', 'Age: Aged 10 to 14 years'].reduce(
          (a, k) => a + Number(r[k]),
          0,
        ),
      },
    ]),
  );
  const idaci = new Map(
    readRows('indices/iod2025_file3_idaci_idaopi_england.csv').map((r) => [
      r['LSOA code (2021)']!,
      Number(r['Income Deprivation Affecting Children Index (IDACI) Decile (where 1 is most deprived 10% of LSOAs)']),
    ]),
  );
  for (const c of Object.keys(COUNCILS) as Code[]) {
    const codes = lsoa21.features.filter((f) => f.properties.LADCD_ACTIVE === c).map((f) => f.properties.LSOA21CD!);
    const wards = new Map<string, WardExpected>();
    const wardOf = new Map<string, string>();
    for (const l of codes) {
      const w = lookup.get(l)!;
      wardOf.set(l, w);
      const e = wards.get(w) ?? { lsoas: 0, population: 0, children: 0, idaciDecile1: 0 };
      e.lsoas++;
      e.population += census.get(l)!.total;
      e.children += census.get(l)!.children;
      if (idaci.get(l) === 1) e.idaciDecile1++;
      wards.set(w, e);
    }
    const boundaryWards = wardsFile.features.filter((f) => f.properties.LAD25CD === c).map((f) => f.properties.WD25CD!);
    expected.set(c, { wards, wardOf, population: codes.reduce((a, l) => a + census.get(l)!.total, 0), boundaryWards });
  }
  for (const c of Object.keys(COUNCILS) as Code[]) {
    const dir = tempDir(`council-people-${c}`);
    await runPipeline({ dataDir, outDir: dir, area: c, sources: sourcesForArea(c) });
    const text = readFileSync(path.join(dir, GEO_FILES.areas2021), 'utf8');
    const topo = JSON.parse(text) as Topology;
    const geo = topo.objects.lsoa21;
    if (geo?.type !== 'GeometryCollection') throw new Error('no lsoa21 object');
    const first = feature(topo, geo).features.map((f) => (f.properties ?? {}) as Record<string, unknown>);
    const details = expandDetails(
      JSON.parse(readFileSync(path.join(dir, GEO_FILES.details2021), 'utf8')) as AreaDetails,
    );
    built.set(c, {
      dir,
      meta: JSON.parse(readFileSync(path.join(dir, GEO_FILES.metadata), 'utf8')) as DataMetadata,
      lsoas: first.map((p) => ({ ...p, ...details.get(String(p.code)) })),
      firstViewKeys: new Set(first.flatMap((p) => Object.keys(p))),
      firstViewGzip: gzipSync(text, { level: 9 }).byteLength,
    });
  }
}, 400_000);

describe.each(Object.entries(COUNCILS) as Array<[Code, string]>)(
  'people, IDACI and best-fit wards of %s (%s)',
  (code) => {
    it('puts every LSOA in its ward by the ONS best-fit lookup, and says how many moved against the centroid rule', () => {
      const b = built.get(code)!;
      const e = expected.get(code)!;
      expect(b.lsoas).toHaveLength(e.wardOf.size);
      for (const l of b.lsoas) expect(l.ward).toBe(e.wardOf.get(String(l.code)));
      const wards = b.meta.council?.wards;
      expect(wards?.method).toBe('lookup');
      expect(typeof wards?.movedFromCentroid).toBe('number');
      expect(wards?.note).toMatch(/ONS best-fit lookup/);
      // Wards the lookup gives no LSOA are listed, honestly, and are exactly the boundary wards without one.
      expect(wards?.withoutLsoa).toEqual(e.boundaryWards.filter((w) => !e.wards.has(w)).sort());
    });

    it('has each ward’s Census 2021 population and children 0–14 of the source file, under the census definition', () => {
      const b = built.get(code)!;
      const e = expected.get(code)!;
      expect(e.wards.size).toBeGreaterThan(5);
      for (const [ward, w] of e.wards) {
        const members = b.lsoas.filter((l) => l.ward === ward);
        expect(members).toHaveLength(w.lsoas);
        const people = wardPeople(members);
        expect(people?.definition.id).toBe('census2021');
        expect([ward, people?.population, people?.children]).toEqual([ward, w.population, w.children]);
      }
      expect(b.meta.population?.used.id).toBe('census2021');
      expect(b.meta.population?.totals.population).toBe(e.population);
      expect(b.meta.population?.used.figures.children.label).toBe('children aged 0–14, Census 2021');
    });

    it('has each ward’s IDACI decile-1 count of File 3, rank-only (no score), as a 2025 indicator', () => {
      const b = built.get(code)!;
      const e = expected.get(code)!;
      for (const [ward, w] of e.wards)
        expect([ward, b.lsoas.filter((l) => l.ward === ward && l.y25_idc_d === 1).length]).toEqual([
          ward,
          w.idaciDecile1,
        ]);
      expect(
        b.lsoas.every(
          (l) => typeof l.y25_idc_r === 'number' && typeof l.y25_ido_d === 'number' && l.y25_idc_s === undefined,
        ),
      ).toBe(true);
      const r25 = b.meta.releases.find((r) => r.id === '2025');
      expect(r25?.indicators).toEqual(expect.arrayContaining(['idc', 'ido']));
      expect(r25?.scored).not.toContain('idc');
      expect(b.meta.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['census2021-ts007a', 'iod2025-file3']));
    });

    it('keeps people and IDACI/IDAOPI out of the first view, which stays within 200 bytes gzip per LSOA', () => {
      const b = built.get(code)!;
      expect([...b.firstViewKeys].filter((k) => /^c21|_idc_|_ido_/.test(k))).toEqual([]);
      expect(b.firstViewGzip).toBeLessThanOrEqual(Math.max(4096, 200 * b.lsoas.length));
    });
  },
);
