import { describe, expect, it } from 'vitest';
import { districtFile } from '../../../scripts/pipeline/postcodes';
import { boundaryDistance } from '../../../scripts/pipeline/postcode-placement';
import { inwardCode, postcodeDistrict } from '../../../src/data/postcode';
import type { AreaFeature } from '../../../scripts/pipeline/boundaries';

describe('postcode files', () => {
  it('names the district and the inward code of a postcode key', () => {
    expect(postcodeDistrict('LS7 3EX')).toBe('LS7');
    expect(inwardCode('LS7 3EX')).toBe('3EX');
    expect(postcodeDistrict('LS10 1AA')).toBe('LS10');
    expect(inwardCode('LS10 1AA')).toBe('1AA');
  });

  it('keys entries by inward code, lists each LSOA once and says which council the others are in', () => {
    const own = new Set(['E01000001']);
    const councilOf = (c: string) => (c === 'E01000002' ? { code: 'E08000099', name: 'Synthetic Other' } : undefined);
    const f = districtFile(
      'LS7',
      undefined,
      [
        { key: 'LS7 3EX', lon: -1.53, lat: 53.82, lsoa: 'E01000002' },
        { key: 'LS7 1AB', lon: -1.54, lat: 53.81, lsoa: 'E01000001' },
        { key: 'LS7 2ZZ', lon: -1.55, lat: 53.8, lsoa: null },
      ],
      ['9ZY'],
      own,
      councilOf,
    );
    expect(f).toEqual({
      district: 'LS7',
      lsoaCodes: ['E01000001', 'E01000002'],
      lsoaCouncils: [-1, 0],
      councils: [{ code: 'E08000099', name: 'Synthetic Other' }],
      postcodes: { '1AB': [-1.54, 53.81, 0], '2ZZ': [-1.55, 53.8, -1], '3EX': [-1.53, 53.82, 1] },
      noCoordinates: ['9ZY'],
    });
    expect(districtFile('SE1', '7', [], [], own, councilOf).sector).toBe('7');
  });

  it('measures the distance to the nearest boundary up to the limit, and Infinity beyond', () => {
    // A synthetic 0.1° square at the equator (1 km ≈ 0.009°).
    const square: AreaFeature = {
      code: 'E01000001',
      name: 'x',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [0.1, 0],
            [0.1, 0.1],
            [0, 0.1],
            [0, 0],
          ],
        ],
      },
    };
    const d = boundaryDistance([square], 2);
    expect(d(0.1 + 1 / 111.32, 0.05)).toBeCloseTo(1, 2);
    expect(d(0.05, 0.1 + 1.5 / 110.574)).toBeCloseTo(1.5, 2);
    expect(d(0.1 + 3 / 111.32, 0.05)).toBe(Infinity);
  });
});
