import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import type { LsoaCollection, LsoaFeature, WardCollection, WardFeature } from '../../../src/data/load';
import { buildAreaIndex } from '../../../src/domain/area-index';
import {
  areaSelectedMessage,
  initialFit,
  lsoaProfileRelease,
  selectedLsoa,
  selectedWard,
  venueBBox,
  vintageNote,
  wardLsoaFeatures,
  wardRelease,
} from '../../../src/domain/selection';

// Synthetic areas: unit squares with made-up codes (E01999xxx / E05999xxx are not real areas).
const square = (x: number, y: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});
const lsoa = (code: string, ward: string, x: number): LsoaFeature => ({
  type: 'Feature',
  geometry: square(x, 0),
  properties: { code, name: `Synthetic ${code}`, ward, chg: 'U' },
});
const ward = (code: string): WardFeature => ({
  type: 'Feature',
  geometry: square(0, 0),
  properties: { code, name: `Ward ${code}` } as WardFeature['properties'],
});
const fc = <F>(features: F[]) => ({ type: 'FeatureCollection' as const, features });

const lsoa21: LsoaCollection = fc([
  lsoa('E01999001', 'E05999001', 0),
  lsoa('E01999002', 'E05999001', 2),
  lsoa('E01999003', 'E05999002', 4),
]);
// E01999001 exists in both vintages (unchanged); E01999009 only in 2011.
const lsoa11: LsoaCollection = fc([lsoa('E01999001', 'E05999001', 0), lsoa('E01999009', 'E05999001', 6)]);
const wards: WardCollection = fc([ward('E05999001'), ward('E05999002')]);
const before11 = buildAreaIndex({ lsoa21, wards });
const index = buildAreaIndex({ lsoa21, wards, lsoa11 });

describe('selection rules', () => {
  it('shows the LSOA of the release’s vintage, else the other one', () => {
    const sel = { kind: 'lsoa' as const, code: 'E01999001' };
    expect(selectedLsoa(sel, index, '2025')).toBe(index.lsoa21.get('E01999001'));
    expect(selectedLsoa(sel, index, '2019')).toBe(index.lsoa11.get('E01999001'));
    expect(selectedLsoa({ kind: 'lsoa', code: 'E01999009' }, index, '2025')).toBe(index.lsoa11.get('E01999009'));
    expect(selectedLsoa({ kind: 'lsoa', code: 'E01000000' }, index, '2025')).toBeNull();
    expect(selectedLsoa({ kind: 'ward', code: 'E05999001' }, index, '2025')).toBeNull();
    expect(selectedWard({ kind: 'ward', code: 'E05999001' }, index)?.properties.code).toBe('E05999001');
  });

  it('a profile shows a 2011-based release only for a 2011 area; the rest show IoD 2025', () => {
    expect(lsoaProfileRelease(index.lsoa11.get('E01999001')!, index, '2019')).toBe('2019');
    expect(lsoaProfileRelease(index.lsoa21.get('E01999002')!, index, '2019')).toBe('2025');
    expect(lsoaProfileRelease(null, index, '2015')).toBe('2025');
  });

  it('a ward shows a 2011-based release once the 2011 areas have loaded, with the LSOAs of that vintage', () => {
    expect(wardRelease(before11, '2019')).toBe('2025');
    expect(wardRelease(index, '2019')).toBe('2019');
    expect(wardLsoaFeatures(index, 'E05999001', '2025').map((f) => f.properties.code)).toEqual([
      'E01999001',
      'E01999002',
    ]);
    expect(wardLsoaFeatures(index, 'E05999001', '2019').map((f) => f.properties.code)).toEqual([
      'E01999001',
      'E01999009',
    ]);
    // Features (not bare properties): the CSV builder reads f.properties.
    expect(wardLsoaFeatures(index, 'E05999001', '2025')[0]).toHaveProperty('properties.code');
  });

  it('explains a vintage mismatch, and says nothing when there is none', () => {
    expect(vintageNote(index.lsoa21.get('E01999002')!, index, '2019')).toMatch(/no IoD 2019 figures of its own/);
    expect(vintageNote(index.lsoa11.get('E01999009')!, index, '2025')).toMatch(/replaced in 2021/);
    expect(vintageNote(index.lsoa21.get('E01999002')!, index, '2025')).toBeNull();
  });

  it('fits a shared link’s selection unless the link set the camera; venues wait for their data', () => {
    expect(initialFit({ kind: 'lsoa', code: 'E01999002' }, false, index)).toEqual([2, 0, 3, 1]);
    expect(initialFit({ kind: 'lsoa', code: 'E01999002' }, true, index)).toBeNull();
    expect(initialFit({ kind: 'venue', id: 'x' }, false, index)).toBeNull();
    venueBBox([-1.5, 53.8]).forEach((v, i) => void expect(v).toBeCloseTo([-1.504, 53.7975, -1.496, 53.8025][i]!, 9));
  });

  it('announces what was selected', () => {
    expect(areaSelectedMessage('ward', 'Gipton')).toBe(
      'Selected ward Gipton. Its profile is shown in the details panel.',
    );
    expect(areaSelectedMessage('lsoa', 'Leeds 001A')).toBe(
      'Selected LSOA Leeds 001A. Its profile is shown in the details panel.',
    );
  });
});
