/**
 * Adding an IoD release is one entry in the release table (src/data/releases.ts) plus its source
 * file: this test adds an obviously synthetic fourth release (test/fixtures/releases) to the table
 * — the only change, made through vi.mock — writes its file into the synthetic sources, and
 * follows it through the pipeline into the pure functions behind the controls, legend, profiles,
 * table and CSV. Expected figures are worked out here from the ranks written, not by the code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  GEO_FILES,
  RELEASES,
  TOPO_OBJECTS,
  expandDetails,
  releaseEntry,
  type AreaDetails,
  type DataMetadata,
  type LsoaProperties,
  type ReleaseId,
  type WardProperties,
} from '../../../src/data/contract';
import { INDICATOR_INFO, lsoaVintage, RELEASE_LABEL, unavailableReason } from '../../../src/domain/indicators';
import { colouringFor } from '../../../src/domain/measure';
import { buildLegend } from '../../../src/domain/legend';
import { changeSummary, indicatorRows, wardSummary } from '../../../src/domain/profile';
import { buildLayerTable, NO_TABLE_FILTER, type TableRow } from '../../../src/domain/layer-table';
import { csvFileName, tableCsv, wardLsoasCsv } from '../../../src/domain/export/csv';
import { parseState } from '../../../src/state/url-state';
import { cell, column, readCsv } from '../../../scripts/pipeline/csv';
import { runPipeline } from '../../../scripts/pipeline/run';
import {
  decile,
  iodPath,
  SYN_AREA,
  SYN_N,
  SYN_WARD,
  SYN_WARD_B,
  tempDir,
  writeSyntheticData,
} from '../pipeline/helpers/synthetic';
import { SYNTHETIC_RELEASE } from '../../fixtures/releases/synthetic-release';
import { builtAreaProps } from '../pipeline/helpers/built-areas';

// The one change: the table gains an entry (newest first, as the table is ordered).
vi.mock('../../../src/data/releases', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/data/releases')>();
  const { SYNTHETIC_RELEASE: fourth } = await import('../../fixtures/releases/synthetic-release');
  return { ...real, RELEASE_TABLE: [fourth, ...real.RELEASE_TABLE] };
});

const syn = writeSyntheticData();
const outDir = tempDir('fourth-release-out');

/**
 * Its source file, in the table's column names: IMD rank = N + 1 − the synthetic 2025 IMD rank
 * (so the order is reversed and nothing can match 2025 by accident); income rank = the 2025 IMD rank.
 */
function writeFourthReleaseFile(): Map<string, number> {
  const t25 = readCsv(iodPath(syn.dir, '2025'), '2025');
  const [code, name, lad, rank] = ['lsoa21cd', 'lsoa21nm', 'lad24cd', 'imd_rank'].map((c) => column(t25, c)) as [
    number,
    number,
    number,
    number,
  ];
  const imdRank = new Map<string, number>();
  const lines = ['lsoa21cd,lsoa21nm,lad24cd,imd_score,imd_rank,imd_decile,income_rank,income_decile'];
  for (const row of t25.rows) {
    const r25 = Number(cell(row, rank));
    const r99 = SYN_N + 1 - r25;
    imdRank.set(cell(row, code), r99);
    lines.push(
      [
        cell(row, code),
        cell(row, name),
        cell(row, lad),
        ((SYN_N - r99) / 7).toFixed(3),
        r99,
        decile(r99),
        r25,
        decile(r25),
      ].join(','),
    );
  }
  writeFileSync(path.join(syn.dir, SYNTHETIC_RELEASE.source.file), `${lines.join('\n')}\n`);
  return imdRank;
}

let fourth: ReleaseId;
let imdRank: Map<string, number>;
let meta: DataMetadata;
let lsoas: Array<{ properties: LsoaProperties }>;
let wards: Array<{ properties: WardProperties }>;

