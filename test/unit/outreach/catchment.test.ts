import { PEOPLE_DEFINITIONS } from '../../../src/data/people-contract';
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import {
  CATCHMENT_RADII_M,
  catchment,
  catchmentCircle,
  formatDistance,
  straightLineM,
  type LonLat,
  type LsoaLike,
} from '../../../src/domain/outreach/catchment';
import type { LsoaFeature } from '../../../src/data/load';
import { peopleTotals } from '../../../src/domain/people';
import { realData, realInterventions } from './real-data';
import { haversineM, leedsLsoas, postcodeCentroid } from './independent';

/**
 * The Reginald Centre (263 Chapeltown Road) is located by the centroid of its postcode, LS7 3EX
 * (places/ls_postcode_centroids.csv) — a postcode centroid, not the building entrance.
 */
const REGINALD: LonLat = postcodeCentroid('LS7 3EX')!;

const synthetic = (code: string, name: string, at: LonLat | null, extra: Record<string, unknown> = {}): LsoaLike => ({
  properties: { code, name: `Synthetic ${name}`, ward: 'E05999001', ...(at ? { cx: at[0], cy: at[1] } : {}), ...extra },
});

describe('catchment on the real data (sources, IoD2025)', () => {
  const { lsoas } = realData();

  it('finds the decile-1 LSOAs within 800 m of the Reginald Centre, as an independent count does', () => {
    expect(REGINALD).toEqual([-1.53163, 53.81783]);
    const result = catchment(REGINALD, 800, lsoas, '2025');
    const ours = result.rows
      .filter((r) => r.decile === 1)
      .map((r) => r.code)
      .sort();

    // Independent: direct CSV reads (centroids + IoD2025 deciles) and a haversine written in the test.
    const indep = leedsLsoas().map((l) => ({ ...l, d: haversineM(REGINALD, l.at) }));
    const theirs = indep
      .filter((l) => l.decile === 1 && l.d <= 800)
      .map((l) => l.code)
      .sort();
    // No centroid sits so close to 800 m that the two formulas could disagree.
    expect(indep.filter((l) => Math.abs(l.d - 800) < 1)).toEqual([]);

    expect(ours).toEqual(theirs);
    expect(ours).toEqual(['E01011357', 'E01011360', 'E01011361', 'E01011426']);
    expect(result.totals.decile1).toBe(4);
    // All LSOAs inside, whatever the decile, also agree.
    expect(result.rows.map((r) => r.code).sort()).toEqual(
      indep
        .filter((l) => l.d <= 800)
        .map((l) => l.code)
        .sort(),
    );
    expect(result.totals.lsoas).toBe(7);
    // Distances agree with the independent haversine to well under a metre.
    for (const r of result.rows)
      expect(Math.abs(r.distanceM - indep.find((l) => l.code === r.code)!.d)).toBeLessThan(0.01);
  });

  it('uses the same point as the built interventions layer for the Reginald Centre', () => {
    const f = realInterventions().features.find((x) => x.properties.id === 'venue-reginald-centre')!;
    expect(f.geometry.coordinates).toEqual(REGINALD);
    expect(f.properties.precision).toBe('postcode');
  });

  it('is monotone in the radius: 400 m ⊆ 800 m ⊆ 1.6 km, at every community hub', () => {
    expect([...CATCHMENT_RADII_M]).toEqual([400, 800, 1600]);
    const hubs = realInterventions().features.filter((f) => f.properties.type === 'community_hub');
    expect(hubs.length).toBeGreaterThan(20);
    for (const h of hubs) {
      const [a, b, c] = CATCHMENT_RADII_M.map((r) => catchment(h.geometry.coordinates, r, lsoas, '2025'));
      const setB = new Set(b!.rows.map((r) => r.code));
      const setC = new Set(c!.rows.map((r) => r.code));
      for (const r of a!.rows) expect(setB.has(r.code)).toBe(true);
      for (const r of b!.rows) expect(setC.has(r.code)).toBe(true);
      expect(a!.totals.population).toBeLessThanOrEqual(b!.totals.population);
      expect(b!.totals.population).toBeLessThanOrEqual(c!.totals.population);
      expect(a!.totals.decile1).toBeLessThanOrEqual(b!.totals.decile1);
      expect(b!.totals.decile1).toBeLessThanOrEqual(c!.totals.decile1);
    }
    const counts = CATCHMENT_RADII_M.map((r) => catchment(REGINALD, r, lsoas, '2025').totals);
    expect(counts.map((t) => [t.lsoas, t.decile1])).toEqual([
      [3, 3],
      [7, 4],
      [29, 12],
    ]);
  });

  it('totals add up, rows are sorted and exactly the centroids within the radius', () => {
    for (const r of CATCHMENT_RADII_M) {
      const res = catchment(REGINALD, r, lsoas, '2025');
      const t = res.totals;
      expect(t.lsoas).toBe(res.rows.length);
      expect(Object.values(t.byDecile).reduce((s, n) => s + n, 0) + t.decileUnknown).toBe(t.lsoas);
      expect(t.decile1).toBe(t.byDecile[1]);
      expect(t.population).toBe(res.rows.reduce((s, x) => s + (x.population ?? 0), 0));
      expect(t.populationUnknown).toBe(res.rows.filter((x) => x.population === null).length);
      expect(t.mostDeprived1pc).toBe(res.rows.filter((x) => x.flag1).length);
      expect(t.people).toEqual(peopleTotals(res.rows.map((x) => x.people)));
      for (let i = 1; i < res.rows.length; i++)
        expect(res.rows[i]!.distanceM).toBeGreaterThanOrEqual(res.rows[i - 1]!.distanceM);
      for (const x of res.rows) {
        expect(x.distanceM).toBeLessThanOrEqual(r);
        if (x.flag1) expect(x.flag10).toBe(true);
        if (x.flag10) expect(x.decile).toBe(1);
      }
      const inside = new Set(res.rows.map((x) => x.code));
      for (const l of lsoas) {
        if (inside.has(l.properties.code)) continue;
        expect(straightLineM(REGINALD, [l.properties.cx!, l.properties.cy!])).toBeGreaterThan(r);
      }
      expect(res.excludedNoCentroid).toEqual([]);
      expect(res.distanceKind).toBe('straight-line');
    }
    // 1.6 km reaches LSOAs that changed boundary since 2011: population not known for them.
    expect(catchment(REGINALD, 1600, lsoas, '2025').totals.populationUnknown).toBe(2);
  });
});

