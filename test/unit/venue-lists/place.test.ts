import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { valueKey, type PostcodeDistrict } from '../../../src/data/contract';
import { guessMapping, mappingForHeaders, mappingByHeader } from '../../../src/domain/venue-lists/columns';
import { areaLocator, type AreaFeature } from '../../../src/domain/venue-lists/inside';
import { createPlacer } from '../../../src/domain/venue-lists/placer';
import { listReach } from '../../../src/domain/outreach/reach';
import { gapListCsv } from '../../../src/domain/venue-lists/export';
import { categorySymbols } from '../../../src/domain/venue-lists/styles';

// A synthetic council: one square LSOA "E01TEST01" from -1.6..-1.5 W, 53.7..53.8 N.
const square: AreaFeature = {
  type: 'Feature',
  properties: { code: 'E01TEST01' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-1.6, 53.7],
        [-1.5, 53.7],
        [-1.5, 53.8],
        [-1.6, 53.8],
        [-1.6, 53.7],
      ],
    ],
  },
};
const district: PostcodeDistrict = {
  district: 'ZZ1',
  lsoaCodes: ['E01TEST01', 'E01OTHER1'],
  postcodes: { '1AA': [-1.55, 53.75, 0], '9ZZ': [-2.5, 53.0, 1], '8YY': [-3.5, 53.0, -1] },
  lsoaCouncils: [-1, 0],
  councils: [{ code: 'E09TEST', name: 'Synthetic Other Council' }],
  noCoordinates: [],
};
const headers = ['Venue name', 'Type', 'Post code', 'Lat', 'Long', 'Easting', 'Northing', 'Notes'];

function place(rows: string[][]) {
  const mapping = guessMapping(headers);
  const placer = createPlacer({
    listId: 'list0001',
    headers,
    mapping,
    postcodeFiles: new Map([['ZZ1', district]]),
    postcodeIndex: { districts: ['ZZ1'] },
    areas: areaLocator([square]),
  });
  rows.forEach((cells, i) => void placer.add({ row: i + 2, cells }));
  return placer.result();
}

describe('guessMapping', () => {
  it('guesses the canonical keys from common headers, each header once', () => {
    expect(guessMapping(headers)).toEqual({
      name: 0,
      category: 1,
      postcode: 2,
      latitude: 3,
      longitude: 4,
      easting: 5,
      northing: 6,
      address: null,
      opening_times: null,
      start_date: null,
      end_date: null,
      link: null,
      notes: 7,
    });
  });
  it('maps by header name for a re-import, and names the missing columns', () => {
    const byHeader = mappingByHeader(guessMapping(headers), headers);
    expect(mappingForHeaders(byHeader, [...headers].reverse())).toMatchObject({ mapping: { name: 7, notes: 0 } });
    expect(mappingForHeaders(byHeader, ['Venue name'])).toMatchObject({
      missing: expect.arrayContaining(['Type', 'Post code']),
    });
  });
});

describe('placing rows', () => {
  it('gives every row an outcome named by row and column, and places the rest', () => {
    const r = place([
      ['Synthetic Hall', 'Hub', 'ZZ1 1AA', '', '', '', '', ''], // 2: postcode centroid
      ['Synthetic Library', 'Library', '', '53.76', '-1.54', '', '', ''], // 3: coordinates
      ['Synthetic Grid', 'Hub', '', '', '', '430000', '433000', ''], // 4: grid (outside the square: -1.545, 53.79… inside)
      ['', 'Hub', 'ZZ1 1AA', '', '', '', '', ''], // 5: missing name
      ['Nowhere', 'Hub', 'ZZ1 4XY', '', '', '', '', ''], // 6: postcode not found
      ['Far away', 'Hub', 'ZZ1 9ZZ', '', '', '', '', ''], // 7: known postcode outside the council
      ['Paris', 'Hub', '', '48.85', '2.35', '', '', ''], // 8: outside England
      ['Synthetic Hall', 'Hub', 'ZZ1 1AA', '', '', '', '', ''], // 9: duplicate of row 2
      ['Bad lat', 'Hub', '', 'north', '-1.5', '', '', ''], // 10: unreadable latitude
      ['Other district', 'Hub', 'QQ9 1AA', '', '', '', '', ''], // 11: district not covered
    ]);
    expect(r.outcomes.map((o) => [o.row, o.status])).toEqual([
      [2, 'placed-postcode'],
      [3, 'placed'],
      [4, 'placed'],
      [5, 'missing-name'],
      [6, 'postcode-not-found'],
      [7, 'outside-council'],
      [8, 'outside-england'],
      [9, 'duplicate'],
      [10, 'no-location'],
      [11, 'postcode-not-found'],
    ]);
    expect(r.outcomes.find((o) => o.row === 5)?.message).toBe('row 5, column Venue name: the name is empty.');
    expect(r.outcomes.find((o) => o.row === 6)?.message).toBe(
      'row 6, column Post code: ZZ1 4XY is not in this council’s postcode files.',
    );
    expect(r.outcomes.find((o) => o.row === 9)?.message).toBe('row 9: the same venue as row 2.');
    expect(r.outcomes.find((o) => o.row === 10)?.message).toBe(
      'row 10, column Lat: “north” is not a latitude in degrees.',
    );
    expect(r.outcomes.find((o) => o.row === 11)?.message).toContain(
      'district QQ9, which this council’s postcode files do not cover',
    );
    expect(r.venues.map((v) => [v.id, v.placedBy, v.lsoaCode])).toEqual([
      ['list0001:2', 'postcode', 'E01TEST01'],
      ['list0001:3', 'coordinates', 'E01TEST01'],
      ['list0001:4', 'grid', 'E01TEST01'],
    ]);
    expect(r.venues[0]?.lonLat).toEqual([-1.55, 53.75]);
    expect(r.counts.placed).toBe(2);
    expect(r.venues[1]?.fields).toEqual([
      ['Venue name', 'Synthetic Library'],
      ['Type', 'Library'],
      ['Lat', '53.76'],
      ['Long', '-1.54'],
    ]);
  });
});

