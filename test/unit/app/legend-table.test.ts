import { describe, expect, it } from 'vitest';
import { buildLegend } from '../../../src/domain/legend';
import { buildLayerTable, NO_TABLE_FILTER } from '../../../src/domain/layer-table';
import { colouringFor } from '../../../src/domain/measure';
import { DECILE_COLOURS } from '../../../src/domain/colour-schemes';
import { matchesFilter, yearsIn } from '../../../src/domain/interventions';
import { tooltipLines } from '../../../src/domain/tooltip';
import { changeSummary, decileDistribution, describeDecileChange } from '../../../src/domain/profile';
import type { LsoaProperties } from '../../../src/data/contract';

// Obviously synthetic areas: codes E01999xxx, names "Synthetic …".
const areas = [
  {
    properties: {
      code: 'E01999901',
      name: 'Synthetic 001A',
      ward: 'E05999901',
      y25_imd_d: 1,
      y25_imd_r: 10,
      y25_imd_lr: 1,
      y25_p1: 1,
      y25_p10: 1,
    },
  },
  {
    properties: {
      code: 'E01999902',
      name: 'Synthetic 001B',
      ward: 'E05999901',
      y25_imd_d: 1,
      y25_imd_r: 900,
      y25_imd_lr: 2,
      y25_p10: 1,
    },
  },
  {
    properties: {
      code: 'E01999903',
      name: 'Synthetic 002A',
      ward: 'E05999902',
      y25_imd_d: 7,
      y25_imd_r: 20000,
      y25_imd_lr: 3,
    },
  },
  { properties: { code: 'E01999904', name: 'Synthetic 002B', ward: 'E05999902' } },
];
const ctx = { areaCount: () => 4 };
const state = { indicator: 'imd', release: '2025', banding: 'national', view: 'deprivation' } as const;

describe('legend', () => {
  it('counts areas per class of the same scale the map uses, and the missing ones', () => {
    const c = colouringFor(state, ctx);
    const legend = buildLegend(c.scheme, c.measure, areas, 'No data');
    expect(legend.rows).toHaveLength(10);
    expect(legend.rows[0]).toEqual({ colour: DECILE_COLOURS[0], label: '1 (most deprived 10%)', count: 2 });
    expect(legend.rows[6]?.count).toBe(1);
    expect(legend.noData).toEqual({ label: 'No data', count: 1 });
  });
});

describe('layer table', () => {
  const wardName = (c: string) => (c === 'E05999901' ? 'Synthetic Ward A' : 'Synthetic Ward B');
  it('has a row per area with the map class, and the same filters as the map', () => {
    const c = colouringFor(state, ctx);
    const all = buildLayerTable({
      view: 'deprivation',
      indicator: 'imd',
      release: '2025',
      colouring: c,
      features: areas,
      wardName,
      filter: NO_TABLE_FILTER,
    });
    expect(all.rows.map((r) => r.code)).toEqual(['E01999901', 'E01999902', 'E01999903', 'E01999904']);
    expect(all.rows[0]?.cells).toMatchObject({
      decile: 1,
      rank: 10,
      class: '1 (most deprived 10%)',
      flag: 'most deprived 1%',
      ward: 'Synthetic Ward A',
    });
    expect(all.rows[3]?.cells['class']).toBe('no data');
    expect(all.columns.find((col) => col.key === 'decile')?.label).toContain('IoD 2025');

    const p1 = buildLayerTable({
      view: 'deprivation',
      indicator: 'imd',
      release: '2025',
      colouring: c,
      features: areas,
      wardName,
      filter: { ward: null, flag: 'p1' },
    });
    expect(p1.rows.map((r) => r.code)).toEqual(['E01999901']);
    const wardB = buildLayerTable({
      view: 'deprivation',
      indicator: 'imd',
      release: '2025',
      colouring: c,
      features: areas,
      wardName,
      filter: { ward: 'E05999902', flag: 'all' },
    });
    expect(wardB.rows).toHaveLength(2);
  });
});

describe('interventions filter', () => {
  const f = (types: string[], from: number | null, to: number | null, includeUndated = true) => ({
    types: new Set(types),
    fromYear: from,
    toYear: to,
    includeUndated,
  });
  it('keeps items running at some time in the year range', () => {
    expect(matchesFilter({ type: 'jobshop', start: '2016', end: '2017' }, f(['jobshop'], 2017, 2019))).toBe(true);
    expect(matchesFilter({ type: 'jobshop', start: '2016', end: '2016-12' }, f(['jobshop'], 2017, 2019))).toBe(false);
    expect(matchesFilter({ type: 'jobshop', start: '2020' }, f(['jobshop'], 2017, 2019))).toBe(false);
    expect(matchesFilter({ type: 'jobshop', start: '2015' }, f(['jobshop'], 2017, 2019))).toBe(true);
    expect(matchesFilter({ type: 'library' }, f(['jobshop'], null, null))).toBe(false);
    expect(matchesFilter({ type: 'library' }, f(['library'], 2017, null, false))).toBe(false);
    expect(matchesFilter({ type: 'library' }, f(['library'], 2017, null, true))).toBe(true);
    expect(yearsIn([{ start: '2019-06', end: '2020' }, { start: '2016' }])).toEqual([2016, 2019, 2020]);
  });
});

describe('profiles and tooltips', () => {
  it('computes change only for unchanged LSOAs, and says it in words', () => {
    const unchanged = {
      code: 'E01999901',
      name: 'Synthetic 001A',
      ward: 'E05999901',
      chg: 'U' as const,
      y19_imd_d: 3,
      y25_imd_d: 1,
      dchg_19_25: -2,
    };
    expect(changeSummary(unchanged)).toMatchObject({
      comparable: true,
      deciles: { '2019': 3, '2025': 1 },
      change19to25: -2,
    });
    expect(changeSummary({ ...unchanged, chg: 'S', dchg_19_25: undefined }).comparable).toBe(false);
    expect(describeDecileChange(-2)).toBe('2 deciles more deprived');
    expect(describeDecileChange(1)).toBe('1 decile less deprived');
    expect(describeDecileChange(null)).toBe('not comparable');
  });

  it('shows the decile and "rank R of N" on hover', () => {
    expect(tooltipLines('deprivation', areas[0]!.properties, 'imd', '2025', 33755)[1]).toBe(
      'National decile 1 · rank 10 of 33,755',
    );
    expect(tooltipLines('deprivation', areas[3]!.properties, 'imd', '2025', 33755)[1]).toBe(
      'Not published for this area',
    );
  });

  it('distributes a ward’s LSOAs across deciles', () => {
    const d = decileDistribution(
      // The fixtures leave out the change code, which the distribution does not read.
      areas.map((a): LsoaProperties => ({ chg: 'U', ...a.properties })),
      '2025',
      'imd',
    );
    expect(d.counts).toEqual([2, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(d.missing).toBe(1);
  });
});
