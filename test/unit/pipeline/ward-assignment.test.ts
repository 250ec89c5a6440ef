import { describe, expect, it } from 'vitest';
import type { AreaFeature } from '../../../scripts/pipeline/boundaries';
import { assignWardsByCentroid } from '../../../scripts/pipeline/ward-assignment';
import { areaMinWeight, MAX_WEIGHT_FACTOR, REFERENCE_BBOX_AREA_PER_LSOA } from '../../../scripts/pipeline/fit-topology';
import { areaBudget } from '../../../scripts/pipeline/area-budget';

/** Synthetic wards: two unit squares side by side, W1 (x 0–1) and W2 (x 1–2). */
const square = (code: string, x0: number): AreaFeature => ({
  code,
  name: `Synthetic ward ${code}`,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x0, 0],
        [x0 + 1, 0],
        [x0 + 1, 1],
        [x0, 1],
        [x0, 0],
      ],
    ],
  },
});
const wards = [square('W2', 1), square('W1', 0)];

describe('assignWardsByCentroid (ONS best-fit: the ward holding the population-weighted centroid)', () => {
  it('puts each LSOA in the ward containing its centroid', () => {
    const r = assignWardsByCentroid(
      ['A', 'B'],
      new Map([
        ['A', [0.5, 0.5]],
        ['B', [1.7, 0.2]],
      ]),
      wards,
    );
    expect(Object.fromEntries(r.ward)).toEqual({ A: 'W1', B: 'W2' });
    expect(r.nearest).toEqual([]);
  });

  it('gives a centroid on a shared border to the lower ward code, whatever the input order', () => {
    expect(assignWardsByCentroid(['A'], new Map([['A', [1, 0.5]]]), wards).ward.get('A')).toBe('W1');
  });

  it('sends a centroid outside every ward (offshore after generalisation) to the nearest ward and lists it', () => {
    const r = assignWardsByCentroid(['A'], new Map([['A', [2.01, 0.5]]]), wards);
    expect(r.ward.get('A')).toBe('W2');
    expect(r.nearest).toEqual(['A']);
  });

  it('leaves an LSOA without a centroid unassigned and lists it', () => {
    const r = assignWardsByCentroid(['A'], new Map(), wards);
    expect(r.ward.size).toBe(0);
    expect(r.withoutCentroid).toEqual(['A']);
  });
});

describe('per-area geometry budget', () => {
  it('keeps the base weight for areas as dense as the reference and scales it with area per LSOA', () => {
    const side = Math.sqrt(REFERENCE_BBOX_AREA_PER_LSOA * 100);
    expect(areaMinWeight(5e-8, [0, 0, side, side], 100)).toBeCloseTo(5e-8, 12);
    expect(areaMinWeight(5e-8, [0, 0, side, side], 1000)).toBeCloseTo(5e-8, 12); // denser: never finer
    expect(areaMinWeight(5e-8, [0, 0, side * 2, side * 2], 100)).toBeCloseTo(2e-7, 12);
    expect(MAX_WEIGHT_FACTOR).toBeGreaterThan(1);
  });

  it('allows 200 bytes gzip per LSOA on the first view, with a floor for the smallest districts', () => {
    expect(areaBudget(659).firstViewGzip).toBe(131_800);
    expect(areaBudget(6).firstViewGzip).toBe(4096);
  });
});
