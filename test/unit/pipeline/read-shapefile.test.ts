import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBoundaries } from '../../../scripts/pipeline/boundaries';
import { DEFAULT_SOURCES } from '../../../scripts/pipeline/config';
import { areaSets, filterToArea } from '../../../scripts/pipeline/filter-area';
import { readLookups } from '../../../scripts/pipeline/lookups';
import { readShapefile } from '../../../scripts/pipeline/read-shapefile';
import { readGeojson } from '../../../scripts/pipeline/read-geojson';
import { dataDir } from './helpers/data-dir';
import { BNG_PRJ, encodeShapefile, square, writeShapefile } from './helpers/shapefile-writer';
import { tempDir } from './helpers/synthetic';

const twoSquares = [
  { rings: [square(430000, 433000, 1000)], attributes: { CODE: 'E01999901', NAME: 'Synthetic 001A' } },
  { rings: [square(431000, 433000, 1000)], attributes: { CODE: 'E01999902', NAME: 'Synthetic 001B' } },
];

describe('readShapefile (synthetic)', () => {
  it('reads loose files and a .zip identically, with BNG recognised', async () => {
    const dir = tempDir('shp');
    writeShapefile(dir, 'two', twoSquares, ['CODE', 'NAME']);
    const loose = await readShapefile(dir, 'two');
    expect(loose.crs).toBe('bng');
    expect(loose.features.map((f) => f.properties.CODE)).toEqual(['E01999901', 'E01999902']);
    expect(loose.features[0]?.geometry?.type).toBe('Polygon');
    const files = Object.fromEntries(
      ['shp', 'shx', 'dbf', 'prj'].map((e) => [`two.${e}`, new Uint8Array(readFileSync(path.join(dir, `two.${e}`)))]),
    );
    writeFileSync(path.join(dir, 'two.zip'), zipSync(files));
    const zipped = await readShapefile(path.join(dir, 'two.zip'), 'two.zip');
    expect(zipped.features).toEqual(loose.features);
  });

  it('reprojects to WGS84 and keeps the shared edge identical on both squares', async () => {
    const dir = tempDir('shp');
    writeShapefile(dir, 'two', twoSquares, ['CODE', 'NAME']);
    const layer = await readBoundaries(dir, { path: '.', codeField: 'code', nameField: 'name' });
    const [a, b] = layer.features;
    if (a?.geometry.type !== 'Polygon' || b?.geometry.type !== 'Polygon') throw new Error('expected polygons');
    const edgeA = a.geometry.coordinates[0]?.filter((p) =>
      b.geometry.coordinates[0]?.some((q) => q[0] === p[0] && q[1] === p[1]),
    );
    expect(edgeA?.length).toBeGreaterThanOrEqual(2);
    const [lon, lat] = a.geometry.coordinates[0]?.[0] ?? [];
    expect(lon).toBeGreaterThan(-1.6);
    expect(lon).toBeLessThan(-1.5);
    expect(lat).toBeGreaterThan(53.7);
    expect(lat).toBeLessThan(53.9);
  });

  it('fails clearly on a truncated .shp', async () => {
    const dir = tempDir('shp');
    const shp = writeShapefile(dir, 'two', twoSquares, ['CODE', 'NAME']);
    const bytes = readFileSync(shp);
    writeFileSync(shp, bytes.subarray(0, bytes.length - 30));
    await expect(readShapefile(dir, 'two')).rejects.toThrowError(
      /two\/two\.shp: truncated \.shp: header declares \d+ bytes but the file has \d+/,
    );
  });

  it('fails when the .dbf has fewer records than the .shp', async () => {
    const dir = tempDir('shp');
    writeShapefile(dir, 'two', twoSquares, ['CODE', 'NAME']);
    writeFileSync(path.join(dir, 'two.dbf'), encodeShapefile(twoSquares.slice(0, 1), ['CODE', 'NAME']).dbf);
    await expect(readShapefile(dir, 'two')).rejects.toThrowError(
      /two\/two\.dbf: \.dbf has 1 records but the \.shp has 2/,
    );
  });

  it('fails on a missing .prj and on an unknown CRS', async () => {
    const dir = tempDir('shp');
    writeShapefile(dir, 'two', twoSquares, ['CODE', 'NAME'], null);
    await expect(readShapefile(dir, 'two')).rejects.toThrowError(/two\/two\.prj: missing \.prj/);
    writeFileSync(path.join(dir, 'two.prj'), BNG_PRJ.replace('Scale_Factor",0.9996012717', 'Scale_Factor",0.9996'));
    await expect(readShapefile(dir, 'two')).rejects.toThrowError(/two\/two\.prj: unsupported projected CRS/);
  });

  it('names feature and field for a duplicate code in a boundary file', async () => {
    const dir = tempDir('shp');
    writeShapefile(
      dir,
      'two',
      [twoSquares[0]!, { ...twoSquares[1]!, attributes: { CODE: 'E01999901', NAME: 'dup' } }],
      ['CODE', 'NAME'],
    );
    await expect(readBoundaries(dir, { path: '.', codeField: 'CODE', nameField: 'NAME' })).rejects.toThrowError(
      /feature 2 \(E01999901\), field CODE: duplicate code E01999901 \(also feature 1\)/,
    );
  });

  it('rejects a ring with fewer than 4 positions, naming the feature', async () => {
    const dir = tempDir('gj');
    writeFileSync(
      path.join(dir, 'bad.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { CODE: 'E01999901', NAME: 'x' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [1, 1],
                  [0, 0],
                ],
              ],
            },
          },
        ],
      }),
    );
    await expect(
      readBoundaries(dir, { path: 'bad.geojson', codeField: 'CODE', nameField: 'NAME' }),
    ).rejects.toThrowError(/bad\.geojson, feature 1 \(E01999901\), field geometry: polygon 1 ring 1 has 3 positions/);
  });
});

describe('real shapefile fixtures', () => {
  it('reads the mixed Polygon/MultiPolygon WGS84 fixture and drops the 53 neighbouring-district LSOAs', async () => {
    const rel = 'boundaries/fixtures/leeds_lsoa11_wgs84_with_neighbours';
    const raw = await readShapefile(path.join(dataDir, rel), rel);
    expect(raw.crs).toBe('wgs84');
    expect(raw.features).toHaveLength(535);
    expect(new Set(raw.features.map((f) => f.geometry?.type))).toEqual(new Set(['Polygon', 'MultiPolygon']));
    const layer = await readBoundaries(dataDir, { path: rel, codeField: 'LSOA11CD', nameField: 'LSOA11NM' });
    const sets = areaSets(readLookups(dataDir, DEFAULT_SOURCES), 'E08000035');
    const { layer: kept, dropped } = filterToArea(layer, sets.lsoa11);
    expect(kept.features).toHaveLength(482);
    expect(dropped).toHaveLength(53);
  });

  it('reads the UK outline fixture as BNG and reprojects it into the UK', async () => {
    const rel = 'boundaries/fixtures/uk_outline_bng';
    const raw = await readShapefile(path.join(dataDir, rel), rel);
    expect(raw.crs).toBe('bng');
    const geo = readGeojson(
      path.join(dataDir, 'boundaries/leeds/geojson/wards_dec2024_leeds_bgc.geojson'),
      'wards.geojson',
    );
    expect(geo.crs).toBe('wgs84');
    expect(geo.features).toHaveLength(33);
  });
});
