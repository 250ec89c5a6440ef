import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { buildWardBriefing, fitProjection, scaleBar } from '../../../src/domain/briefing';
import type { LsoaProperties, WardProperties } from '../../../src/data/contract';

// Synthetic squares near 53.8°N (obviously not real areas).
function square(lon: number, lat: number, size = 0.01): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  };
}
function lsoa(code: string, extra: Partial<LsoaProperties>): LsoaProperties {
  return { code, name: `Synthetic ${code}`, ward: 'E05999991', chg: 'U', ...extra };
}
const wardA: WardProperties = {
  code: 'E05999991',
  name: 'Test Ward A',
  committee: 'Test Committee',
  y25_n: 3,
  y25_d1: 1,
  y25_d1s: 1 / 3,
  y25_mr: 5000,
  y19_n: 3,
  y19_d1: 2,
};
const wardB: WardProperties = { code: 'E05999992', name: 'Test Ward B', y25_n: 2, y25_d1: 2, y25_d1s: 1, y25_mr: 900 };
const wardC: WardProperties = {
  code: 'E05999993',
  name: 'Test Ward C',
  y25_n: 2,
  y25_d1: 0,
  y25_d1s: 0,
  y25_mr: 20000,
};

const lsoas = [
  {
    properties: lsoa('E01999991', {
      y25_imd_d: 1,
      y25_imd_r: 300,
      y25_p1: 1,
      y25_p10: 1,
      dchg_19_25: -1,
      pop22: 1500,
      chi22: 400,
      old22: 200,
      cx: -1.505,
      cy: 53.805,
    }),
    geometry: square(-1.51, 53.8),
  },
  {
    properties: lsoa('E01999992', {
      y25_imd_d: 4,
      y25_imd_r: 12000,
      dchg_19_25: 0,
      pop22: 1600,
      chi22: 300,
      old22: 250,
    }),
    geometry: square(-1.5, 53.8),
  },
  {
    properties: lsoa('E01999993', { chg: 'M', y25_imd_r: undefined, pop22: 1700, chi22: 350, old22: 300 }),
    geometry: square(-1.49, 53.8),
  },
];
const neighbour = { properties: lsoa('E01999994', { ward: 'E05999992' }), geometry: square(-1.48, 53.8) };
const far = { properties: lsoa('E01999995', { ward: 'E05999992' }), geometry: square(-1.2, 53.9) };
const input = {
  ward: { properties: wardA, geometry: square(-1.51, 53.8, 0.03) },
  lsoas,
  allLsoas: [...lsoas, neighbour, far],
  wards: [wardA, wardB, wardC],
  mapSize: { width: 600, height: 400 },
};

describe('ward briefing model', () => {
  const b = buildWardBriefing(input);

  it('numbers the LSOAs from the most deprived and counts the national 1% and 10%', () => {
    expect(b.lsoas.map((l) => [l.n, l.code])).toEqual([
      [1, 'E01999991'],
      [2, 'E01999992'],
      [3, 'E01999993'],
    ]);
    expect(b.facts).toMatchObject({ lsoas: 3, inDecile1: 1, in1pc: 1, inDecile1In2019: 2, lsoas2019: 3 });
  });

  it('sums population and children over the ward, and gives up (null) when one LSOA lacks them', () => {
    expect(b.facts.population).toBe(4800);
    expect(b.facts.children).toBe(1050);
    // The figures carry their definition, so the briefing's labels name source, year and band.
    expect(b.facts.people?.figures.children.heading).toBe('Dependent children aged 0–15 (mid-2022, IoD 2025 File 7)');
    const partial = buildWardBriefing({
      ...input,
      lsoas: [lsoas[0]!, { ...lsoas[1]!, properties: lsoa('E01999992', {}) }],
    });
    expect(partial.facts.population).toBeNull();
    expect(partial.facts.children).toBeNull();
  });

  it('counts change since 2019 only where the boundary did not change', () => {
    expect(b.facts.change).toEqual({ moreDeprived: 1, same: 1, lessDeprived: 0, notComparable: 1 });
  });

  it('places the ward among the council’s wards', () => {
    expect(b.facts.position).toEqual({ byShareInDecile1: 2, byMedianRank: 2, of: 3 });
  });

  it('has this ward’s legend counts, not the council’s, with no data counted apart', () => {
    expect(b.legend.reduce((s, r) => s + r.count, 0)).toBe(3);
    expect(b.legend[0]).toMatchObject({ count: 1 });
    expect(b.legend[3]).toMatchObject({ count: 1 });
    expect(b.legend.at(-1)).toEqual({ label: 'No data', colour: null, count: 1 });
  });

  it('fits the map to the ward: surroundings in view are drawn grey, far ones left out', () => {
    expect([b.map.width, b.map.height]).toEqual([600, 400]);
    // The ward (0.03° square, taller than wide on the map) fills the height less the margins, centred.
    const fit = fitProjection([-1.51, 53.8, -1.48, 53.83], 600, 400, 0.05);
    const [l, t] = fit.project([-1.51, 53.83]);
    const [r, bottom] = fit.project([-1.48, 53.8]);
    expect(bottom - t).toBeCloseTo(400 / 1.1, 6);
    expect((l + r) / 2).toBeCloseTo(300, 6);
    expect(b.map.context).toHaveLength(1);
    expect(b.map.lsoas.find((l) => l.code === 'E01999991')?.label).not.toBeNull();
    expect(b.map.lsoas.find((l) => l.code === 'E01999993')?.fill).toBeNull();
  });

  it('draws a scale bar of a round length, true to the ground at the ward’s latitude', () => {
    const fit = fitProjection([-1.51, 53.8, -1.48, 53.83], 600, 400, 0);
    // 0.03° of longitude at 53.815°N is about 1,976 m on the ground.
    const groundWidth = 0.03 * (Math.PI / 180) * 6_378_137 * Math.cos((53.815 * Math.PI) / 180);
    const [west] = fit.project([-1.51, 53.815]);
    const [east] = fit.project([-1.48, 53.815]);
    expect((east - west) * fit.metresPerUnit).toBeCloseTo(groundWidth, -1);
    const bar = scaleBar(fit.metresPerUnit, fit.width);
    // The map is height-bound (3.34 km tall in 400 units), so 600 units span about 5 km: a quarter is nearest 1 km.
    expect(bar.label).toBe('1 km');
    expect(bar.length * fit.metresPerUnit).toBeCloseTo(1000, 6);
  });
});
