/**
 * Reading a few features of a large GeoJSON (issue 25): the collection is walked feature by
 * feature, only those that may reach the box are kept, and problems name the feature's position
 * in the file. Synthetic squares, made up here.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scanFeatureCollection } from '../../../scripts/pipeline/geojson-scan';
import { readEnglandLayer, readEnglandLayerNear } from '../../../scripts/pipeline/sources/england';
import { tempDir } from './helpers/synthetic';

const square = (x: number, y: number, d = 0.01): number[][][] => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];
const feature = (code: string, coordinates: unknown, type = 'Polygon') => ({
  type: 'Feature',
  properties: { CODE: code, NAME: `Name "${code}" {[,]}`, LAD: 'E08999999' },
  geometry: { type, coordinates },
});
const source = (file: string) => ({ path: file, codeField: 'CODE', nameField: 'NAME', ladField: 'LAD' });

function write(features: unknown[], name = 'layer.geojson.gz'): string {
  const dir = tempDir('near');
  const json = JSON.stringify({ type: 'FeatureCollection', name: 'x', features });
  writeFileSync(path.join(dir, name), name.endsWith('.gz') ? gzipSync(json) : json);
  return dir;
}

describe('readEnglandLayerNear', () => {
  it('keeps the features that reach the box, the same as the whole read', async () => {
    const features = [
      feature('E01000003', square(-1.5, 53.8)),
      feature('E01000001', square(-1.49, 53.8)),
      feature('E01000002', square(0.5, 51.5)),
      feature('E01000004', [square(2, 50), square(-1.505, 53.795)], 'MultiPolygon'),
    ];
    const dir = write(features);
    const near = await readEnglandLayerNear(dir, source('layer.geojson.gz'), [-1.5, 53.8, -1.45, 53.85]);
    expect(near.features.map((f) => f.code)).toEqual(['E01000001', 'E01000003', 'E01000004']);
    const whole = await readEnglandLayer(dir, source('layer.geojson.gz'));
    expect(near.features).toEqual(whole.features.filter((f) => f.code !== 'E01000002'));
    expect(near.features[0]?.name).toBe('Name "E01000001" {[,]}');
  });

  it('names a bad feature by its position in the file, and checks the ones it cannot place', async () => {
    const dir = write([
      feature('E01000001', square(0.5, 51.5)),
      feature('E01000002', [[[-1.5, 53.8]]]),
      feature('E01000003', null, 'Point'),
    ]);
    await expect(readEnglandLayerNear(dir, source('layer.geojson.gz'), [-1.6, 53.7, -1.4, 53.9])).rejects.toThrowError(
      /feature 2 \(E01000002\).*at least 4 needed.*feature 3 \(E01000003\).*Point/s,
    );
  });

  it('says which file is not valid JSON', async () => {
    const dir = tempDir('near');
    writeFileSync(path.join(dir, 'bad.geojson'), '{"type":"FeatureCollection","features":[{"type":"Feature",}]}');
    await expect(readEnglandLayerNear(dir, source('bad.geojson'), [0, 0, 1, 1])).rejects.toThrowError(
      /bad\.geojson.*cannot read GeoJSON/,
    );
  });
});

describe('scanFeatureCollection', () => {
  it('hands over each feature and parses the other members, strings with brackets and escapes included', () => {
    const text =
      ' { "name" : "a \\" ] }", "features" : [ {"a":[1,[2]]} , {"b":"}\\\\"} ], "type":"FeatureCollection" } ';
    const seen: unknown[] = [];
    const r = scanFeatureCollection(text, (json) => seen.push(JSON.parse(json)));
    expect(seen).toEqual([{ a: [1, [2]] }, { b: '}\\' }]);
    expect(r).toEqual({ members: { name: 'a " ] }', type: 'FeatureCollection' }, hasFeatures: true });
  });

  it('fails on text after the collection or an unterminated array', () => {
    expect(() => scanFeatureCollection('{"features":[]} x', () => undefined)).toThrowError(/after the collection/);
    expect(() => scanFeatureCollection('{"features":[{"a":1}', () => undefined)).toThrowError(/expected ','/);
  });
});
