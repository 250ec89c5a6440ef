import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { GEO_FILES, RELEASES, TOPO_OBJECTS } from '../../../src/data/contract';
import {
  AREA_FILES,
  byGeography,
  GEOGRAPHIES,
  GEOGRAPHY_IDS,
  geographyIdsWhere,
  LOADER_PLAN,
  ON_DEMAND_GEOGRAPHY_IDS,
} from '../../../src/data/geographies';
import type { LsoaCollection, LsoaFeature, WardCollection, WardFeature } from '../../../src/data/load';
import { buildAreaIndex } from '../../../src/domain/area-index';
import { decileScheme } from '../../../src/domain/colour-schemes';
import type { MapColouring } from '../../../src/domain/measure';
import { colouredFeatures, geographyWanted } from '../../../src/domain/view-model';
import { VIEWS } from '../../../src/domain/views';
import { onDemandUnavailable } from '../../../src/state/deferred-store';
import { STEP_OUTPUTS } from '../../../scripts/pipeline/steps';

/**
 * What derives from the geography table (src/data/geographies.ts), read off the app's own table: the
 * generated files' names and objects, the per-level lists, the area index, the on-demand rule and the
 * features a colouring draws. (test/unit/map/registry.test.ts adds a synthetic level to a copy of it.)
 */

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};
// Synthetic areas with made-up codes (E01999xxx / E05999xxx are not real areas).
const lsoa = (code: string, ward: string): LsoaFeature => ({
  type: 'Feature',
  geometry: square,
  properties: { code, name: `Synthetic ${code}`, ward, chg: 'U' },
});
const ward = (code: string): WardFeature => ({
  type: 'Feature',
  geometry: square,
  properties: { code, name: `Synthetic ward ${code}` },
});
const lsoa21: LsoaCollection = {
  type: 'FeatureCollection',
  features: [lsoa('E01999002', 'E05999001'), lsoa('E01999001', 'E05999001')],
};
const lsoa11: LsoaCollection = { type: 'FeatureCollection', features: [lsoa('E01999009', 'E05999001')] };
const wards: WardCollection = { type: 'FeatureCollection', features: [ward('E05999001')] };

describe('the generated area files are named by the table', () => {
  it('every geography’s object is TOPO_OBJECTS’s (the pipeline writes by it) and its file a GEO_FILES area file', () => {
    expect(TOPO_OBJECTS).toEqual(Object.fromEntries(GEOGRAPHIES.map((g) => [g.id, g.topoObject])));
    for (const g of GEOGRAPHIES) expect(GEO_FILES[g.file]).toBe(AREA_FILES[g.file]);
    // No area file without a geography, and the pipeline's steps write each one.
    expect(new Set(GEOGRAPHIES.map((g) => g.file))).toEqual(new Set(Object.keys(AREA_FILES)));
    for (const file of Object.keys(AREA_FILES)) expect(STEP_OUTPUTS).toContain(file);
  });

  it('loads each area file once: the first-view file holds LSOA 2021 and wards, LSOA 2011 comes on demand', () => {
    expect(LOADER_PLAN).toEqual([
      {
        file: 'areas2021',
        when: 'first-view',
        geographies: [
          { id: 'lsoa21', topoObject: 'lsoa21' },
          { id: 'wards', topoObject: 'wards' },
        ],
      },
      { file: 'areas2011', when: 'on-demand', geographies: [{ id: 'lsoa11', topoObject: 'lsoa11' }] },
    ]);
  });
});

describe('per-level lists and records', () => {
  it('selects ids by kind and load, in table order', () => {
    expect(geographyIdsWhere({ kind: 'lsoa' })).toEqual(['lsoa21', 'lsoa11']);
    expect(geographyIdsWhere({ kind: 'ward' })).toEqual(['wards']);
    expect(geographyIdsWhere({ load: 'first-view' })).toEqual(['lsoa21', 'wards']);
    expect(geographyIdsWhere({ kind: 'lsoa', load: 'on-demand' })).toEqual(['lsoa11']);
    expect(geographyIdsWhere({ kind: 'ward', load: 'on-demand' })).toEqual([]);
    expect(ON_DEMAND_GEOGRAPHY_IDS).toEqual(['lsoa11']);
    expect(byGeography(GEOGRAPHY_IDS, (id) => id.length)).toEqual({ lsoa21: 6, lsoa11: 6, wards: 5 });
  });

  it('indexes every level by code, an on-demand level empty until loaded', () => {
    const before = buildAreaIndex({ lsoa21, wards });
    expect(Object.keys(before).sort()).toEqual([...GEOGRAPHY_IDS, 'lsoasByWard'].sort());
    expect(before.lsoa11.size).toBe(0);
    expect(before.lsoa21.get('E01999001')).toBe(lsoa21.features[1]);
    expect(before.wards.get('E05999001')).toBe(wards.features[0]);
    expect(before.lsoasByWard.lsoa21.get('E05999001')).toEqual(['E01999001', 'E01999002']);
    const after = buildAreaIndex({ lsoa21, wards, lsoa11 });
    expect(after.lsoa11.get('E01999009')).toBe(lsoa11.features[0]);
    expect(after.lsoasByWard.lsoa11.get('E05999001')).toEqual(['E01999009']);
  });

  it('colours the features of the colouring’s level (an on-demand level none until loaded)', () => {
    const on = (target: MapColouring['target']): MapColouring => ({
      target,
      measure: { kind: 'property', key: 'x' },
      scheme: decileScheme('Synthetic'),
      description: '',
    });
    expect(colouredFeatures(on('lsoa21'), { lsoa21, wards })).toBe(lsoa21.features);
    expect(colouredFeatures(on('wards'), { lsoa21, wards })).toBe(wards.features);
    expect(colouredFeatures(on('lsoa11'), { lsoa21, wards })).toEqual([]);
    expect(colouredFeatures(on('lsoa11'), { lsoa21, wards, lsoa11 })).toBe(lsoa11.features);
  });
});

describe('on-demand levels', () => {
  it('LSOA 2011 is wanted while a release on it is mapped by LSOAs or read by ward profiles', () => {
    const wanted = VIEWS.flatMap((view) =>
      RELEASES.filter((release) => geographyWanted({ view, release }, 'lsoa11')).map((r) => `${view} ${r}`),
    );
    expect(wanted).toEqual(['deprivation 2019', 'deprivation 2015', 'wards 2019', 'wards 2015']);
    expect(geographyWanted({ view: 'deprivation', release: '2025' }, 'lsoa21')).toBe(true);
  });

  it('names what is missing when one fails: its label and the releases on its vintage', () => {
    expect(onDemandUnavailable('lsoa11')).toBe('The LSOA 2011 areas of IoD 2019 and 2015 are');
    expect(onDemandUnavailable('wards')).toBe('The Ward areas are');
  });
});
