import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  GEO_FILES,
  expandDetails,
  postcodeDistrictFile,
  type AreaDetails,
  type DataMetadata,
  type PostcodeDistrict,
} from '../../../src/data/contract';
import { PipelineError } from '../../../scripts/pipeline/errors';
import { runPipeline, type PipelineReport } from '../../../scripts/pipeline/run';
import { SYN_AREA, SYN_WARD, tempDir, writeSyntheticData } from './helpers/synthetic';
import { builtAreaProps } from './helpers/built-areas';

const syn = writeSyntheticData();
const outA = tempDir('syn-out-a');
const outB = tempDir('syn-out-b');
let report: PipelineReport;

/** As the app reads them (flags and local ranks restored). */
const props = builtAreaProps;

beforeAll(async () => {
  report = await runPipeline({
    dataDir: syn.dir,
    sources: syn.sources,
    area: SYN_AREA,
    outDir: outA,
    contentDir: null,
  });
  await runPipeline({ dataDir: syn.dir, sources: syn.sources, area: SYN_AREA, outDir: outB, contentDir: null });
});

describe('pipeline on synthetic data', () => {
  it('reports counts and writes every output', () => {
    expect(report.counts).toMatchObject({
      lsoa21: 4,
      lsoa11: 4,
      wards: 2,
      postcodes: 1,
      postcodesNearby: 0,
      postcodesWithoutLsoa: 1,
      postcodesWithoutCoordinates: 1,
      postcodeRowsSkipped: 2,
    });
    // Bad rows are skipped, not fatal, each named by file and line.
    expect(report.postcodeSkipped.map((p) => `${p.file} ${p.location} ${p.field}`)).toEqual([
      'csv/postcodes.csv line 6 Postcode',
      'csv/postcodes.csv line 7 lat',
    ]);
    expect(readdirSync(outA).sort()).toEqual(
      [
        GEO_FILES.areas2011,
        GEO_FILES.details2021,
        GEO_FILES.areas2021,
        GEO_FILES.metadata,
        GEO_FILES.postcodes,
        GEO_FILES.interventions,
        GEO_FILES.spi,
        GEO_FILES.context,
        GEO_FILES.standing,
        GEO_FILES.englandWards,
      ].sort(),
    );
    // No England-wide census or ward lookup in the synthetic sources: no national ward file, said as null.
    expect(JSON.parse(readFileSync(path.join(outA, GEO_FILES.englandWards), 'utf8'))).toBeNull();
    // No context sources for the synthetic area: the layer is null and metadata says why.
    expect(JSON.parse(readFileSync(path.join(outA, GEO_FILES.context), 'utf8'))).toBeNull();
    expect(JSON.parse(readFileSync(path.join(outA, GEO_FILES.metadata), 'utf8')).context).toMatchObject({
      parts: [],
      note: expect.stringMatching(/context/),
    });
    // No content for the synthetic area and no SPI file: both written, empty, so the app can tell.
    expect(JSON.parse(readFileSync(path.join(outA, GEO_FILES.interventions), 'utf8')).features).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(outA, GEO_FILES.spi), 'utf8'))).toBeNull();
    // No File 10 in the synthetic sources: the council summary says so.
    expect(JSON.parse(readFileSync(path.join(outA, GEO_FILES.standing), 'utf8'))).toEqual({
      available: false,
      reason: expect.stringMatching(/File 10 .* not in this build/),
    });
  });

  it('is byte-identical across runs', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => statSync(path.join(dir, f)).isFile())
        .sort();
    expect(files(outB)).toEqual(files(outA));
    for (const f of files(outA))
      expect(readFileSync(path.join(outB, f)).equals(readFileSync(path.join(outA, f))), f).toBe(true);
  });

  it('joins IoD values, local ranks and comparable earlier releases onto LSOA 2021', () => {
    const l = props(outA, 'lsoa21');
    expect(l.map((p) => p.code)).toEqual(['E01999901', 'E01999902', 'E01999903', 'E01999904']);
    const a = l[0]!;
    expect(a).toMatchObject({
      name: 'Synthetic 001A',
      ward: SYN_WARD,
      chg: 'U',
      y25_imd_r: 2,
      y25_imd_d: 1,
      y25_imd_lr: 1,
      y25_imd_ld: 3,
      y25_p1: 1,
      y25_p10: 1,
    });
    // 2019 rank = 3 (≤ floor(300/100)) → still in the 1%; decile change 2019→2025 = 0.
    expect(a).toMatchObject({ y19_imd_r: 3, y19_imd_d: 1, y19_p1: 1, y15_imd_r: 2, dchg_19_25: 0, dchg_15_25: 0 });
    // Domain ranks, centroids and population are in the details file, merged by code.
    const details = expandDetails(
      JSON.parse(readFileSync(path.join(outA, GEO_FILES.details2021), 'utf8')) as AreaDetails,
    );
    expect(details.get('E01999901')).toMatchObject({
      y25_inc_r: 299,
      y25_inc_lr: 4,
      y25_inc_ld: 10,
      y19_inc_r: 298,
      cx: -1.5,
      pop: 1500,
    });
    expect(a.cx).toBeUndefined();
    expect(a.y25_inc_r).toBeUndefined();
    expect(a.y25_inc_d).toBe(10);
  });

  it('writes ward summaries with committee', () => {
    const w = props(outA, 'wards');
    expect(w[0]).toMatchObject({
      code: SYN_WARD,
      committee: 'Synthetic Committee',
      y25_n: 2,
      y25_d1: 1,
      y25_d1s: 0.5,
      y25_p1: 1,
      y25_mr: 76,
      y19_n: 2,
      y15_n: 2,
    });
    expect(w[1]?.committee).toBeUndefined();
    expect(w[1]).toMatchObject({ name: 'Synthetic South & East', y25_n: 2, y25_d1: 1, y25_mr: 159.5 });
  });

  it('normalises postcodes, finds the containing LSOA, keeps near ones and writes one file per district', () => {
    const district = (d: string) =>
      JSON.parse(readFileSync(path.join(outA, postcodeDistrictFile(d)), 'utf8')) as PostcodeDistrict;
    expect(readdirSync(path.join(outA, GEO_FILES.postcodes)).sort()).toEqual(['LS9.json', 'LS99.json']);
    const ls99 = district('LS99');
    expect(ls99).toEqual({
      district: 'LS99',
      lsoaCodes: ['E01999903'],
      lsoaCouncils: [-1],
      councils: [],
      postcodes: { '1ZZ': [expect.any(Number), expect.any(Number), 0] },
      noCoordinates: [],
    });
    // 1 km outside: kept, in no LSOA; 9ZW (far away) dropped; 9ZX listed without coordinates.
    expect(district('LS9')).toEqual({
      district: 'LS9',
      lsoaCodes: [],
      lsoaCouncils: [],
      councils: [],
      postcodes: { '9ZY': [expect.any(Number), expect.any(Number), -1] },
      noCoordinates: ['9ZX'],
    });
    const m = JSON.parse(readFileSync(path.join(outA, GEO_FILES.metadata), 'utf8')) as DataMetadata;
    expect(m.postcodeDistricts).toEqual(['LS9', 'LS99']);
  });

  it('writes metadata without wall-clock time', () => {
    const m = JSON.parse(readFileSync(path.join(outA, GEO_FILES.metadata), 'utf8')) as DataMetadata;
    expect(m.releases.map((r) => [r.id, r.published, r.nationalCount, r.mostDeprived1pc])).toEqual([
      ['2025', '2025-10-30', 300, 1],
      ['2019', '2019-09-26', 300, 1],
      ['2015', '2015-09-30', 300, 1],
    ]);
    expect(JSON.stringify(m)).not.toMatch(/20\d\d-\d\d-\d\dT/);
    expect(m.attribution).toContain('Contains OS data © Crown copyright and database right.');
    // The IoD line every export carries (PNG, CSV preambles, briefing), from the releases built (issue 19.11).
    expect(m.attribution).toContain(
      'Source: English Indices of Deprivation 2025 / 2019 / 2015, Ministry of Housing, Communities and Local Government.',
    );
  });

  it('fails over budget and leaves the previous outputs', async () => {
    const before = readFileSync(path.join(outA, GEO_FILES.areas2021));
    await expect(
      runPipeline({
        dataDir: syn.dir,
        sources: syn.sources,
        area: SYN_AREA,
        outDir: outA,
        contentDir: null,
        budget: { firstViewGzip: 100, releasesGzip: 1e6 },
      }),
    ).rejects.toThrowError(PipelineError);
    expect(readFileSync(path.join(outA, GEO_FILES.areas2021)).equals(before)).toBe(true);
    expect(readdirSync(outA).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