describe('catchment on synthetic LSOAs', () => {
  const centre: LonLat = [-1.5, 53.8];
  // ~0.009° of latitude ≈ 1 km.
  const lsoas: LsoaLike[] = [
    synthetic('E01999003', 'Far', [-1.5, 53.8 + 0.0135], { y25_imd_d: 1, y25_imd_r: 10 }),
    synthetic('E01999001', 'Near', [-1.5, 53.8 + 0.0018], {
      y25_imd_d: 1,
      y25_imd_r: 5,
      pop: 1500,
      y25_p1: 1,
      y25_p10: 1,
    }),
    synthetic('E01999002', 'Mid', [-1.5, 53.8 + 0.0054], {
      y25_imd_d: 7,
      y25_imd_r: 20000,
      pop: 1200,
      y25_p1: 0,
      y25_p10: 0,
    }),
    synthetic('E01999004', 'No centroid', null, { y25_imd_d: 1 }),
    synthetic('E01999005', 'No decile', [-1.5 + 0.001, 53.8], {}),
  ];

  it('lists by distance with decile, rank, population or null, flags; excludes and counts LSOAs without a centroid', () => {
    const res = catchment(centre, 800, lsoas, '2025');
    expect(res.rows.map((r) => r.code)).toEqual(['E01999005', 'E01999001', 'E01999002']);
    const near = res.rows[1]!;
    expect(near).toMatchObject({
      name: 'Synthetic Near',
      ward: 'E05999001',
      decile: 1,
      rank: 5,
      population: 1500,
      flag1: true,
      flag10: true,
    });
    expect(near.distanceM).toBeCloseTo(200, -1);
    expect(res.rows[0]).toMatchObject({ decile: null, rank: null, population: null, flag1: false, flag10: false });
    expect(res.excludedNoCentroid).toEqual(['E01999004']);
    expect(res.totals).toEqual({
      lsoas: 3,
      population: 2700,
      populationUnknown: 1,
      byDecile: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 1, 8: 0, 9: 0, 10: 0 },
      decileUnknown: 1,
      decile1: 1,
      mostDeprived1pc: 1,
      // No mid-2022 figures on these LSOAs: all three counted as unknown, nothing summed.
      people: {
        definition: null,
        lsoas: 3,
        unknown: 3,
        population: 0,
        children: 0,
        olderPeople: 0,
        childrenIdaci12: 0,
        olderIdaopi12: 0,
      },
    });
    expect(catchment(centre, 1600, lsoas, '2025').rows.map((r) => r.code)).toEqual([
      'E01999005',
      'E01999001',
      'E01999002',
      'E01999003',
    ]);
    expect(catchment(centre, 1600, lsoas, '2019').rows.every((r) => r.decile === null)).toBe(true);
  });

  it('counts mid-2022 people of whole LSOAs inside and beyond, and children / older people in IDACI / IDAOPI decile 1–2 LSOAs', () => {
    const people = (pop22: number, chi22: number, old22: number, idc: number, ido: number) => ({
      pop22,
      chi22,
      old22,
      wa22: pop22 - chi22,
      y25_idc_d: idc,
      y25_ido_d: ido,
    });
    const withPeople: LsoaLike[] = [
      synthetic('E01999001', 'Near', [-1.5, 53.8 + 0.0018], people(1500, 400, 200, 1, 5)),
      synthetic('E01999002', 'Mid', [-1.5, 53.8 + 0.0054], people(1200, 300, 100, 3, 2)),
      synthetic('E01999003', 'Far', [-1.5, 53.8 + 0.0135], people(2000, 600, 500, 2, 1)),
    ];
    const res = catchment(centre, 800, withPeople, '2025');
    expect(res.rows[0]!.people).toEqual({
      definition: PEOPLE_DEFINITIONS.file7,
      population: 1500,
      children: 400,
      olderPeople: 200,
      olderPeople65: null,
      workingAge: 1100,
      idaciDecile: 1,
      idaopiDecile: 5,
    });
    // Inside: Near + Mid. Children in IDACI 1–2: Near's 400 only; older in IDAOPI 1–2: Mid's 100 only.
    expect(res.totals.people).toEqual({
      definition: PEOPLE_DEFINITIONS.file7,
      lsoas: 2,
      unknown: 0,
      population: 2700,
      children: 700,
      olderPeople: 300,
      childrenIdaci12: 400,
      olderIdaopi12: 100,
    });
    expect(res.peopleBeyond).toEqual({
      definition: PEOPLE_DEFINITIONS.file7,
      lsoas: 1,
      unknown: 0,
      population: 2000,
      children: 600,
      olderPeople: 500,
      childrenIdaci12: 600,
      olderIdaopi12: 500,
    });
  });

  it('counts a centroid exactly on the radius as inside', () => {
    const at: LonLat = [-1.5, 53.81];
    const d = straightLineM(centre, at);
    expect(catchment(centre, d, [synthetic('E01999010', 'Edge', at)], '2025').rows).toHaveLength(1);
    expect(catchment(centre, d - 0.001, [synthetic('E01999010', 'Edge', at)], '2025').rows).toHaveLength(0);
  });

  it('rejects a bad centre or radius', () => {
    expect(() => catchment([NaN, 53.8], 800, lsoas, '2025')).toThrow(RangeError);
    expect(() => catchment([53.8, 200] as LonLat, 800, lsoas, '2025')).toThrow(/longitude, latitude/);
    expect(() => catchment(centre, -1, lsoas, '2025')).toThrow(RangeError);
    expect(() => catchment(centre, Infinity, lsoas, '2025')).toThrow(RangeError);
  });

  it("accepts the app's LsoaFeature type", () => {
    const f: LsoaFeature = {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [] },
      properties: {
        code: 'E01999020',
        name: 'Synthetic Feature',
        ward: 'E05999001',
        chg: 'U',
        cx: -1.5,
        cy: 53.8,
        y25_imd_d: 2,
      },
    };
    expect(catchment(centre, 400, [f], '2025').rows[0]).toMatchObject({ code: 'E01999020', decile: 2, distanceM: 0 });
  });
});

