import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  bufferBBox,
  clipArea,
  clipLines,
  mergeLines,
  roadLabelPoints,
} from '../../../scripts/pipeline/context-geometry';
import { parseHstore, readGeonames, readMsoaNames, readOsmExtract } from '../../../scripts/pipeline/context-sources';
import { buildContext } from '../../../scripts/pipeline/context';
import { PipelineError } from '../../../scripts/pipeline/errors';
import { tempDir } from '../pipeline/helpers/synthetic';

/** A synthetic data folder: files written under test-made names with obviously made-up content. */
function writeSource(dir: string, rel: string, content: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), rel.endsWith('.gz') ? gzipSync(content) : content);
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof PipelineError)
      return e.problems.map((p) => `${p.file}|${p.location ?? ''}|${p.field ?? ''}|${p.message}`);
    throw e;
  }
  return [];
}

describe('context geometry', () => {
  it('grows a box by kilometres on every side', () => {
    const b = bufferBBox([-1.6, 53.7, -1.4, 53.9], 1.5);
    expect(b[1]).toBeCloseTo(53.7 - 1.5 / 111.32, 4);
    expect(b[0]).toBeCloseTo(-1.6 - 1.5 / (111.32 * Math.cos((53.8 * Math.PI) / 180)), 4);
    expect(b[2] - -1.4).toBeCloseTo(-1.6 - b[0], 5);
  });

  it('clips lines to the box, splitting one that leaves and comes back', () => {
    const box: [number, number, number, number] = [0, 0, 10, 10];
    const lines = clipLines(
      {
        type: 'LineString',
        coordinates: [
          [-5, 5],
          [5, 5],
          [5, 15],
          [8, 15],
          [8, 5],
          [15, 5],
        ],
      },
      box,
    );
    expect(lines).toEqual([
      [
        [0, 5],
        [5, 5],
        [5, 10],
      ],
      [
        [8, 10],
        [8, 5],
        [10, 5],
      ],
    ]);
    expect(
      clipLines(
        {
          type: 'LineString',
          coordinates: [
            [20, 20],
            [30, 30],
          ],
        },
        box,
      ),
    ).toEqual([]);
  });

  it('clips polygons and drops those outside', () => {
    const box: [number, number, number, number] = [0, 0, 10, 10];
    expect(
      clipArea(
        {
          type: 'Polygon',
          coordinates: [
            [
              [20, 20],
              [30, 20],
              [30, 30],
              [20, 20],
            ],
          ],
        },
        box,
      ),
    ).toBeNull();
    const g = clipArea(
      {
        type: 'Polygon',
        coordinates: [
          [
            [5, 5],
            [15, 5],
            [15, 8],
            [5, 8],
            [5, 5],
          ],
        ],
      },
      box,
    );
    expect(g?.type).toBe('Polygon');
    expect(Math.max(...(g?.type === 'Polygon' ? g.coordinates[0]!.map((p) => p[0]!) : []))).toBe(10);
  });

  it('merges ways that meet end to end, in either direction, and leaves the rest', () => {
    const merged = mergeLines([
      [
        [0, 0],
        [1, 0],
      ],
      [
        [2, 0],
        [1, 0],
      ],
      [
        [2, 0],
        [3, 0],
      ],
      [
        [9, 9],
        [8, 8],
      ],
    ]);
    expect(merged).toEqual([
      [
        [0, 0],
        [1, 0],
        [2, 0],
        [3, 0],
      ],
      [
        [9, 9],
        [8, 8],
      ],
    ]);
  });

  it('places road numbers along long lines only, one per stretch, not twice beside each other', () => {
    // Two parallel carriageways 10 km long, 30 m apart; and a 300 m stub.
    const a = [
      [-1.6, 53.8],
      [-1.45, 53.8],
    ];
    const b = [
      [-1.6, 53.8003],
      [-1.45, 53.8003],
    ];
    const pts = roadLabelPoints(
      [
        a,
        b,
        [
          [-1.3, 53.8],
          [-1.2955, 53.8],
        ],
      ],
      { minKm: 0.8, everyKm: 4, spacingKm: 2 },
    );
    expect(pts.length).toBe(2);
    expect(pts.every((p) => p[0]! > -1.6 && p[0]! < -1.45)).toBe(true);
  });
});

