import { describe, expect, it } from 'vitest';
import { normalisePostcode, searchEntries, type SearchEntry } from '../../../src/domain/search';
import { isFullPostcode, postcodeKey } from '../../../src/data/postcode';
import { sortRows } from '../../../src/domain/sort';

const entries: SearchEntry[] = [
  { kind: 'ward', id: 'E05999901', label: 'Synthetic Hill & Dale', keywords: '', detail: 'Ward' },
  { kind: 'ward', id: 'E05999902', label: 'Dale', keywords: '', detail: 'Ward' },
  { kind: 'lsoa', id: 'E01999901', label: 'Synthetic 001A', keywords: 'E01999901', detail: 'LSOA' },
];

describe('search', () => {
  it('normalises postcodes with or without the space', () => {
    expect(normalisePostcode('ls73ex')).toBe('LS7 3EX');
    expect(normalisePostcode(' LS10  1AA ')).toBe('LS10 1AA');
    expect(normalisePostcode('LS7')).toBeNull();
    expect(normalisePostcode('Armley')).toBeNull();
    // Search and the pipeline (postcode file keys, interventions) share one key function.
    for (const raw of ['ls73ex', ' LS10  1AA ', 'ls9 9zy', 'LS991ZZ'])
      expect(normalisePostcode(raw)).toBe(postcodeKey(raw));
    expect(postcodeKey('ls991zz')).toBe('LS99 1ZZ');
    expect(isFullPostcode(postcodeKey('LS7'))).toBe(false);
  });

  it('matches every word by prefix, "and" for "&", exact labels first', () => {
    expect(searchEntries(entries, 'dale').map((e) => e.id)).toEqual(['E05999902', 'E05999901']);
    expect(searchEntries(entries, 'hill and dale').map((e) => e.id)).toEqual(['E05999901']);
    expect(searchEntries(entries, 'e01999').map((e) => e.id)).toEqual(['E01999901']);
    expect(searchEntries(entries, 'nowhere')).toEqual([]);
    expect(searchEntries(entries, '   ')).toEqual([]);
  });
});

describe('sortRows', () => {
  const rows = [
    { name: 'b', rank: 2 },
    { name: 'a', rank: null },
    { name: 'c', rank: 1 },
  ];
  it('sorts both ways and keeps missing values last', () => {
    expect(sortRows(rows, 'rank', 'asc').map((r) => r.name)).toEqual(['c', 'b', 'a']);
    expect(sortRows(rows, 'rank', 'desc').map((r) => r.name)).toEqual(['b', 'c', 'a']);
    expect(sortRows(rows, 'name', 'desc').map((r) => r.name)).toEqual(['c', 'b', 'a']);
  });
});
