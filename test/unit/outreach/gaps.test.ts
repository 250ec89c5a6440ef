import { describe, expect, it } from 'vitest';
import type { LonLat, LsoaLike } from '../../../src/domain/outreach/catchment';
import {
  communityHubs,
  gapAnalysis,
  gapLsoas,
  isCommunityHub,
  nearbyInterventions,
  nearestHub,
  withNearbyInterventions,
  type Hub,
  type InterventionLike,
} from '../../../src/domain/outreach/gaps';
import { realData, realInterventions } from './real-data';
import { haversineM, independentHubPoints, leedsLsoas } from './independent';
import { leedsCouncil } from '../content/helpers';

const LEEDS_HUBS = new Set(
  leedsCouncil()
    .interventionTypes.filter((t) => t.hub)
    .map((t) => t.id),
);
const BURMANTOFTS = 'E05011388'; // Burmantofts & Richmond Hill
const SEACROFT = 'E05011400'; // Killingbeck & Seacroft

const key = (p: [number, number] | number[]) => `${p[0]!.toFixed(5)},${p[1]!.toFixed(5)}`;

describe('community hubs of the real interventions layer', () => {
  it('are the named hub venues and the libraries co-located with a hub, at postcode centroids (independent read)', () => {
    const { hubs, excluded } = communityHubs(realInterventions(), { hubTypes: LEEDS_HUBS });
    const indep = independentHubPoints();
    expect(new Set(hubs.map((h) => key(h.coordinates)))).toEqual(new Set(indep.map((h) => key(h.at))));
    expect(hubs).toHaveLength(24);
    expect(hubs.map((h) => h.id)).toContain('venue-reginald-centre');
    // The @Holbeck mini hub has no address in the sources: approximate point, not used.
    expect(excluded.find((e) => e.id === 'holbeck-at-holbeck-mini-hub')?.reason).toMatch(/approximate/);
    // Jobshops are not hubs (they sit at their hub's postcode, so add no location).
    expect(hubs.some((h) => h.id.startsWith('jobshop-'))).toBe(false);
    // A plain library (not co-located with a hub) is not a hub.
    expect(hubs.some((h) => h.id === 'library-leeds-central-library')).toBe(false);
    expect(communityHubs(realInterventions(), { hubTypes: LEEDS_HUBS, includeApproximate: true }).hubs).toHaveLength(
      25,
    );
  });
});

describe('gap analysis on the real data', () => {
  const { lsoas } = realData();
  const { hubs } = communityHubs(realInterventions(), { hubTypes: LEEDS_HUBS });
  const indepHubs = independentHubPoints();
  const indep = leedsLsoas();

  /** Re-check a gap list with direct CSV reads and the test's own haversine. */
  function recheck(ward: string, maxDecile: 1 | 2, distanceM: number, rows: ReturnType<typeof gapLsoas>) {
    const reported = new Set(rows.map((r) => r.code));
    const inWard = indep.filter((l) => l.ward === ward && l.decile <= maxDecile);
    for (const l of inWard) {
      const dmin = Math.min(...indepHubs.map((h) => haversineM(l.at, h.at)));
      expect(Math.abs(dmin - distanceM)).toBeGreaterThan(1); // no knife-edge case
      if (reported.has(l.code)) {
        // every reported LSOA is farther than the distance from ALL hubs
        expect(dmin).toBeGreaterThan(distanceM);
        expect(rows.find((r) => r.code === l.code)!.nearestHub!.distanceM).toBeCloseTo(dmin, 1);
      } else {
        // every decile-1 LSOA of the ward not reported is within the distance of some hub
        expect(dmin).toBeLessThanOrEqual(distanceM);
      }
    }
    for (const r of rows) expect(inWard.some((l) => l.code === r.code)).toBe(true);
    return inWard.length;
  }

  it('Burmantofts & Richmond Hill: decile-1 LSOAs more than 800 m from every community hub', () => {
    const res = gapAnalysis({ lsoas, hubs, maxDecile: 1, distanceM: 800, release: '2025', ward: BURMANTOFTS });
    const n = recheck(BURMANTOFTS, 1, 800, res.rows);
    expect(res.candidates).toBe(n);
    expect([res.candidates, res.rows.length, res.covered]).toEqual([9, 4, 5]);
    expect(res.rows.map((r) => r.code)).toEqual(['E01011625', 'E01011618', 'E01011623', 'E01011348']); // farthest first
    expect(res.rows[0]!.nearestHub!.id).toBe('venue-burmantofts-community-hub-and-library');
    for (const r of res.rows) expect(r).toMatchObject({ ward: BURMANTOFTS, decile: 1 });
    expect(res.noCentroid).toEqual([]);
  });

  it('Killingbeck & Seacroft, and deciles 1–2, re-check the same way', () => {
    const d1 = gapLsoas({ lsoas, hubs, maxDecile: 1, distanceM: 800, release: '2025', ward: SEACROFT });
    expect(recheck(SEACROFT, 1, 800, d1)).toBe(8);
    expect(d1).toHaveLength(6);
    const d12 = gapLsoas({ lsoas, hubs, maxDecile: 2, distanceM: 800, release: '2025', ward: SEACROFT });
    expect(recheck(SEACROFT, 2, 800, d12)).toBe(12);
    expect(d12).toHaveLength(9);
    const b12 = gapLsoas({ lsoas, hubs, maxDecile: 2, distanceM: 800, release: '2025', ward: BURMANTOFTS });
    expect(recheck(BURMANTOFTS, 2, 800, b12)).toBe(13);
    expect(b12).toHaveLength(6);
  });

  it('all of Leeds: 45 of the 84 decile-1 LSOAs are more than 800 m from a community hub', () => {
    const res = gapAnalysis({ lsoas, hubs, maxDecile: 1, distanceM: 800, release: '2025' });
    expect(res.candidates).toBe(indep.filter((l) => l.decile === 1).length);
    expect([res.candidates, res.rows.length]).toEqual([84, 45]);
    // Wider distance: never more gaps.
    expect(gapLsoas({ lsoas, hubs, maxDecile: 1, distanceM: 1600, release: '2025' }).length).toBeLessThanOrEqual(45);
  });

  it('answers "what has already run near them" for the Burmantofts gaps', () => {
    const iv = realInterventions();
    const rows = withNearbyInterventions(
      gapLsoas({ lsoas, hubs, maxDecile: 1, distanceM: 800, release: '2025', ward: BURMANTOFTS }),
      iv,
      800,
    );
    const lincolnGreen = rows.find((r) => r.code === 'E01011348')!;
    expect(lincolnGreen.nearby.map((n) => n.id)).toContain('lincoln-green-community-engagement-events');
    for (const r of rows) {
      for (const n of r.nearby) {
        expect(n.distanceM).toBeLessThanOrEqual(800);
        expect(haversineM(r.centroid, n.feature.geometry.coordinates)).toBeCloseTo(n.distanceM, 1);
      }
    }
  });
});

