import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { GEO_FILES, type DataMetadata } from '../../src/data/contract';
import { REPO_ROOT, sourcesForArea } from '../../scripts/pipeline/config';
import { runPipeline } from '../../scripts/pipeline/run';
import { splitCsvLine } from '../unit/pipeline/helpers/split-csv-line';
import { tempDir } from '../unit/pipeline/helpers/synthetic';
import { builtAreaProps } from '../unit/pipeline/helpers/built-areas';

/**
 * Councils of different kinds built from the England-wide sources. The expected figures are
 * computed here straight from the source files (gzip GeoJSON and the IoD 2025 CSV), not through
 * the pipeline's readers: LSOA 2021 and May 2025 ward counts by each feature's district code, the
 * IoD 2025 decile-1 and national-1% counts of exactly those LSOAs.
 */
const dataDir = path.resolve(REPO_ROOT, process.env.ATLAS_DATA_DIR ?? path.join('..', 'shared', 'data'));
const COUNCILS = {
  E08000025: 'Birmingham',
  E09000030: 'Tower Hamlets',
  E06000052: 'Cornwall',
  E06000017: 'Rutland',
} as const;
type Code = keyof typeof COUNCILS;

interface GeoFile {
  features: Array<{ properties: Record<string, string> }>;
}
const readGz = (rel: string): GeoFile =>
  JSON.parse(gunzipSync(readFileSync(path.join(dataDir, rel))).toString('utf8')) as GeoFile;

const expected = new Map<Code, { lsoa21: number; wards: number; decile1: number; top1pc: number }>();
const built = new Map<
  Code,
  { dir: string; meta: DataMetadata; lsoa: Array<Record<string, unknown>>; wards: Array<Record<string, unknown>> }
>();

beforeAll(async () => {
  const lsoa21 = readGz('boundaries/england/lsoa21_england_bgc.geojson.gz');
  const wards = readGz('boundaries/england/wards_may2025_england_bgc.geojson.gz');
  const lines = readFileSync(path.join(dataDir, 'indices/iod2025_lsoa21_england.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const header = splitCsvLine(lines[0]!);
  const [code, rank, decile] = ['lsoa21cd', 'imd_rank', 'imd_decile'].map((c) => header.indexOf(c));
  const rows = lines.slice(1).map(splitCsvLine);
  const threshold = Math.floor(rows.length / 100);
  const iod = new Map(rows.map((r) => [r[code!]!, { rank: Number(r[rank!]), decile: Number(r[decile!]) }]));
  for (const c of Object.keys(COUNCILS) as Code[]) {
    const codes = lsoa21.features.filter((f) => f.properties.LADCD_ACTIVE === c).map((f) => f.properties.LSOA21CD!);
    expected.set(c, {
      lsoa21: codes.length,
      wards: wards.features.filter((f) => f.properties.LAD25CD === c).length,
      decile1: codes.filter((l) => iod.get(l)?.decile === 1).length,
      top1pc: codes.filter((l) => (iod.get(l)?.rank ?? Infinity) <= threshold).length,
    });
  }
  for (const c of Object.keys(COUNCILS) as Code[]) {
    const dir = tempDir(`council-${c}`);
    await runPipeline({ dataDir, outDir: dir, area: c, sources: sourcesForArea(c) });
    built.set(c, {
      dir,
      meta: JSON.parse(readFileSync(path.join(dir, GEO_FILES.metadata), 'utf8')) as DataMetadata,
      lsoa: builtAreaProps(dir, 'lsoa21'),
      wards: builtAreaProps(dir, 'wards'),
    });
  }
}, 300_000);

describe.each(Object.entries(COUNCILS) as Array<[Code, string]>)('England-wide build of %s (%s)', (code, name) => {
  it('holds exactly the district’s LSOAs 2021 and May 2025 wards', () => {
    const b = built.get(code)!;
    const e = expected.get(code)!;
    expect(e.lsoa21).toBeGreaterThan(0);
    expect(b.lsoa).toHaveLength(e.lsoa21);
    expect(b.wards).toHaveLength(e.wards);
    expect(b.meta.area).toEqual({ code, name });
    expect(b.meta.counts.lsoa21).toBe(e.lsoa21);
    expect(b.meta.council?.wards).toMatchObject({ vintage: 'May 2025', method: 'lookup' });
  });

  it('has the IoD 2025 decile-1 and national 1% counts of the source files', () => {
    const b = built.get(code)!;
    const e = expected.get(code)!;
    expect(b.lsoa.filter((p) => p.y25_imd_d === 1)).toHaveLength(e.decile1);
    expect(b.lsoa.filter((p) => p.y25_p1 === 1)).toHaveLength(e.top1pc);
    const r25 = b.meta.releases.find((r) => r.id === '2025');
    expect([r25?.nationalDecile1, r25?.mostDeprived1pc]).toEqual([e.decile1, e.top1pc]);
  });

  it('puts every LSOA in one of the district’s wards, and the ward summaries add up', () => {
    const b = built.get(code)!;
    const wardCodes = new Set(b.wards.map((w) => w.code));
    expect(b.lsoa.every((p) => wardCodes.has(p.ward))).toBe(true);
    expect(b.wards.reduce((a, w) => a + Number(w.y25_n ?? 0), 0)).toBe(b.lsoa.length);
  });

  it('keeps the first view within 200 bytes gzip per LSOA and says what is not available here', () => {
    const b = built.get(code)!;
    const gzip = gzipSync(readFileSync(path.join(b.dir, GEO_FILES.areas2021)), { level: 9 }).byteLength;
    expect(gzip).toBeLessThanOrEqual(Math.max(4096, 200 * b.lsoa.length));
    expect(b.meta.council?.unavailable.postcodes).toBeUndefined();
    expect(b.meta.council?.content).toBeNull();
    expect(JSON.stringify(b.meta)).not.toMatch(/Leeds/);
  });
});
