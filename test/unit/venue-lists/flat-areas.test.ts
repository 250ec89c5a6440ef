import { describe, expect, it } from 'vitest';
import { flattenAreas, unflattenAreas } from '../../../src/domain/venue-lists/flat-areas';
import { areaLocator, type AreaFeature } from '../../../src/domain/venue-lists/inside';

// Synthetic areas: a square with a square hole, and a two-part MultiPolygon (no real boundaries).
const ring = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const holed: AreaFeature = {
  type: 'Feature',
  properties: { code: 'E01TEST01' },
  geometry: { type: 'Polygon', coordinates: [ring(0, 0, 4, 4), ring(1, 1, 2, 2)] },
};
const twoPart: AreaFeature = {
  type: 'Feature',
  properties: { code: 'E01TEST02' },
  geometry: { type: 'MultiPolygon', coordinates: [[ring(10, 0, 11, 1)], [ring(12, 0, 13, 1)]] },
};

describe('flattenAreas / unflattenAreas (the LSOA boundaries handed to the venue worker)', () => {
  it('gives back every code and coordinate, as MultiPolygons', () => {
    const back = unflattenAreas(flattenAreas([holed, twoPart]));
    expect(back.map((f) => f.properties.code)).toEqual(['E01TEST01', 'E01TEST02']);
    expect(back[0]?.geometry).toEqual({ type: 'MultiPolygon', coordinates: [holed.geometry.coordinates] });
    expect(back[1]?.geometry).toEqual(twoPart.geometry);
  });

  it('keeps holes and parts: the locator answers the same on both', () => {
    const before = areaLocator([holed, twoPart]);
    const after = areaLocator(unflattenAreas(flattenAreas([holed, twoPart])));
    for (const p of [
      [0.5, 0.5],
      [1.5, 1.5],
      [12.5, 0.5],
      [11.5, 0.5],
    ] as const) {
      expect(after.lsoaAt(p)).toBe(before.lsoaAt(p));
    }
    expect(after.lsoaAt([1.5, 1.5])).toBeNull();
    expect(after.lsoaAt([12.5, 0.5])).toBe('E01TEST02');
  });

  it('is typed arrays apart from the codes (one copy each to the worker)', () => {
    const f = flattenAreas([holed, twoPart]);
    expect(f.coords).toBeInstanceOf(Float64Array);
    expect(f.coords.length).toBe(2 * 5 * 4);
    expect([...f.areas]).toEqual([0, 1, 3]);
  });
});
