import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { FeatureCollection, Position } from 'geojson';
import type { ContextData, ContextRoadProperties } from '../../src/data/contract';
import { CONTEXT_SOURCES, REPO_ROOT } from '../../scripts/pipeline/config';
import { buildContext, type ContextResult } from '../../scripts/pipeline/context';
import { stableStringify } from '../../scripts/pipeline/write-outputs';

const dataDir = path.resolve(REPO_ROOT, process.env.ATLAS_DATA_DIR ?? path.join('..', 'shared', 'data'));
/** Leeds' LSOA + ward bounding box as the pipeline computes it (metadata.bbox). */
const LEEDS_BBOX: [number, number, number, number] = [-1.80029, 53.69893, -1.29063, 53.94587];

let result: ContextResult;
let data: ContextData;
let json: string;

beforeAll(async () => {
  result = await buildContext(dataDir, 'E08000035', LEEDS_BBOX);
  data = result.data!;
  json = stableStringify(data);
}, 60_000);

function objectFeatures(name: string): FeatureCollection {
  const obj = data.topology.objects[name];
  if (obj?.type !== 'GeometryCollection') throw new Error(`no object ${name}`);
  return feature(data.topology, obj);
}

function allPositions(fc: FeatureCollection): Position[] {
  const out: Position[] = [];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as Position);
    else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of fc.features) if (f.geometry.type !== 'GeometryCollection') visit(f.geometry.coordinates);
  return out;
}

