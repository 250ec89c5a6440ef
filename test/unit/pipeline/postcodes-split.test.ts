import { describe, expect, it } from 'vitest';
import { splitByDistrict } from '../../../scripts/pipeline/postcodes';
import { inwardCode, postcodeDistrict } from '../../../src/data/postcode';

describe('postcodes split by district', () => {
  it('names the district and the inward code of a postcode key', () => {
    expect(postcodeDistrict('LS7 3EX')).toBe('LS7');
    expect(inwardCode('LS7 3EX')).toBe('3EX');
    expect(postcodeDistrict('LS10 1AA')).toBe('LS10');
    expect(inwardCode('LS10 1AA')).toBe('1AA');
  });

  it('writes one file per district keyed by inward code, each with only the LSOAs it points at', () => {
    const lsoaCodes = ['E01000001', 'E01000002', 'E01000003'];
    const postcodes = new Map<string, [number, number, number]>([
      ['LS7 3EX', [-1.53, 53.82, 2]],
      ['LS7 1AB', [-1.54, 53.81, 0]],
      ['LS10 1AA', [-1.52, 53.77, 2]],
      ['LS1 2ZZ', [-1.55, 53.8, -1]],
    ]);
    const files = splitByDistrict(postcodes, lsoaCodes);
    // Sorted by district, then by postcode inside (as text: LS1 < LS10 < LS7).
    expect(files.map((f) => f.district)).toEqual(['LS1', 'LS10', 'LS7']);
    expect(files[0]).toEqual({ district: 'LS1', lsoaCodes: [], postcodes: { '2ZZ': [-1.55, 53.8, -1] } });
    expect(files[1]).toEqual({ district: 'LS10', lsoaCodes: ['E01000003'], postcodes: { '1AA': [-1.52, 53.77, 0] } });
    const ls7 = files[2]!;
    expect(ls7.lsoaCodes).toEqual(['E01000001', 'E01000003']);
    expect(Object.keys(ls7.postcodes)).toEqual(['1AB', '3EX']);
    // Each entry still leads to the LSOA it led to before the split.
    for (const [key, [, , i]] of postcodes) {
      const file = files.find((f) => f.district === postcodeDistrict(key))!;
      const entry = file.postcodes[inwardCode(key)]!;
      expect(entry[2] >= 0 ? file.lsoaCodes[entry[2]] : null, key).toBe(i >= 0 ? lsoaCodes[i] : null);
    }
  });

  it('an area without postcodes gives no files', () => {
    expect(splitByDistrict(new Map(), ['E01000001'])).toEqual([]);
  });
});
