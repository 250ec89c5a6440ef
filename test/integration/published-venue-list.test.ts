import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { GEO_FILES } from '../../src/data/contract';
import type { InterventionsCollection } from '../../src/data/content-contract';
import { REPO_ROOT, sourcesForArea } from '../../scripts/pipeline/config';
import { runPipeline } from '../../scripts/pipeline/run';
import { buildInterventions } from '../../scripts/pipeline/interventions';
import { PipelineError } from '../../scripts/pipeline/errors';
import { guessMapping } from '../../src/domain/venue-lists/columns';
import { publishedList } from '../../src/domain/venue-lists/export';
import type { SheetRow } from '../../src/domain/table-file';

/**
 * "A published list is built into the site": what the app's "Download for publishing (CSV)" and
 * "Download its places entry (JSON)" produce (the same pure function, on obviously synthetic rows in
 * Hastings, E07000062), put in a temporary copy of the synthetic content folder as
 * docs/venue-lists.md says, built by the real pipeline: the venues are in the built interventions
 * layer. A bad row in the published CSV fails the build naming the file, the row and the field.
 */
const AREA = 'E07000062';
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'content', AREA);
const dataDir = path.resolve(REPO_ROOT, process.env.ATLAS_DATA_DIR ?? path.join('..', 'shared', 'data'));

// What a person imported: a coordinates row, a postcode row (a Hastings postcode the fixture's places do not use:
// a row at the postcode of an earlier point of the same type folds into it), and a
// row the app placed outside the council (not in placedRows, so never published).
const HEADERS = ['Venue', 'Kind', 'Postcode', 'Lat', 'Lon', 'Opening hours'];
const ROWS: SheetRow[] = [
  { row: 2, cells: ['Synthetic Published Hall', 'Warm space', '', '50.85567', '0.56059', 'Mon 10:00-12:00'] },
  { row: 3, cells: ['Synthetic Published Corner', 'Drop-in', 'TN34 1AB', '', '', ''] },
  { row: 4, cells: ['Synthetic Far Away Hall', 'Warm space', '', '53.80000', '-1.55000', ''] },
];
const published = publishedList({
  name: 'Synthetic Published List',
  sourceFile: 'synthetic-published-TEST.xlsx',
  importedAt: '2026-01-15T10:00:00.000Z',
  rows: ROWS,
  placedRows: new Set([2, 3]),
  mapping: guessMapping(HEADERS),
});

let root: string;
/** A copy of the synthetic content folder with the published list added as the docs say (steps 1 and 2). */
function contentWith(csv: string, entry: Record<string, unknown>): string {
  const d = mkdtempSync(path.join(root, 'content-'));
  cpSync(FIXTURE, d, { recursive: true });
  writeFileSync(path.join(d, entry['file'] as string), csv);
  const council = JSON.parse(readFileSync(path.join(d, 'council.json'), 'utf8')) as { places: unknown[] };
  council.places.push(entry);
  writeFileSync(path.join(d, 'council.json'), JSON.stringify(council, null, 2));
  return d;
}
// Step 2 of docs/venue-lists.md: the type set to one of the council's interventionTypes.
const entryAsEdited = { ...published.entry, type: 'synthetic_warm_space' };

let out: string;
let built: InterventionsCollection;
let lsoaGeo: FeatureCollection;
let wardGeo: FeatureCollection;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'atlas-published-list-'));
  out = mkdtempSync(path.join(root, 'out-'));
  const content = contentWith(published.csv, entryAsEdited);
  await runPipeline({ dataDir, outDir: out, area: AREA, sources: sourcesForArea(AREA), contentDir: content });
  built = JSON.parse(readFileSync(path.join(out, GEO_FILES.interventions), 'utf8')) as InterventionsCollection;
  const topo = JSON.parse(readFileSync(path.join(out, GEO_FILES.areas2021), 'utf8')) as Topology;
  const geo = (name: string): FeatureCollection => {
    const o = topo.objects[name];
    if (o?.type !== 'GeometryCollection') throw new Error(`no ${name}`);
    return feature(topo, o);
  };
  lsoaGeo = geo('lsoa21');
  wardGeo = geo('wards');
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const build = (contentDir: string) =>
  buildInterventions({
    sourcesDir: dataDir,
    contentDir,
    areaCode: AREA,
    lsoa21: lsoaGeo,
    wards: wardGeo,
    postcodes: { kind: 'areas', dir: 'places/postcodes_england_wales' },
  });
const failure = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PipelineError);
    return (e as Error).message;
  }
  throw new Error('expected the build to fail');
};

describe('a list published from the app is built into the site', () => {
  it('the download is the placed rows under canonical headers, and its entry declares the file', () => {
    expect(published.fileName).toBe('synthetic-published-list.csv');
    expect(published.csv.split('\r\n').filter(Boolean)).toEqual([
      'name,category,postcode,latitude,longitude,opening_times',
      'Synthetic Published Hall,Warm space,,50.85567,0.56059,Mon 10:00-12:00',
      'Synthetic Published Corner,Drop-in,TN34 1AB,,,',
    ]);
    expect(published.entry).toMatchObject({ file: 'venues/synthetic-published-list.csv', type: 'other' });
  });

  it('the built interventions layer holds both venues, at their own point and at the postcode centroid', () => {
    const mine = built.features.filter((f) => f.properties.id.startsWith('synthetic-published-list-'));
    expect(built.unplaced.filter((u) => u.id.startsWith('synthetic-published-list-'))).toEqual([]);
    expect(mine.map((f) => [f.properties.id, f.properties.name, f.properties.type]).sort()).toEqual([
      ['synthetic-published-list-synthetic-published-corner', 'Synthetic Published Corner', 'synthetic_warm_space'],
      ['synthetic-published-list-synthetic-published-hall', 'Synthetic Published Hall', 'synthetic_warm_space'],
    ]);
    const hall = mine.find((f) => f.properties.name === 'Synthetic Published Hall')!;
    expect(hall.geometry.coordinates).toEqual([0.56059, 50.85567]);
    const corner = mine.find((f) => f.properties.name === 'Synthetic Published Corner')!;
    expect(corner.properties.precision).toBe('postcode');
    // The NSPL centre point of TN34 1AB in places/postcodes_england_wales/TN.csv.gz of the sources.
    expect(corner.geometry.coordinates).toEqual([0.57816, 50.85576]);
    expect(hall.properties.source).toContain('synthetic-published-TEST.xlsx, imported into the atlas 2026-01-15');
    // The fixture's own places still build beside it.
    expect(built.features.some((f) => f.properties.id === 'synthetic-venue-synthetic-warm-space-alpha')).toBe(true);
    expect(JSON.stringify(built)).not.toContain('Synthetic Far Away Hall');
  });

  it('a bad row in the published CSV fails naming the file, the row and the field', () => {
    const bad = published.csv.replace('50.85567', 'fifty');
    expect(failure(() => build(contentWith(bad, entryAsEdited)))).toMatch(
      /synthetic-published-list\.csv, line 2 \("Synthetic Published Hall"\), field "latitude"/,
    );
  });

  it('the entry as downloaded (type "other", not in this council\'s vocabulary) fails naming the field', () => {
    expect(failure(() => build(contentWith(published.csv, { ...published.entry })))).toMatch(
      /council\.json, places\[2\] \("synthetic-published-list"\), field "type"/,
    );
  });
});
