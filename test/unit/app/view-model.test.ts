import { describe, expect, it } from 'vitest';
import type { LsoaCollection, WardCollection } from '../../../src/data/load';
import { withDetails } from '../../../src/data/load';
import type { InterventionProperties } from '../../../src/data/content-contract';
import { useInterventionTypes } from '../../../src/data/council';
import { neighbourhoodAreaSet } from '../../../src/domain/area-set';
import {
  areaSetOutlines,
  effectiveRelease,
  noDataLabel,
  pngFileName,
  venueTooltip,
  wardLabels,
} from '../../../src/domain/view-model';
import { DEFAULT_STATE } from '../../../src/state/url-state';

const poly = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};
// Synthetic codes (E01999xxx / E05999xxx are not real areas).
const lsoa21: LsoaCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: poly,
      properties: { code: 'E01999001', name: 'Synthetic A', ward: 'E05999001', chg: 'U' },
    },
    {
      type: 'Feature',
      geometry: poly,
      properties: { code: 'E01999002', name: 'Synthetic B', ward: 'E05999001', chg: 'S' },
    },
  ],
};

describe('view model', () => {
  it('the change view uses IoD 2025 whatever release is chosen', () => {
    expect(effectiveRelease({ view: 'change', release: '2015' })).toBe('2025');
    expect(effectiveRelease({ view: 'deprivation', release: '2019' })).toBe('2019');
  });

  it('names areas without a value by what the view means', () => {
    expect(noDataLabel('change')).toBe('Boundary changed in 2021: not comparable');
    expect(noDataLabel('spi')).toBe('No SPI score');
    expect(noDataLabel('deprivation')).toBe('No data');
  });

  it('a venue tooltip names the first venue and counts the rest', () => {
    // The label is the council's own (its vocabulary), not a built-in one.
    useInterventionTypes([
      { id: 'library', label: 'Synthetic library label', colour: '#56B4E9', shape: 'square', hub: false },
    ]);
    const v = (id: string, precision: 'exact' | 'area'): InterventionProperties =>
      ({
        id,
        name: `Venue ${id}`,
        type: 'library',
        precision,
        precisionNote: 'At its postcode',
      }) as InterventionProperties;
    const t = venueTooltip([v('a', 'area'), v('b', 'exact'), v('c', 'exact')], { x: 5, y: 6 });
    expect(t?.title).toBe('Venue a');
    expect(t?.lines).toEqual([
      'Synthetic library label',
      'Location approximate (placed in its area)',
      'and 2 more here: click to see',
    ]);
    useInterventionTypes([]);
    expect(venueTooltip([], { x: 0, y: 0 })).toBeNull();
  });

  it('outlines the neighbourhoods’ LSOAs and labels wards at the pipeline’s label points', () => {
    const n = areaSetOutlines(lsoa21, [neighbourhoodAreaSet({ id: 'n1', name: 'N', lsoa21: [{ code: 'E01999002' }] })]);
    expect(n.features).toHaveLength(1);
    const wards = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: poly, properties: { code: 'E05999001', name: 'W', lx: 1, ly: 2 } },
        { type: 'Feature', geometry: poly, properties: { code: 'E05999002', name: 'X' } },
      ],
    } as WardCollection;
    expect(wardLabels(wards, new Set(['E05999001']))).toEqual([
      { code: 'E05999001', name: 'W', lon: 1, lat: 2, priority: true },
    ]);
  });

  it('names the PNG after the view', () => {
    expect(pngFileName(DEFAULT_STATE, 'Leeds')).toBe('leeds-map-deprivation-imd-iod2025.png');
    expect(pngFileName(DEFAULT_STATE, 'Kingston upon Hull, City of')).toBe(
      'kingston-upon-hull-city-of-map-deprivation-imd-iod2025.png',
    );
    expect(pngFileName({ ...DEFAULT_STATE, view: 'change' }, 'Leeds')).toBe('leeds-map-change-2025.png');
  });
});

describe('deferred loading', () => {
  it('merges the detail values into a new collection and leaves the first-view one as it was', () => {
    const before = JSON.stringify(lsoa21);
    const merged = withDetails(lsoa21, new Map([['E01999001', { y25_imd_s: 40.5, cx: -1.5 }]]));
    expect(JSON.stringify(lsoa21)).toBe(before);
    expect(merged).not.toBe(lsoa21);
    expect(merged.features[0]!.properties).toMatchObject({ code: 'E01999001', y25_imd_s: 40.5, cx: -1.5 });
    expect(merged.features[0]!.properties).not.toBe(lsoa21.features[0]!.properties);
    expect(merged.features[1]!.properties).toEqual(lsoa21.features[1]!.properties);
  });
});