describe('reach and gaps', () => {
  const lsoa = (code: string, cx: number, cy: number, pop: number, decile: number) => ({
    properties: {
      code,
      name: code,
      ward: 'W1',
      cx,
      cy,
      pop22: pop,
      chi22: pop / 10,
      old22: pop / 5,
      wa22: pop / 2,
      [valueKey('2025', 'imd', 'd')]: decile,
    },
  });
  it('counts an LSOA once however many venues reach it, and ranks the deprived gaps by people', () => {
    const lsoas = [
      lsoa('A', -1.55, 53.75, 1000, 1),
      lsoa('B', -1.5, 53.75, 2000, 2),
      lsoa('C', -1.45, 53.75, 3000, 1),
      lsoa('D', -1.4, 53.75, 500, 5),
    ];
    const venues = [
      { id: 'v1', name: '=evil', category: 'x', lonLat: [-1.5501, 53.7501] as [number, number] },
      { id: 'v2', name: '=evil', category: 'x', lonLat: [-1.5502, 53.7499] as [number, number] },
    ];
    const r = listReach(venues, lsoas, 800, 2, '2025');
    expect(r.reached).toMatchObject({ lsoas: 1, population: 1000, children: 100, olderPeople: 200 });
    expect(r.perVenue.map((v) => v.people.population)).toEqual([1000, 1000]);
    expect(r.gaps.map((g) => g.code)).toEqual(['C', 'B']);
    const csv = gapListCsv(
      r,
      { area: 'Synthetic', listName: '=evil', sourceFile: 'x.csv', release: '2025', attribution: [] },
      (c) => c,
    );
    // The venue name is a cell of its own in each gap row: formula-guarded.
    expect(csv).toContain(",'=evil,");
    expect(csv).not.toMatch(/,=evil/);
    expect(csv.split('\r\n').filter((l) => /^[BC],/.test(l))).toHaveLength(2);
  });
});

describe('reach over many venues (grid buckets)', () => {
  it('finds the same LSOAs and nearest venues as a brute-force search', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const lsoas = Array.from({ length: 300 }, (_, i) => ({
      properties: {
        code: `L${i}`,
        name: `L${i}`,
        ward: 'W',
        cx: -1.8 + rnd() * 0.5,
        cy: 53.7 + rnd() * 0.25,
        pop22: 1000 + i,
        chi22: 1,
        old22: 1,
        wa22: 1,
        [valueKey('2025', 'imd', 'd')]: 1 + (i % 10),
      },
    }));
    const venues = Array.from({ length: 400 }, (_, i) => ({
      id: `v${i}`,
      name: `V${i}`,
      category: 'x',
      lonLat: [-1.8 + rnd() * 0.5, 53.7 + rnd() * 0.25] as [number, number],
    }));
    const r = listReach(venues, lsoas, 800, 3, '2025');
    const d = (a: [number, number], b: [number, number]) => distance(a, b, { units: 'kilometers' }) * 1000;
    const reached = lsoas.filter((l) => venues.some((v) => d(v.lonLat, [l.properties.cx, l.properties.cy]) <= 800));
    expect(r.reached.lsoas).toBe(reached.length);
    expect(r.reached.population).toBe(reached.reduce((t, l) => t + l.properties.pop22, 0));
    for (const g of r.gaps) {
      const l = lsoas.find((x) => x.properties.code === g.code)!;
      const best = Math.min(...venues.map((v) => d(v.lonLat, [l.properties.cx, l.properties.cy])));
      expect(g.nearest!.distanceM).toBeCloseTo(best, 6);
    }
  });
});

describe('categorySymbols', () => {
  it('gives the most frequent categories their own shape and colour, the rest a shared ring', () => {
    const s = categorySymbols([...'aaabbc', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
    expect(s[0]).toMatchObject({ label: 'a', slot: 0, shape: 'circle' });
    expect(new Set(s.filter((x) => x.slot >= 0).map((x) => x.shape)).size).toBe(8);
    expect(s.filter((x) => x.slot < 0).map((x) => x.shape)).toEqual(['ring', 'ring']);
  });
});