describe('context sources', () => {
  it('parses OSM hstore tags, with escaped quotes', () => {
    const t = parseHstore('"ref"=>"A64","name"=>"The \\"Loop\\"","service"=>"siding"');
    expect(Object.fromEntries(t)).toEqual({ ref: 'A64', name: 'The "Loop"', service: 'siding' });
    expect(parseHstore('').size).toBe(0);
  });

  it('reports every bad feature of an OSM extract with file, feature and field', () => {
    const dir = tempDir('ctx-osm');
    const rel = 'context/test-roads.geojson.gz';
    writeSource(
      dir,
      rel,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { osm_id: '1', type: 'motorway' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [0, 0],
                [1, 1],
              ],
            },
          },
          {
            type: 'Feature',
            properties: { osm_id: '2', type: 'footway' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [0, 0],
                [1, 1],
              ],
            },
          },
          {
            type: 'Feature',
            properties: { osm_id: '3', type: 'motorway' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [1, 0],
                  [1, 1],
                  [0, 0],
                ],
              ],
            },
          },
          {
            type: 'Feature',
            properties: { osm_id: '4', type: 'motorway' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [0, 0],
                [500, 1],
              ],
            },
          },
          {
            type: 'Feature',
            properties: { osm_id: '5', type: 'motorway', other_tags: 7 },
            geometry: {
              type: 'LineString',
              coordinates: [
                [0, 0],
                [1, 1],
              ],
            },
          },
        ],
      }),
    );
    expect(problemsOf(() => readOsmExtract(dir, rel, { geometry: 'line', types: ['motorway'] }))).toEqual([
      `${rel}|feature 2 (osm_id 2)|type|expected motorway, found "footway"`,
      `${rel}|feature 3 (osm_id 3)|geometry|expected LineString or MultiLineString, found Polygon`,
      `${rel}|feature 4 (osm_id 4)|geometry|coordinates missing, too few or outside lon/lat range`,
      `${rel}|feature 5 (osm_id 5)|other_tags|expected hstore text`,
    ]);
    writeSource(dir, 'context/not-json.geojson.gz', '{"type":');
    expect(problemsOf(() => readOsmExtract(dir, 'context/not-json.geojson.gz', { geometry: 'line' }))[0]).toMatch(
      /^context\/not-json.geojson.gz\|\|\|not valid JSON/,
    );
    expect(problemsOf(() => readOsmExtract(dir, 'context/missing.geojson.gz', { geometry: 'line' }))[0]).toMatch(
      /cannot read file/,
    );
  });

  it('skips and counts park nodes without an outline', () => {
    const dir = tempDir('ctx-park');
    const rel = 'context/test-parks.geojson.gz';
    writeSource(
      dir,
      rel,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { osm_id: '1' }, geometry: { type: 'Point', coordinates: [0, 0] } },
          {
            type: 'Feature',
            properties: { osm_id: '2' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [1, 0],
                  [1, 1],
                  [0, 0],
                ],
              ],
            },
          },
        ],
      }),
    );
    const r = readOsmExtract(dir, rel, { geometry: 'area' });
    expect(r.skippedPoints).toBe(1);
    expect(r.features.map((f) => f.osmId)).toEqual(['2']);
  });

  it('validates GeoNames rows by line and field', () => {
    const dir = tempDir('ctx-gn');
    const rel = 'context/test-places.tsv';
    writeSource(
      dir,
      rel,
      'geonameid\tname\tlat\tlon\tfeature_code\tpopulation\n1\tTestville\t53.8\t-1.5\tPPL\t1200\n2\t\t53.8\t-1.5\tPPL\t10\n3\tNowhere\tNorth\t-1.5\tPPL\t10\n4\tOddtown\t53.8\t-1.5\tPPL\tmany\n5\tShort\t53.8\n',
    );
    expect(problemsOf(() => readGeonames(dir, rel))).toEqual([
      `${rel}|line 3|name|empty name`,
      `${rel}|line 4|lat|not a latitude: "North"`,
      `${rel}|line 5|population|not a whole number: "many"`,
      `${rel}|line 6||expected 6 fields, found 3`,
    ]);
    writeSource(dir, 'context/no-pop.tsv', 'geonameid\tname\tlat\tlon\n');
    expect(problemsOf(() => readGeonames(dir, 'context/no-pop.tsv'))).toEqual([
      'context/no-pop.tsv|line 1|population|required column missing',
    ]);
  });

  it('validates MSOA names: code shape, empty names, duplicates', () => {
    const dir = tempDir('ctx-msoa');
    const rel = 'context/test-names.csv';
    writeSource(
      dir,
      rel,
      'msoa21cd,msoa21hclnm\nE02999991,Testford North\nE0299999X,Bad Code\nE02999992,\nE02999991,Again\n',
    );
    expect(problemsOf(() => readMsoaNames(dir, rel))).toEqual([
      `${rel}|line 3|msoa21cd|not an MSOA code: "E0299999X"`,
      `${rel}|line 4|msoa21hclnm|empty name for E02999992`,
      `${rel}|line 5|msoa21cd|E02999991 listed twice (first on line 2)`,
    ]);
  });
});

