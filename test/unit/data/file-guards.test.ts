import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDetails2021, loadFirstView, loadPostcodeDistrict } from '../../../src/data/load';
import { checkedFile, type FileGuard } from '../../../src/data/check';
import {
  contextGuard,
  detailsGuard,
  interventionsGuard,
  metadataGuard,
  postcodeDistrictGuard,
  standingGuard,
  topologyGuard,
} from '../../../src/data/file-guards';

// Synthetic files: the smallest objects of each generated file's shape (codes and names invented, E0x999…).
const topology = {
  type: 'Topology',
  objects: { lsoa21: { type: 'GeometryCollection', geometries: [] } },
  arcs: [
    [
      [0, 0],
      [1, 1],
    ],
  ],
};
const metadata = {
  schemaVersion: 1,
  area: { code: 'E08999999', name: 'Synthetic' },
  people: { available: false, sourceFile: null, reason: 'synthetic' },
  releases: [{ id: '2025', title: 'T', lsoaVintage: '2021', nationalCount: 1000, indicators: ['imd'], scored: [] }],
  sources: [{ id: 's', title: 'S' }],
  attribution: ['A'],
  counts: { lsoa21: 2, lsoa11: 2, wards: 1, postcodes: 0, postcodesWithoutLsoa: 0 },
  derivations: { flags: 'text' },
  bbox: [-1.5, 53.7, -1.4, 53.8],
  postcodeDistricts: [],
};
const details = { codes: ['E01999901', 'E01999902'], columns: { y25_imd_s: [12.5, null] }, localRanks: ['y25_inc'] };
const postcodes = {
  district: 'ZZ1',
  lsoaCodes: ['E01999901'],
  lsoaCouncils: [-1],
  councils: [],
  postcodes: { '1AA': [-1.5, 53.8, 0] },
  noCoordinates: [],
};
const interventions = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-1.5, 53.8] },
      properties: {
        id: 'x-1',
        type: 'hub',
        name: 'Synthetic hub',
        precision: 'postcode',
        precisionNote: 'postcode centroid',
        description: 'd',
        outcomes: '[]',
        source: 'synthetic',
        origin: 'report',
      },
    },
  ],
  unplaced: [{ id: 'x-2', name: 'N', origin: 'report', reason: 'no postcode' }],
  cityWide: [],
  merged: [{ id: 'x-3', into: 'x-1' }],
};
const context = {
  topology,
  places: [{ name: 'Synthton', kind: 'town', lon: -1.5, lat: 53.8, pop: 100 }],
  roadLabels: [{ ref: 'A1', c: 'trunk', lon: -1.5, lat: 53.8 }],
};
const standing = {
  available: true,
  area: { code: 'E08999999', name: 'Synthetic' },
  districts: 10,
  source: { title: 'T', file: 'f.csv', publisher: 'P', downloadPage: 'https://example.invalid/' },
  indicators: [{ indicator: 'imd', measures: { averageScore: { value: 20, rank: 3 } } }],
};