describe('context layer on the real Leeds sources', () => {
  it('fits the 150 KB gzip budget', () => {
    const gz = gzipSync(Buffer.from(json, 'utf8'), { level: 9 }).byteLength;
    expect(gz).toBeLessThanOrEqual(150 * 1024);
    // And is not trivially small: roads, rail, rivers, water and parks are all there.
    expect(gz).toBeGreaterThan(40 * 1024);
    expect(Object.keys(data.topology.objects).sort()).toEqual(['parks', 'rail', 'roads', 'water', 'waterways']);
  });

  it('names every MSOA whose ONS population-weighted centroid lies in the buffered box, all 107 Leeds MSOAs among them', () => {
    const centroids = new Map(
      readFileSync(path.join(dataDir, 'context/msoa21_population_weighted_centroids_ew.csv'), 'utf8')
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((l) => {
          const [code, lon, lat] = l.split(',');
          return [code ?? '', [Number(lon), Number(lat)] as const];
        }),
    );
    const names = new Map(
      readFileSync(path.join(dataDir, 'context/msoa21_names_hocl_england_wales.csv'), 'utf8')
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => {
          // Two columns; a name with a comma is quoted ("Collingham, Rigton & Harewood").
          const m = /^([EW]02\d{6}),(?:"((?:[^"]|"")*)"|(.*))$/.exec(line);
          return [m?.[1] ?? '', (m?.[2] ?? m?.[3] ?? '').replace(/""/g, '"')];
        }),
    );
    // 1.5 km ≈ 0.01347° of latitude and 0.0228° of longitude at Leeds' latitude.
    const inBox = ([lon, lat]: readonly [number, number]): boolean =>
      lon >= LEEDS_BBOX[0] - 0.0228 &&
      lon <= LEEDS_BBOX[2] + 0.0228 &&
      lat >= LEEDS_BBOX[1] - 0.01347 &&
      lat <= LEEDS_BBOX[3] + 0.01347;
    const want = [...names].filter(([code]) => inBox(centroids.get(code) ?? [NaN, NaN]));
    const hoods = data.places.filter((p) => p.kind === 'neighbourhood');
    expect(hoods.map((h) => [h.code, h.name]).sort()).toEqual(want.sort());
    // At the centroid, rounded to 5 dp (about 1 m).
    for (const h of hoods)
      expect([h.lon, h.lat], h.code).toEqual((centroids.get(h.code ?? '') ?? []).map((v) => Math.round(v * 1e5) / 1e5));
    const leeds = readFileSync(path.join(dataDir, 'context/msoa21_names_hocl_leeds.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.slice(0, 9));
    expect(leeds).toHaveLength(107);
    for (const code of leeds)
      expect(
        hoods.some((h) => h.code === code),
        code,
      ).toBe(true);
    expect(hoods.map((h) => h.name)).toEqual(
      expect.arrayContaining(['Harehills North', 'Headingley', 'Beeston Hill & Hunslet Moor']),
    );
  });

  it('keeps the GeoNames towns and villages within the area box plus 1.5 km, and no others', () => {
    const rows = readFileSync(path.join(dataDir, CONTEXT_SOURCES.geonames), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split('\t'));
    // 1.5 km ≈ 0.01347° of latitude and 0.0228° of longitude at Leeds' latitude.
    const inside = rows.filter((r) => {
      const lat = Number(r[2]);
      const lon = Number(r[3]);
      return (
        lon >= LEEDS_BBOX[0] - 0.0228 &&
        lon <= LEEDS_BBOX[2] + 0.0228 &&
        lat >= LEEDS_BBOX[1] - 0.01347 &&
        lat <= LEEDS_BBOX[3] + 0.01347
      );
    });
    const places = data.places.filter((p) => p.kind !== 'neighbourhood');
    expect(places.map((p) => p.name).sort()).toEqual(inside.map((r) => r[1]).sort());
    expect(places.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Scarcroft', 'Otley', 'Wetherby', 'Garforth', 'Leeds']),
    );
    expect(places.find((p) => p.name === 'Leeds')?.kind).toBe('city');
  });

  it('keeps road classes and numbers, and every line inside the buffered box', () => {
    const roads = objectFeatures('roads');
    const refs = new Set(roads.features.map((f) => (f.properties as ContextRoadProperties).r));
    for (const ref of ['M1', 'M62', 'M621', 'A64', 'A61', 'A58']) expect(refs.has(ref), ref).toBe(true);
    expect(new Set(roads.features.map((f) => (f.properties as ContextRoadProperties).c))).toEqual(
      new Set(['motorway', 'trunk', 'primary', 'secondary']),
    );
    expect(data.roadLabels.some((l) => l.ref === 'M621' && l.c === 'motorway')).toBe(true);
    for (const name of ['roads', 'rail', 'waterways', 'water', 'parks']) {
      for (const [x, y] of allPositions(objectFeatures(name))) {
        expect(
          x! >= LEEDS_BBOX[0] - 0.03 &&
            x! <= LEEDS_BBOX[2] + 0.03 &&
            y! >= LEEDS_BBOX[1] - 0.02 &&
            y! <= LEEDS_BBOX[3] + 0.02,
          `${name} ${x},${y}`,
        ).toBe(true);
      }
    }
  });

  it('drops rail yards and sidings (service= in other_tags)', () => {
    const rail = JSON.parse(
      gunzipSync(readFileSync(path.join(dataDir, CONTEXT_SOURCES.rail))).toString('utf8'),
    ) as FeatureCollection;
    const service = rail.features.filter((f) => String(f.properties?.['other_tags'] ?? '').includes('"service"=>'));
    expect(service.length).toBeGreaterThan(0);
    // Counted over the whole extract; the counter covers every file feature it dropped.
    expect(result.counts['railSidingsDropped']).toBe(service.length);
  });

  it('credits every source it used', () => {
    expect(result.metadata.attribution).toEqual([
      '© OpenStreetMap contributors (ODbL); roads and rail as of June 2018',
      'House of Commons Library MSOA Names (Open Parliament Licence)',
      'MSOA population-weighted centroids: ONS (Open Government Licence v3.0)',
      'GeoNames (CC BY 4.0)',
    ]);
    expect(result.metadata.note).toBeNull();
    expect(result.sources.map((s) => s.licence)).toEqual(
      expect.arrayContaining([
        'Open Database License (ODbL) 1.0',
        'Open Parliament Licence v3.0',
        'Creative Commons Attribution 4.0 (CC BY 4.0)',
      ]),
    );
  });

  it('has MSOA names for another West Yorkshire council, and place names only outside West Yorkshire', async () => {
    const bradford = await buildContext(dataDir, 'E08000032', [-2.06, 53.72, -1.64, 53.96]);
    expect(bradford.data?.places.some((p) => p.kind === 'neighbourhood' && p.name === 'Central Bradford')).toBe(true);
    expect(bradford.metadata.note).toBeNull();
    expect(bradford.metadata.attribution).toContain('House of Commons Library MSOA Names (Open Parliament Licence)');
    const york = await buildContext(dataDir, 'E06000014', [-1.23, 53.88, -0.92, 54.06]);
    expect(york.metadata.parts).toEqual(['neighbourhoods', 'places']);
    expect(Object.keys(york.data?.topology.objects ?? {})).toEqual([]);
    expect(york.data?.roadLabels).toEqual([]);
    expect(york.data?.places.filter((p) => p.kind === 'neighbourhood').length).toBeGreaterThan(20);
    expect(york.data?.places.find((p) => p.name === 'York')?.kind).toBe('city');
    expect(york.metadata.note).toMatch(/West Yorkshire councils only/);
    expect(york.metadata.attribution).toEqual([
      'House of Commons Library MSOA Names (Open Parliament Licence)',
      'MSOA population-weighted centroids: ONS (Open Government Licence v3.0)',
      'GeoNames (CC BY 4.0)',
    ]);
  }, 60_000);
});
