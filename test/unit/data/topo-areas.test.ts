import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import type { FeatureCollection } from 'geojson';
import { areaCollection, isLsoaProperties, isWardProperties } from '../../../src/data/topo-areas';

// Synthetic unit squares; codes are obviously not real ONS codes.
const square = (x: number): [number, number][][] => [
  [
    [x, 0],
    [x + 1, 0],
    [x + 1, 1],
    [x, 1],
    [x, 0],
  ],
];
const lsoa = (code: string, x: number, extra: Record<string, unknown> = {}) => ({
  type: 'Feature' as const,
  properties: { code, name: `Synthetic ${code}`, ward: 'WTEST1', chg: 'U', y25_imd_d: 3, ...extra },
  geometry: { type: 'Polygon' as const, coordinates: square(x) },
});
const topo = (features: FeatureCollection['features']) => {
  const areas: FeatureCollection = { type: 'FeatureCollection', features };
  return topology({ areas });
};

describe('areaCollection', () => {
  it('returns the polygon areas with their properties', () => {
    const c = areaCollection(topo([lsoa('TEST0001', 0), lsoa('TEST0002', 1)]), 'areas', isLsoaProperties);
    expect(c.type).toBe('FeatureCollection');
    expect(c.features.map((f) => [f.geometry.type, f.properties.code, f.properties.y25_imd_d])).toEqual([
      ['Polygon', 'TEST0001', 3],
      ['Polygon', 'TEST0002', 3],
    ]);
  });

  it('names the object when it is missing', () => {
    expect(() => areaCollection(topo([lsoa('TEST0001', 0)]), 'wards', isLsoaProperties)).toThrow(
      'The TopoJSON has no object "wards"',
    );
  });

  it('refuses a feature whose properties break the contract, naming object, feature and code', () => {
    const t = topo([lsoa('TEST0001', 0), lsoa('TEST0002', 1, { chg: 'Q' })]);
    expect(() => areaCollection(t, 'areas', isLsoaProperties)).toThrow(
      '"areas", feature 2 (TEST0002), is not a polygon area',
    );
  });

  it('refuses a feature that is not a polygon', () => {
    const point = {
      type: 'Feature' as const,
      properties: lsoa('TEST0003', 0).properties,
      geometry: { type: 'Point' as const, coordinates: [0, 0] },
    };
    expect(() => areaCollection(topo([point]), 'areas', isLsoaProperties)).toThrow('feature 1 (TEST0003)');
  });
});

describe('area property guards', () => {
  it('LSOA: needs code, name, ward, a change code, and only string or number values', () => {
    const ok = lsoa('TEST0001', 0).properties;
    expect(isLsoaProperties(ok)).toBe(true);
    expect(isLsoaProperties(null)).toBe(false);
    expect(isLsoaProperties({ ...ok, ward: undefined })).toBe(false);
    expect(isLsoaProperties({ ...ok, cx: '1.5' })).toBe(false);
    expect(isLsoaProperties({ ...ok, y25_imd_d: null })).toBe(false);
  });

  it('ward: needs code and name; committee is text and label point numbers', () => {
    const ok = { code: 'WTEST1', name: 'Synthetic Ward', committee: 'Synthetic', lx: 1, ly: 2, y25_n: 4 };
    expect(isWardProperties(ok)).toBe(true);
    expect(isWardProperties({ ...ok, committee: 3 })).toBe(false);
    expect(isWardProperties({ ...ok, lx: '1' })).toBe(false);
    expect(isWardProperties({ name: 'No code' })).toBe(false);
  });
});