describe('nearbyInterventions on the real layer', () => {
  it('lists everything at the Reginald Centre postcode first, nearest first, any type', () => {
    const iv = realInterventions();
    const reg = iv.features.find((f) => f.properties.id === 'venue-reginald-centre')!.geometry.coordinates;
    const near = nearbyInterventions(reg, iv, 800);
    expect(
      near
        .slice(0, 3)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['jobshop-reginald-workplace-leeds', 'reginald-centre-wellbeing-coordinators', 'venue-reginald-centre']);
    expect(near.slice(0, 3).every((n) => n.distanceM === 0)).toBe(true);
    for (let i = 1; i < near.length; i++) expect(near[i]!.distanceM).toBeGreaterThanOrEqual(near[i - 1]!.distanceM);
    const all = iv.features.filter((f) => haversineM(reg, f.geometry.coordinates) <= 800).length;
    expect(near).toHaveLength(all);
  });
});

describe('isCommunityHub (the hub rule: the vocabulary says which types are hubs)', () => {
  it("Leeds' council.json marks community_hub alone", () => {
    expect([...LEEDS_HUBS]).toEqual(['community_hub']);
    expect(isCommunityHub({ type: 'community_hub' }, LEEDS_HUBS)).toBe(true);
    for (const t of [
      'library',
      'jobshop',
      'taster_event',
      'employability_programme',
      'core_team_project',
      'target_ward_project',
      'anchor_institution',
      'other',
    ]) {
      expect(isCommunityHub({ type: t }, LEEDS_HUBS)).toBe(false);
    }
  });
  it('another vocabulary decides for itself', () => {
    const hubs = new Set(['synthetic_warm_space', 'library']);
    expect(isCommunityHub({ type: 'library' }, hubs)).toBe(true);
    expect(isCommunityHub({ type: 'community_hub' }, hubs)).toBe(false);
  });
});