beforeAll(async () => {
  const found = RELEASES.find((r) => releaseEntry(r).title === SYNTHETIC_RELEASE.title);
  if (!found) throw new Error('the mocked release table does not have the synthetic release');
  fourth = found;
  imdRank = writeFourthReleaseFile();
  await runPipeline({ dataDir: syn.dir, sources: syn.sources, area: SYN_AREA, outDir, contentDir: null });
  meta = JSON.parse(readFileSync(path.join(outDir, GEO_FILES.metadata), 'utf8')) as DataMetadata;
  const details = expandDetails(
    JSON.parse(readFileSync(path.join(outDir, GEO_FILES.details2021), 'utf8')) as AreaDetails,
  );
  lsoas = builtAreaProps(outDir, TOPO_OBJECTS.lsoa21).map((p) => {
    const code = String(p.code);
    return { properties: { ...p, ...details.get(code), code, name: String(p.name), ward: String(p.ward), chg: 'U' } };
  });
  wards = builtAreaProps(outDir, TOPO_OBJECTS.wards).map((p) => ({
    properties: { ...p, code: String(p.code), name: String(p.name) },
  }));
});

const byCode = (code: string) => {
  const l = lsoas.find((x) => x.properties.code === code);
  if (!l) throw new Error(`no ${code}`);
  return l;
};

