import { describe, expect, it } from 'vitest';
import { contextLabels, contextToggleLabel, declutter, MIN_ZOOM } from '../../../src/domain/context-labels';
import { placeBox, placeSearchEntries } from '../../../src/domain/place-search';
import { searchEntries } from '../../../src/domain/search';
import type { ContextPlace } from '../../../src/data/contract';

const places: ContextPlace[] = [
  { name: 'Testhamlet', kind: 'village', lon: -1.4, lat: 53.9, pop: 600 },
  { name: 'Testford North', kind: 'neighbourhood', lon: -1.5, lat: 53.8, code: 'E02999991' },
  { name: 'Big Testby', kind: 'town', lon: -1.6, lat: 53.85, pop: 20000 },
  { name: 'Small Testby', kind: 'town', lon: -1.65, lat: 53.85, pop: 6000 },
];

describe('context labels', () => {
  it('orders places by kind and population, road numbers last, each with its minimum zoom', () => {
    const labels = contextLabels(places, [{ ref: 'M9', c: 'motorway', lon: -1.5, lat: 53.8 }]);
    expect(labels.map((l) => l.text)).toEqual(['Big Testby', 'Small Testby', 'Testhamlet', 'Testford North', 'M9']);
    expect(labels.find((l) => l.kind === 'neighbourhood')?.minZoom).toBe(MIN_ZOOM.neighbourhood);
    expect(MIN_ZOOM.village).toBeLessThan(MIN_ZOOM.neighbourhood);
  });

  it('declutters: obstacles win, then earlier labels; labels outside the view are not shown', () => {
    const rect = (left: number, top: number, w = 40, h = 10) => ({ left, top, right: left + w, bottom: top + h });
    const shown = declutter(
      [
        { id: 'a', rect: rect(10, 10) },
        { id: 'b', rect: rect(30, 12) }, // overlaps a
        { id: 'c', rect: rect(100, 100) }, // overlaps the ward label
        { id: 'd', rect: rect(200, 200) },
        { id: 'e', rect: rect(390, 10) }, // runs off the right edge
      ],
      [rect(95, 95)],
      { left: 0, top: 0, right: 400, bottom: 300 },
    );
    expect([...shown]).toEqual(['a', 'd']);
  });
});

describe('place search', () => {
  it('finds neighbourhood, town and village names and gives where they are', () => {
    const entries = placeSearchEntries(places);
    const hit = searchEntries(entries, 'testford nor')[0];
    expect(hit).toMatchObject({ kind: 'place', label: 'Testford North', at: [-1.5, 53.8] });
    expect(searchEntries(entries, 'testhamlet')[0]?.detail).toBe('Village');
    // A ward starting with the name stays above the same-named place; places beat LSOAs that match as well.
    const ward = {
      kind: 'ward' as const,
      id: 'E05999991',
      label: 'Testford North & Bridge',
      keywords: '',
      detail: 'Ward',
    };
    const lsoa = { kind: 'lsoa' as const, id: 'E01999991', label: 'Testford North 001A', keywords: '', detail: 'LSOA' };
    expect(searchEntries([lsoa, ...entries, ward], 'Testford North').map((x) => x.kind)).toEqual([
      'ward',
      'place',
      'lsoa',
    ]);
    const [w, s, e, n] = placeBox([-1.5, 53.8]);
    expect(w < -1.5 && e > -1.5 && s < 53.8 && n > 53.8).toBe(true);
  });
});

describe('the orientation toggle label', () => {
  it('names roads only where the council has them, place names everywhere', () => {
    expect(contextToggleLabel(['neighbourhoods', 'parks', 'places', 'rail', 'roads', 'water', 'waterways'])).toBe(
      'Roads, rail, rivers, parks and place names',
    );
    expect(contextToggleLabel(['neighbourhoods', 'places'])).toBe('Place names (towns, villages, neighbourhoods)');
  });
});
