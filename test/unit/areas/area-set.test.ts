import { describe, expect, it } from 'vitest';
import { flagKey, valueKey } from '../../../src/data/contract';
import { profile, propsTable } from '../../../src/domain/area-profile';
import {
  areaSet,
  areaSetByRule,
  neighbourhoodAreaSet,
  pointInRing,
  polygonProblem,
  ringSelfIntersects,
  ruleMembers,
  toggleMember,
  wardAreaSet,
  type LonLat,
} from '../../../src/domain/area-set';

/** Synthetic LSOAs (E01999xxx do not exist) on a 0.01° grid near (−1.5, 53.8). */
const at = (i: number, j: number): LonLat => [-1.5 + i * 0.01, 53.8 + j * 0.01];
const lsoa = (n: number, ward: string, [cx, cy]: LonLat, v: Record<string, number | string> = {}) => ({
  properties: { code: `E01999${String(n).padStart(3, '0')}`, ward, cx, cy, ...v },
});
const L = [
  lsoa(1, 'W1', at(0, 0), {
    [valueKey('2025', 'imd', 'd')]: 1,
    [valueKey('2025', 'imd', 'r')]: 10,
    [flagKey('2025', 1)]: 1,
    [flagKey('2025', 10)]: 1,
    pop22: 1500,
    chi22: 300,
    old22: 200,
    wa22: 900,
    [valueKey('2025', 'idc', 'd')]: 1,
    [valueKey('2025', 'ido', 'd')]: 3,
    chg: 'U',
    dchg_19_25: -1,
    pop: 1400,
  }),
  lsoa(2, 'W1', at(1, 0), {
    [valueKey('2025', 'imd', 'd')]: 1,
    [valueKey('2025', 'imd', 'r')]: 300,
    [flagKey('2025', 1)]: 0,
    [flagKey('2025', 10)]: 1,
    pop22: 1600,
    chi22: 400,
    old22: 100,
    wa22: 1000,
    [valueKey('2025', 'idc', 'd')]: 2,
    [valueKey('2025', 'ido', 'd')]: 1,
    chg: 'S',
  }),
  lsoa(3, 'W2', at(2, 0), {
    [valueKey('2025', 'imd', 'd')]: 7,
    [valueKey('2025', 'imd', 'r')]: 22000,
    [flagKey('2025', 1)]: 0,
    [flagKey('2025', 10)]: 0,
    pop22: 1200,
    chi22: 100,
    old22: 400,
    wa22: 600,
    chg: 'U',
    dchg_19_25: 0,
  }),
  lsoa(4, 'W2', at(0, 2), {
    [valueKey('2025', 'imd', 'd')]: 4,
    [valueKey('2025', 'imd', 'r')]: 12000,
    chg: 'U',
    dchg_19_25: 2,
  }),
];
const table = propsTable(L.map((l) => l.properties));