const DELETE = Symbol('delete');
/** A deep copy with the value at `path` replaced (or deleted), so a bad case differs from a good file in one field. */
function changed(good: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown {
  const copy: unknown = structuredClone(good);
  let at: unknown = copy;
  for (const key of path.slice(0, -1)) at = (at as Record<string | number, unknown>)[key];
  const last = path.at(-1);
  const target = at as Record<string | number, unknown>;
  if (last === undefined) throw new Error('empty path');
  if (value === DELETE) delete target[last];
  else target[last] = value;
  return copy;
}

const cases: Array<{ file: string; guard: FileGuard<unknown>; good: unknown; bad: unknown; field: string }> = [
  {
    file: 'metadata.json',
    guard: metadataGuard,
    good: metadata,
    bad: changed(metadata, ['releases', 0, 'nationalCount'], '1000'),
    field: 'releases[0].nationalCount: not a number',
  },
  {
    file: 'areas-2021.topojson',
    guard: topologyGuard,
    good: topology,
    bad: changed(topology, ['type'], 'FeatureCollection'),
    field: 'type: not "Topology"',
  },
  {
    file: 'areas-2021-details.json',
    guard: detailsGuard,
    good: details,
    bad: changed(details, ['columns', 'y25_imd_s'], [1]),
    field: 'columns["y25_imd_s"]: not 2 values, one per code',
  },
  {
    file: 'postcodes/ZZ1.json',
    guard: postcodeDistrictGuard,
    good: postcodes,
    bad: changed(postcodes, ['postcodes', '1AA'], [-1.5, 53.8]),
    field: 'postcodes["1AA"]: not 3 items',
  },
  {
    file: 'interventions.json',
    guard: interventionsGuard,
    good: interventions,
    bad: changed(interventions, ['features', 0, 'properties', 'precision'], 'rough'),
    field: 'features[0].properties.precision: not "exact" or "postcode" or "area"',
  },
  {
    file: 'context.json',
    guard: contextGuard,
    good: context,
    bad: changed(context, ['places', 0, 'lat'], DELETE),
    field: 'places[0].lat: not a number',
  },
  {
    file: 'standing.json',
    guard: standingGuard,
    good: standing,
    bad: changed(standing, ['indicators', 0, 'measures', 'averageScore', 'rank'], null),
    field: 'indicators[0].measures["averageScore"].rank: not a number',
  },
];

describe('generated-file guards (issue 20.6)', () => {
  for (const c of cases) {
    it(`${c.file}: passes a good file, names the file and first bad field of a bad one`, () => {
      expect(checkedFile(c.file, c.good, c.guard)).toBe(c.good);
      expect(() => checkedFile(c.file, c.bad, c.guard)).toThrow(
        `${c.file} is not what this version of the atlas expects (${c.field}); run "npm run build:data"`,
      );
    });
  }

  it('the optional files: context.json may be null, standing.json may say why it is unavailable', () => {
    expect(contextGuard.is(null)).toBe(true);
    expect(standingGuard.is({ available: false, reason: 'no File 10' })).toBe(true);
    expect(standingGuard.problem({ available: false })).toBe('reason: not a string');
  });

  it('a file that is not an object at all, or missing a whole part', () => {
    expect(() => checkedFile('metadata.json', '<!doctype html>', metadataGuard)).toThrow(
      'metadata.json is not what this version of the atlas expects (not an object)',
    );
    expect(metadataGuard.problem(changed(metadata, ['area'], DELETE))).toBe('area: not an object');
    expect(detailsGuard.problem(changed(details, ['columns', 'y25_imd_s', 1], 'x'))).toBe(
      'columns["y25_imd_s"][1]: not a number',
    );
  });
});

describe('the loaders check what they fetch (src/data/load.ts)', () => {
  const serve = (body: unknown) =>
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status: 200 }));
  afterEach(() => vi.unstubAllGlobals());

  it('a postcode file of the wrong shape fails naming that file and field', async () => {
    serve({ ...postcodes, lsoaCodes: 'E01999901' });
    await expect(loadPostcodeDistrict('ZZ9')).rejects.toThrow(
      'postcodes/ZZ9.json is not what this version of the atlas expects (lsoaCodes: not a list)',
    );
  });

  it('metadata.json of the wrong shape stops the first view with its name', async () => {
    serve({ ...metadata, schemaVersion: 2 });
    await expect(loadFirstView()).rejects.toThrow(
      'metadata.json is not what this version of the atlas expects (schemaVersion: not 1)',
    );
  });

  it('a good details file loads and merges', async () => {
    serve(details);
    const lsoa21 = { type: 'FeatureCollection' as const, features: [] };
    await expect(loadDetails2021(lsoa21)).resolves.toEqual(lsoa21);
  });
});