describe('catchmentCircle', () => {
  it('is a closed 64-step polygon whose vertices are the radius away (straight-line)', () => {
    for (const r of CATCHMENT_RADII_M) {
      const c = catchmentCircle(REGINALD, r);
      expect(c.geometry.type).toBe('Polygon');
      const ring = c.geometry.coordinates[0]!;
      expect(ring).toHaveLength(65);
      expect(ring[0]).toEqual(ring[64]);
      for (const v of ring) expect(Math.abs(haversineM(REGINALD, v as LonLat) - r)).toBeLessThan(0.5);
      expect(c.properties).toEqual({ radiusM: r, distanceKind: 'straight-line' });
    }
  });

  it('contains the centroids the catchment lists (away from the edge)', () => {
    const res = catchment(REGINALD, 800, realData().lsoas, '2025');
    const circle = catchmentCircle(REGINALD, 800);
    for (const r of res.rows) if (r.distanceM < 795) expect(booleanPointInPolygon(r.centroid, circle)).toBe(true);
  });
});

describe('formatDistance', () => {
  it('writes metres below 1 km and km above', () => {
    expect(CATCHMENT_RADII_M.map(formatDistance)).toEqual(['400 m', '800 m', '1.6 km']);
    expect(formatDistance(1000)).toBe('1 km');
    expect(formatDistance(1250)).toBe('1.25 km');
  });
});