describe('area-set rules', () => {
  it('point in ring: inside, outside, on an edge, open or closed', () => {
    const sq: LonLat[] = [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ];
    expect(pointInRing([1, 1], sq)).toBe(true);
    expect(pointInRing([3, 1], sq)).toBe(false);
    expect(pointInRing([2, 1], sq)).toBe(true);
    expect(pointInRing([1, 1], [...sq, [0, 0]])).toBe(true);
    expect(
      pointInRing(
        [1, 1],
        [
          [0, 0],
          [2, 0],
        ],
      ),
    ).toBe(false);
  });

  it('self-crossing rings and empty shapes get their problem', () => {
    expect(
      ringSelfIntersects([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
      ]),
    ).toBe(true);
    expect(
      ringSelfIntersects([
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ]),
    ).toBe(false);
    expect(
      polygonProblem(
        [
          [0, 0],
          [1, 1],
        ],
        0,
      ),
    ).toBe('too-few-points');
    expect(
      polygonProblem(
        [
          [0, 0],
          [2, 2],
          [2, 0],
          [0, 2],
        ],
        3,
      ),
    ).toBe('self-crossing');
    expect(
      polygonProblem(
        [
          [0, 0],
          [2, 0],
          [2, 2],
        ],
        0,
      ),
    ).toBe('no-centroid-inside');
    expect(
      polygonProblem(
        [
          [0, 0],
          [2, 0],
          [2, 2],
        ],
        1,
      ),
    ).toBeNull();
  });

  it('polygon, radius and ward rules pick members by centroid or ward code', () => {
    // A triangle around the first two centroids only.
    const ring: LonLat[] = [at(-0.5, -0.5), at(1.5, -0.5), at(0.5, 1)];
    expect(ruleMembers({ type: 'polygon', ring }, L)).toEqual(['E01999001', 'E01999002']);
    // 0.01° of longitude at 53.8° N is about 659 m; 0.02° of latitude about 2,224 m.
    expect(ruleMembers({ type: 'radius', centre: at(0, 0), radiusM: 700 }, L)).toEqual(['E01999001', 'E01999002']);
    expect(ruleMembers({ type: 'radius', centre: at(0, 0), radiusM: 2300 }, L)).toEqual([
      'E01999001',
      'E01999002',
      'E01999003',
      'E01999004',
    ]);
    expect(wardAreaSet({ code: 'W2', name: 'Ward 2' }, L).lsoaCodes).toEqual(['E01999003', 'E01999004']);
    expect(ruleMembers({ type: 'list' }, L)).toEqual([]);
    const noCentroid = [{ properties: { code: 'E01999099', ward: 'W1' } }];
    expect(ruleMembers({ type: 'radius', centre: at(0, 0), radiusM: 1e6 }, noCentroid)).toEqual([]);
  });

  it('sorts and de-duplicates codes; toggling makes the set a list', () => {
    const s = areaSet('custom', 'a', 'A', { type: 'list' }, ['E01999003', 'E01999001', 'E01999003']);
    expect(s.lsoaCodes).toEqual(['E01999001', 'E01999003']);
    const w = wardAreaSet({ code: 'W1', name: 'Ward 1' }, L);
    const t = toggleMember(w, 'E01999004');
    expect(t.lsoaCodes).toEqual(['E01999001', 'E01999002', 'E01999004']);
    expect(t.rule).toEqual({ type: 'list' });
    expect(toggleMember(t, 'E01999001').lsoaCodes).toEqual(['E01999002', 'E01999004']);
    expect(neighbourhoodAreaSet({ id: 'n', name: 'N', lsoa21: [{ code: 'E01999002' }] })).toMatchObject({
      kind: 'neighbourhood',
      lsoaCodes: ['E01999002'],
    });
  });
});

describe('profile', () => {
  it('counts deciles, flags, people, IDACI/IDAOPI, change and the median rank (worked by hand)', () => {
    const set = areaSetByRule('custom', 'x', 'X', { type: 'radius', centre: at(0, 0), radiusM: 2300 }, L);
    const p = profile(set, table, '2025', new Map([['E01999003', [{ id: 'v1', name: 'Library', type: 'library' }]]]));
    expect(p.lsoas).toBe(4);
    expect(p.byDecile).toEqual({ 1: 2, 2: 0, 3: 0, 4: 1, 5: 0, 6: 0, 7: 1, 8: 0, 9: 0, 10: 0 });
    expect(p.decile1).toBe(2);
    expect(p.decile1Share).toBe(0.5);
    expect([p.in1pc, p.in10pc]).toEqual([1, 2]);
    // Ranks 10, 300, 12000, 22000 → (300 + 12000) / 2.
    expect(p.medianRank).toBe(6150);
    expect(p.people).toMatchObject({
      lsoas: 4,
      unknown: 1,
      population: 4300,
      children: 800,
      olderPeople: 700,
      childrenIdaci12: 700,
      olderIdaopi12: 100,
    });
    expect(p.peopleIn10pc).toBe(3100);
    expect(p.idaci.byDecile[1] + p.idaci.byDecile[2]).toBe(2);
    expect(p.idaci.unknown).toBe(2);
    expect(p.change19to25).toEqual({ moreDeprived: 1, same: 1, lessDeprived: 1, notComparable: 1 });
    expect(p.population2015).toEqual({ sum: 1400, unknown: 3 });
    expect(p.venues.map((v) => v.id)).toEqual(['v1']);
  });

  it('reports codes the table lacks and gives null medians and shares for an empty set', () => {
    const p = profile(areaSet('custom', 'e', 'E', { type: 'list' }, ['E01999098']), table, '2025');
    expect(p.notInTable).toEqual(['E01999098']);
    expect([p.lsoas, p.decile1Share, p.medianRank]).toEqual([0, null, null]);
  });
});