describe('a synthetic fourth release added as one table entry plus its file', () => {
  it('the pipeline reads it, joins it onto LSOA 2021 and describes it in metadata.json', () => {
    expect(meta.releases.map((r) => r.id)).toEqual(['2099', '2025', '2019', '2015']);
    expect(meta.releases[0]).toMatchObject({
      title: SYNTHETIC_RELEASE.title,
      published: '2099-01-01',
      lsoaVintage: '2021',
      nationalCount: SYN_N,
      areaCount: 4,
      indicators: ['imd', 'inc'],
      scored: ['imd'],
      sourceFile: SYNTHETIC_RELEASE.source.file,
      // Only E01999904 (2025 rank 299 → rank 2 ≤ floor(300/100)) is in the 1%; it is also the only decile 1.
      mostDeprived1pc: 1,
      nationalDecile1: 1,
    });
    expect(meta.sources.find((s) => s.id === 'iod2099')).toMatchObject({
      file: SYNTHETIC_RELEASE.source.file,
      publisher: SYNTHETIC_RELEASE.publisher,
    });
    for (const code of ['E01999901', 'E01999902', 'E01999903', 'E01999904']) {
      const r = imdRank.get(code) ?? NaN;
      expect(byCode(code).properties).toMatchObject({ y99_imd_r: r, y99_imd_d: decile(r), y99_p1: r <= 3 ? 1 : 0 });
    }
    // Local ranks by the new release's own national ranks: 904 (2) < 902 (151) < 903 (281) < 901 (299).
    expect(['E01999904', 'E01999902', 'E01999903', 'E01999901'].map((c) => byCode(c).properties.y99_imd_lr)).toEqual([
      1, 2, 3, 4,
    ]);
    // Income: rank = the 2025 IMD rank (2 for E01999901), not scored.
    expect(byCode('E01999901').properties).toMatchObject({ y99_inc_r: 2, y99_inc_d: 1 });
    expect(byCode('E01999901').properties.y99_inc_s).toBeUndefined();
    // The existing releases are still there, unchanged.
    expect(byCode('E01999901').properties).toMatchObject({ y25_imd_r: 2, y19_imd_r: 3, dchg_19_25: 0 });
  });

  it('reaches the controls: release options, labels, indicator availability and the URL', () => {
    expect(RELEASES).toContain(fourth);
    expect(RELEASE_LABEL[fourth]).toBe('Synthetic IoD 2099 (LSOA 2021)');
    expect(lsoaVintage(fourth)).toBe('lsoa21');
    const available = INDICATOR_INFO.filter((i) => unavailableReason(fourth, i.id) === null).map((i) => i.id);
    expect(available).toEqual(['imd', 'inc']);
    expect(unavailableReason(fourth, 'edu')).toBe('not in the synthetic 2099 test release');
    expect(parseState('?rel=2099&ind=inc')).toMatchObject({ release: fourth, indicator: 'inc' });
    expect(parseState('?rel=2099&ind=edu')).toMatchObject({ release: fourth, indicator: 'imd' });
  });

  it('reaches the legend', () => {
    const c = colouringFor(
      { indicator: 'imd', release: fourth, banding: 'national', view: 'deprivation' },
      { areaCount: () => 4 },
    );
    expect(c.target).toBe('lsoa21');
    const legend = buildLegend(c.scheme, c.measure, lsoas, 'No data');
    expect(legend.title).toContain('Synthetic IoD 2099 (LSOA 2021)');
    // Deciles of ranks 299, 151, 281, 2: 10, 6, 10, 1.
    expect(legend.rows.map((r) => r.count)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(legend.noData.count).toBe(0);
  });

  it('reaches the LSOA and ward profiles', () => {
    expect(indicatorRows(byCode('E01999901').properties, fourth)).toEqual([
      {
        indicator: 'imd',
        label: 'Index of Multiple Deprivation',
        subdomain: false,
        decile: 10,
        rank: 299,
        localRank: 4,
        score: 0.143,
      },
      { indicator: 'inc', label: 'Income', subdomain: false, decile: 1, rank: 2, localRank: 1, score: null },
    ]);
    expect(changeSummary(byCode('E01999904').properties).deciles).toMatchObject({ '2099': 1, '2025': 10 });
    const wardA = wards.find((w) => w.properties.code === SYN_WARD);
    const wardB = wards.find((w) => w.properties.code === SYN_WARD_B);
    if (!wardA || !wardB) throw new Error('synthetic wards missing');
    // Ward A: 901 (rank 299) and 902 (151) → median 225, none in decile 1. Ward B: 903 (281), 904 (2).
    expect(wardSummary(wardA.properties, fourth)).toEqual({
      lsoas: 2,
      decile1: 0,
      decile1Share: 0,
      mostDeprived1pc: 0,
      medianRank: 225,
    });
    expect(wardSummary(wardB.properties, fourth)).toEqual({
      lsoas: 2,
      decile1: 1,
      decile1Share: 0.5,
      mostDeprived1pc: 1,
      medianRank: 141.5,
    });
  });

  it('reaches the table and its CSV, and the ward CSV', () => {
    const colouring = colouringFor(
      { indicator: 'imd', release: fourth, banding: 'national', view: 'deprivation' },
      { areaCount: () => 4 },
    );
    const t = buildLayerTable({
      view: 'deprivation',
      indicator: 'imd',
      release: fourth,
      colouring,
      features: lsoas,
      wardName: (c) => c,
      filter: NO_TABLE_FILTER,
    });
    expect(t.columns.find((col) => col.key === 'decile')?.label).toContain('Synthetic IoD 2099');
    expect(t.rows.find((r) => r.code === 'E01999904')?.cells).toMatchObject({
      decile: 1,
      rank: 2,
      flag: 'most deprived 1%',
    });

    const csv = tableCsv(
      t.columns.map((col) => ({ header: col.label, value: (r: TableRow) => r.cells[col.key] ?? null })),
      t.rows,
      { release: fourth, subject: 'table' },
    );
    expect(csv).toContain('#,Release: Synthetic Indices of Deprivation 2099 (test fixture) (LSOA 2021)');
    expect(csv).toMatch(/\r\nE01999904,|,E01999904,/);
    expect(csvFileName('table', { release: fourth, subject: 'table' })).toBe('leeds-table-table-syniod2099.csv');

    const ward = wardLsoasCsv(
      lsoas.filter((l) => l.properties.ward === SYN_WARD_B),
      { release: fourth, subject: 'Synthetic South & East' },
    );
    const records = ward.split('\r\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(records[0]).toContain('IMD national decile (SynIoD2099)');
    // Most deprived first: E01999904 (rank 2, decile 1, in the 1%), then E01999903 (281, decile 10).
    expect(records.slice(1).map((r) => r.split(',').slice(0, 1).concat(r.split(',').slice(4, 6)))).toEqual([
      ['E01999904', '1', '2'],
      ['E01999903', '10', '281'],
    ]);
  });
});
