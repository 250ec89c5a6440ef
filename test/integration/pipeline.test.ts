import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import {
  GEO_FILES,
  POSTCODE_DISTRICT_BUDGET_GZIP,
  postcodeDistrictFile,
  type DataMetadata,
  type PostcodeDistrict,
} from '../../src/data/contract';
import { areaCollection, isScalarProperties } from '../../src/data/topo-areas';
import { runPipeline, type PipelineReport } from '../../scripts/pipeline/run';
import { dataDir } from '../unit/pipeline/helpers/data-dir';
import { tempDir } from '../unit/pipeline/helpers/synthetic';

const outA = tempDir('int-a');
const outB = tempDir('int-b');
let report: PipelineReport;

type Props = Record<string, string | number | undefined>;
function objectProps(file: string, object: string): Props[] {
  const topo = JSON.parse(readFileSync(path.join(outA, file), 'utf8')) as Topology;
  // Throws unless every feature is a polygon with scalar properties.
  return areaCollection(topo, object, isScalarProperties).features.map((f) => f.properties);
}

beforeAll(async () => {
  report = await runPipeline({ dataDir, outDir: outA, area: 'E08000035' });
  await runPipeline({ dataDir, outDir: outB, area: 'E08000035' });
});

describe('pipeline on the real Leeds data', () => {
  it('counts areas and joins every LSOA', () => {
    expect(report.counts).toMatchObject({ lsoa21: 488, lsoa11: 482, wards: 33 });
    const l21 = objectProps(GEO_FILES.areas2021, 'lsoa21');
    const l11 = objectProps(GEO_FILES.areas2011, 'lsoa11');
    expect(l21).toHaveLength(488);
    expect(l11).toHaveLength(482);
    expect(
      l21.every(
        (p) =>
          typeof p.y25_imd_r === 'number' &&
          typeof p.y25_imd_d === 'number' &&
          typeof p.ward === 'string' &&
          p.ward !== '',
      ),
    ).toBe(true);
    expect(l11.every((p) => typeof p.y19_imd_r === 'number' && typeof p.y15_imd_r === 'number')).toBe(true);
    expect(objectProps(GEO_FILES.areas2021, 'wards')).toHaveLength(33);
  });

  it('matches the published Leeds counts for the 1% and decile 1', () => {
    const byId = Object.fromEntries(report.releases.map((r) => [r.id, r]));
    expect([byId['2015']?.mostDeprived1pc, byId['2019']?.mostDeprived1pc, byId['2025']?.mostDeprived1pc]).toEqual([
      16, 12, 7,
    ]);
    expect([byId['2015']?.nationalDecile1, byId['2019']?.nationalDecile1, byId['2025']?.nationalDecile1]).toEqual([
      105, 114, 84,
    ]);
    const wards = objectProps(GEO_FILES.areas2021, 'wards');
    const sum = (k: string): number => wards.reduce((a, w) => a + Number(w[k] ?? 0), 0);
    expect([sum('y25_n'), sum('y25_p1'), sum('y25_d1'), sum('y19_n'), sum('y19_d1'), sum('y15_p1')]).toEqual([
      488, 7, 84, 482, 114, 16,
    ]);
  });

  it('has Leeds 011A in IoD2025 decile 6 and in Otley & Yeadon ward', () => {
    const l = objectProps(GEO_FILES.areas2021, 'lsoa21').find((p) => p.code === 'E01011264');
    expect(l).toMatchObject({ name: 'Leeds 011A', y25_imd_d: 6 });
    const ward = objectProps(GEO_FILES.areas2021, 'wards').find((w) => w.code === l?.ward);
    expect(ward?.name).toBe('Otley & Yeadon');
  });

  it('stays within the size budget and indexes postcodes', () => {
    expect(report.budget.ok).toBe(true);
    expect(report.budget.firstViewGzip).toBeLessThanOrEqual(100 * 1024);
    const meta = JSON.parse(readFileSync(path.join(outA, GEO_FILES.metadata), 'utf8')) as DataMetadata;
    // No Leeds district needs splitting: one file per district.
    expect(meta.postcodeSplitDistricts).toBeUndefined();
    const districts = meta.postcodeDistricts.map((d) => readFileSync(path.join(outA, postcodeDistrictFile(d))));
    expect(readdirSync(path.join(outA, GEO_FILES.postcodes))).toHaveLength(meta.postcodeDistricts.length);
    for (const [i, bytes] of districts.entries())
      expect(gzipSync(bytes, { level: 9 }).byteLength, meta.postcodeDistricts[i]).toBeLessThanOrEqual(
        POSTCODE_DISTRICT_BUDGET_GZIP,
      );
    const parsed = districts.map((b) => JSON.parse(b.toString('utf8')) as PostcodeDistrict);
    const own = parsed.flatMap((d) =>
      Object.entries(d.postcodes)
        .filter(([, [, , i]]) => i >= 0 && d.lsoaCouncils[i] === -1)
        .map(([inward]) => `${d.district} ${inward}`),
    );
    expect(meta.counts.postcodes).toBe(own.length);
    // The LS postcodes in Leeds: the LS-only index had 32,728 with coordinates, 3,106 outside Leeds' LSOAs; placed now
    // in the England-wide LSOA boundaries (not the Leeds shapefile), one postcode on the border falls to a neighbour.
    expect(own.filter((k) => k.startsWith('LS')).length).toBe(32728 - 3106 - 1);
    // Leeds' WF and BD postcodes are covered too: Ardsley & Tingley Library (WF3 2DL), Drighlington (BD11 1JZ).
    expect(own).toEqual(expect.arrayContaining(['WF3 2DL', 'BD11 1JZ', 'LS10 1AA']));
    expect(meta.postcodeDistricts).toEqual(expect.arrayContaining(['BD11', 'WF3', 'LS7']));
    expect(report.counts.postcodesWithoutCoordinates).toBe(parsed.reduce((n, d) => n + d.noCoordinates.length, 0));
    expect(meta.area).toEqual({ code: 'E08000035', name: 'Leeds' });
  });

  it('gives byte-identical outputs on a second run', () => {
    const list = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => statSync(path.join(dir, f)).isFile())
        .sort();
    const files = list(outA);
    expect(list(outB)).toEqual(files);
    for (const f of files)
      expect(readFileSync(path.join(outB, f)).equals(readFileSync(path.join(outA, f))), f).toBe(true);
  });
});