describe('context coverage', () => {
  it('is absent, with a note, when the sources have no context folder or do not cover the area', async () => {
    const dir = tempDir('ctx-none');
    const none = await buildContext(dir, 'E08000035', [-1.6, 53.7, -1.4, 53.9]);
    expect(none.data).toBeNull();
    expect(none.metadata).toEqual({ parts: [], note: expect.stringMatching(/no context\/ folder/), attribution: [] });
  });

  it('has place names only outside West Yorkshire, from the England-wide names files, and says where roads are shown', async () => {
    const dir = tempDir('ctx-places');
    // Synthetic rows: one village and one MSOA name in the box, one of each far away, and a Welsh MSOA code.
    writeSource(
      dir,
      'context/geonames_cities500_england.tsv',
      'geonameid\tname\tlat\tlon\tpopulation\n1\tSyntheticton\t51.51\t-0.09\t800\n2\tFarville\t54.0\t-2.0\t900\n',
    );
    writeSource(
      dir,
      'context/msoa21_names_hocl_england_wales.csv',
      'msoa21cd,msoa21hclnm\nE02999991,Synthetic Middle\nE02999992,Far Middle\nW02999993,Welsh Middle\n',
    );
    writeSource(
      dir,
      'context/msoa21_population_weighted_centroids_ew.csv',
      'msoa21cd,lon,lat\nE02999991,-0.085,51.512\nE02999992,-2.0,54.0\nW02999993,-3.2,51.5\n',
    );
    const elsewhere = await buildContext(dir, 'E09000001', [-0.11, 51.5, -0.07, 51.52]);
    expect(elsewhere.metadata.parts).toEqual(['neighbourhoods', 'places']);
    expect(elsewhere.data?.places).toEqual([
      { name: 'Syntheticton', kind: 'village', lon: -0.09, lat: 51.51, pop: 800 },
      { name: 'Synthetic Middle', kind: 'neighbourhood', lon: -0.085, lat: 51.512, code: 'E02999991' },
    ]);
    expect(elsewhere.data?.roadLabels).toEqual([]);
    expect(elsewhere.metadata.note).toMatch(/West Yorkshire councils only/);
    expect(elsewhere.sources.map((s) => s.licence)).toEqual([
      'Open Parliament Licence v3.0',
      'Open Government Licence v3.0',
      'Creative Commons Attribution 4.0 (CC BY 4.0)',
    ]);
  });

  it('names the MSOA that has no population-weighted centroid', async () => {
    const dir = tempDir('ctx-no-centroid');
    writeSource(dir, 'context/geonames_cities500_england.tsv', 'geonameid\tname\tlat\tlon\tpopulation\n');
    writeSource(
      dir,
      'context/msoa21_names_hocl_england_wales.csv',
      'msoa21cd,msoa21hclnm\nE02999991,Synthetic Middle\n',
    );
    writeSource(dir, 'context/msoa21_population_weighted_centroids_ew.csv', 'msoa21cd,lon,lat\n');
    await expect(buildContext(dir, 'E09000001', [-0.11, 51.5, -0.07, 51.52])).rejects.toThrow(
      /line 2.*no population-weighted centroid for E02999991/s,
    );
  });
});