describe('gap analysis on synthetic data', () => {
  const pt = (id: string, type: string, at: LonLat | null, precision = 'postcode'): InterventionLike => ({
    geometry: at ? { type: 'Point', coordinates: at } : null,
    properties: { id, name: `Synthetic ${id}`, type, precision },
  });
  const l = (code: string, at: LonLat | null, decile: number | null, ward = 'E05999001'): LsoaLike => ({
    properties: {
      code,
      name: `Synthetic ${code}`,
      ward,
      ...(at ? { cx: at[0], cy: at[1] } : {}),
      ...(decile !== null ? { y25_imd_d: decile, y25_imd_r: decile * 100 } : {}),
    },
  });
  const hubA: Hub = { id: 'syn-hub-a', name: 'Synthetic Hub A', coordinates: [-1.5, 53.8] };
  const hubB: Hub = { id: 'syn-hub-b', name: 'Synthetic Hub B', coordinates: [-1.4, 53.8] };
  const lsoas = [
    l('E01999101', [-1.5, 53.801], 1), // ~111 m from A
    l('E01999102', [-1.5, 53.82], 1), // ~2.2 km from A
    l('E01999103', [-1.45, 53.8], 2), // ~3.3 km from both
    l('E01999104', [-1.5, 53.83], 3), // decile 3: never a candidate
    l('E01999105', null, 1), // no centroid
    l('E01999106', [-1.5, 53.84], 1, 'E05999002'), // other ward
    l('E01999107', [-1.5, 53.84], null), // no decile
  ];

  it('keeps decile ≤ maxDecile LSOAs farther than the distance from every hub; ward filter; denominators', () => {
    const r1 = gapAnalysis({
      lsoas,
      hubs: [hubA, hubB],
      maxDecile: 1,
      distanceM: 800,
      release: '2025',
      ward: 'E05999001',
    });
    expect(r1.rows.map((r) => r.code)).toEqual(['E01999102']);
    expect(r1.rows[0]!.nearestHub!.id).toBe('syn-hub-a');
    expect(r1).toMatchObject({ candidates: 2, covered: 1, noCentroid: ['E01999105'] });
    const r2 = gapLsoas({
      lsoas,
      hubs: [hubA, hubB],
      maxDecile: 2,
      distanceM: 800,
      release: '2025',
      ward: 'E05999001',
    });
    expect(r2.map((r) => r.code)).toEqual(['E01999103', 'E01999102']); // farthest first
    const all = gapLsoas({ lsoas, hubs: [hubA, hubB], maxDecile: 1, distanceM: 800, release: '2025' });
    expect(all.map((r) => r.code)).toEqual(['E01999106', 'E01999102']);
  });

  it('with no hubs every candidate is a gap with no nearest hub; at exactly the distance is not a gap', () => {
    const none = gapLsoas({ lsoas, hubs: [], maxDecile: 1, distanceM: 800, release: '2025', ward: 'E05999001' });
    expect(none.map((r) => [r.code, r.nearestHub])).toEqual([
      ['E01999101', null],
      ['E01999102', null],
    ]);
    const d = nearestHub([-1.5, 53.82], [hubA])!.distanceM;
    expect(gapLsoas({ lsoas: [lsoas[1]!], hubs: [hubA], maxDecile: 1, distanceM: d, release: '2025' })).toEqual([]);
    expect(
      gapLsoas({ lsoas: [lsoas[1]!], hubs: [hubA], maxDecile: 1, distanceM: d - 0.01, release: '2025' }),
    ).toHaveLength(1);
  });

  it('rejects bad options', () => {
    expect(() => gapLsoas({ lsoas, hubs: [hubA], maxDecile: 3 as 1, distanceM: 800, release: '2025' })).toThrow(
      /maxDecile/,
    );
    expect(() => gapLsoas({ lsoas, hubs: [hubA], maxDecile: 1, distanceM: NaN, release: '2025' })).toThrow(RangeError);
    expect(() =>
      gapLsoas({ lsoas, hubs: [{ ...hubA, coordinates: [999, 0] }], maxDecile: 1, distanceM: 800, release: '2025' }),
    ).toThrow(/hub syn-hub-a/);
  });

  it('communityHubs: approximate hubs excluded (unless asked), libraries and jobshops are not hubs', () => {
    const features = [
      pt('syn-hub', 'community_hub', [-1.5, 53.8]),
      pt('syn-hub-approx', 'community_hub', [-1.6, 53.8], 'area'),
      pt('syn-jobshop-at-hub', 'jobshop', [-1.5, 53.8]),
      pt('syn-jobshop-alone', 'jobshop', [-1.3, 53.8]),
      pt('syn-library-alone', 'library', [-1.2, 53.8]),
      pt('syn-hub-unplaced', 'community_hub', null),
      pt('syn-taster', 'taster_event', [-1.5, 53.8]),
    ];
    const r = communityHubs({ features }, { hubTypes: LEEDS_HUBS });
    expect(r.hubs.map((h) => h.id)).toEqual(['syn-hub']);
    expect(r.excluded.map((e) => e.id)).toEqual(['syn-hub-approx', 'syn-hub-unplaced']);
    expect(communityHubs(features, { hubTypes: LEEDS_HUBS, includeApproximate: true }).hubs.map((h) => h.id)).toEqual([
      'syn-hub',
      'syn-hub-approx',
    ]);
    const near = nearbyInterventions([-1.5, 53.8], features, 100);
    expect(near.map((n) => n.id)).toEqual(['syn-hub', 'syn-jobshop-at-hub', 'syn-taster']);
  });
});
