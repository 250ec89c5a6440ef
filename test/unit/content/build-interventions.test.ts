import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, copyFileSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { buildInterventions, type BuildInterventionsResult } from '../../../scripts/pipeline/interventions';
import { postcodeKey } from '../../../src/data/postcode';
import { csvRecords } from '../../../scripts/pipeline/csv';
import { PipelineError } from '../../../scripts/pipeline/errors';
import type { InterventionsContentFile, PriorityAreasFile } from '../../../src/data/content-contract';
import { AREA_CODE, CONTENT_DIR, DATA_DIR, lsoa21, readJson, wards } from './helpers';

const build = (contentDir = CONTENT_DIR) =>
  buildInterventions({ sourcesDir: DATA_DIR, contentDir, areaCode: AREA_CODE, lsoa21: lsoa21(), wards: wards() });

const pa = readJson<PriorityAreasFile>(resolve(CONTENT_DIR, 'priority-areas.json'));
const iv = readJson<InterventionsContentFile>(resolve(CONTENT_DIR, 'interventions.json'));

describe('buildInterventions on the real sources', () => {
  let r: BuildInterventionsResult;
  beforeAll(() => {
    r = build();
  });

  it('places or lists every source row and report item (nothing dropped silently)', () => {
    const libs = csvRecords(
      readFileSync(join(DATA_DIR, 'places/leeds_libraries.csv'), 'utf8'),
      'places/leeds_libraries.csv',
    ).filter((x) => x['Year closed'] === '');
    const venues = csvRecords(
      readFileSync(join(DATA_DIR, 'places/leeds_named_venues_compiled.csv'), 'utf8'),
      'places/leeds_named_venues_compiled.csv',
    );
    const total =
      r.collection.features.length + r.unplaced.length + r.collection.cityWide.length + r.collection.merged.length;
    expect(total).toBe(libs.length + venues.length + iv.items.length);
    // Current content: 69 placed, 14 unplaced, 7 city-wide, 10 merged (9 libraries = named hubs; St James's venue = LTHT item).
    expect([
      r.collection.features.length,
      r.unplaced.length,
      r.collection.cityWide.length,
      r.collection.merged.length,
    ]).toEqual([69, 14, 7, 10]);
    expect(r.collection.cityWide.map((c) => c.id).sort()).toEqual(
      iv.items
        .filter((i) => i.location.kind === 'citywide')
        .map((i) => i.id)
        .sort(),
    );
    expect(r.unplaced.map((u) => u.id)).toEqual(
      expect.arrayContaining([
        'library-ardsley-tingley-library',
        'library-drighlington', // WF / BD postcodes: not in the LS table
        'venue-holbeck-mini-hub',
        'venue-lincoln-green-community-centre',
        'venue-new-wortley-community-centre',
      ]),
    );
    for (const u of r.unplaced) expect(u.reason.length).toBeGreaterThan(10);
    expect(r.collection.unplaced).toEqual(r.unplaced);
    expect(r.warnings).toEqual([]);
  });

  it('puts the Reginald Centre at the centroid of LS7 3EX', () => {
    const pcs = csvRecords(
      readFileSync(join(DATA_DIR, 'places/ls_postcode_centroids.csv'), 'utf8'),
      'places/ls_postcode_centroids.csv',
    );
    const row = pcs.find((p) => postcodeKey(p.Postcode!) === 'LS7 3EX')!;
    const f = r.collection.features.find((x) => x.properties.id === 'venue-reginald-centre')!;
    expect(f.geometry.coordinates).toEqual([Number(row.long), Number(row.lat)]);
    expect(f.properties.precision).toBe('postcode');
    expect(f.properties.precisionNote).toMatch(/LS7 3EX.*not the building/);
    expect(f.properties.origin).toBe('named-venues');
    expect(f.properties.description).toContain('Chapeltown Library');
    expect(r.collection.merged).toContainEqual({ id: 'library-chapeltown-library', into: 'venue-reginald-centre' });
  });

  it('places area items inside their neighbourhood (default LSOAs) or ward polygon', () => {
    const lsoaPoly = new Map(
      lsoa21().features.map((f) => [String(f.properties?.LSOA21CD), f as Feature<Polygon | MultiPolygon>]),
    );
    const wardPoly = new Map(
      wards().features.map((f) => [String(f.properties?.WD24CD), f as Feature<Polygon | MultiPolygon>]),
    );
    const hoods = new Map(pa.neighbourhoods.map((h) => [h.id, h]));
    const areaItems = iv.items.filter((i) => i.location.kind === 'area');
    expect(areaItems.length).toBeGreaterThan(15);
    for (const i of areaItems) {
      const f = r.collection.features.find((x) => x.properties.id === i.id)!;
      expect(f, i.id).toBeDefined();
      expect(f.properties.precision).toBe('area');
      expect(f.properties.precisionNote).toMatch(/^approximate: placed in its (neighbourhood|ward)/);
      const pt = f.geometry.coordinates;
      const loc = i.location as { neighbourhood?: string; ward?: string };
      if (loc.neighbourhood) {
        const h = hoods.get(loc.neighbourhood)!;
        expect(
          h.lsoa21.some((s) => booleanPointInPolygon(pt, lsoaPoly.get(s.code)!)),
          i.id,
        ).toBe(true);
        expect(f.properties.ward).toBe(h.ward.code);
        expect(f.properties.neighbourhood).toBe(h.id);
      } else {
        expect(booleanPointInPolygon(pt, wardPoly.get(loc.ward!)!), i.id).toBe(true);
        expect(f.properties.ward).toBe(loc.ward);
      }
    }
  });

  it('has flat MapLibre-friendly properties, absent (not null) unknowns, and stable order', () => {
    const types = r.collection.features.map((f) => f.properties.type);
    for (const f of r.collection.features) {
      for (const v of Object.values(f.properties)) expect(v === null || typeof v === 'object').toBe(false);
      expect(Array.isArray(JSON.parse(f.properties.outcomes))).toBe(true);
      expect(f.properties.source.length).toBeGreaterThan(10);
    }
    expect(types.indexOf('library')).toBeGreaterThan(types.lastIndexOf('community_hub'));
    const ltht = r.collection.features.find((f) => f.properties.id === 'ltht-taster-events-pilot')!;
    expect(JSON.parse(ltht.properties.outcomes)).toContainEqual({
      label: 'people attending the two taster sessions',
      value: 124,
    });
    expect(ltht.properties.source).toContain('para. 3.8.4');
    expect(JSON.stringify(build().collection)).toBe(JSON.stringify(r.collection));
  });

  it('counts what it placed and what it could not', () => {
    expect(r.collection.features).toHaveLength(69);
    expect(r.unplaced).toHaveLength(14);
    expect(r.collection.cityWide).toHaveLength(7);
    expect([...r.unplaced.map((u) => u.id), ...r.warnings].join('\n')).toContain('library-drighlington');
  });
});

describe('buildInterventions on bad input (synthetic items)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-content-'));
    copyFileSync(join(CONTENT_DIR, 'priority-areas.json'), join(dir, 'priority-areas.json'));
    copyFileSync(join(CONTENT_DIR, 'council.json'), join(dir, 'council.json'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cite = { ...iv.items[0]!.source };
  const synthetic = (over: Record<string, unknown>) => ({
    id: 'synthetic-test-item',
    type: 'other',
    name: 'Synthetic test item',
    start: null,
    end: null,
    ward: null,
    neighbourhood: null,
    location: { kind: 'area', ward: 'E05011385' },
    description: 'Synthetic item for a unit test.',
    outcomes: [],
    source: cite,
    ...over,
  });
  const withItems = (items: unknown[]) => {
    writeFileSync(
      join(dir, 'interventions.json'),
      JSON.stringify({ compiled: true, generatedBy: 'unit test', sources: [], notes: [], items }),
    );
    return build(dir);
  };

  it('accepts a good synthetic item', () => {
    expect(withItems([synthetic({})]).collection.features.some((f) => f.properties.id === 'synthetic-test-item')).toBe(
      true,
    );
  });

  it('lists a city-wide item under cityWide (not as a point), and refuses one with a ward', () => {
    const r = withItems([synthetic({ location: { kind: 'citywide' }, dateNote: 'Synthetic timing note.' })]);
    expect(r.collection.features.some((f) => f.properties.id === 'synthetic-test-item')).toBe(false);
    expect(r.collection.cityWide.filter((c) => c.id === 'synthetic-test-item')).toEqual([
      {
        id: 'synthetic-test-item',
        type: 'other',
        name: 'Synthetic test item',
        dateNote: 'Synthetic timing note.',
        description: 'Synthetic item for a unit test.',
        outcomes: [],
        source: `Leeds City Council, ${cite.title}, ${cite.date}, para. ${cite.paragraph} [${cite.file}]`,
      },
    ]);
    expect(() => withItems([synthetic({ location: { kind: 'citywide' }, ward: 'E05011385' })])).toThrow(
      /field "location": a city-wide item has no ward or neighbourhood/,
    );
    expect(() => withItems([synthetic({ dateNote: ' ' })])).toThrow(/field "dateNote": empty/);
  });

  it('rejects an unknown type, naming file, item and field', () => {
    expect(() => withItems([synthetic({ type: 'spaceport' })])).toThrow(
      /interventions\.json, item 1 \("synthetic-test-item"\), field "type": unknown type "spaceport"/,
    );
  });

  it('lists a postcode that is not in the table as unplaced with the reason', () => {
    const r = withItems([synthetic({ location: { kind: 'postcode', postcode: 'LS0 0AA' } })]);
    expect(r.unplaced).toContainEqual({
      id: 'synthetic-test-item',
      name: 'Synthetic test item',
      origin: 'report',
      reason: 'postcode LS0 0AA is not in places/ls_postcode_centroids.csv',
    });
    expect(r.collection.features.some((f) => f.properties.id === 'synthetic-test-item')).toBe(false);
  });

  it('rejects a missing citation, naming the item and the field', () => {
    const bad = synthetic({});
    delete (bad as Record<string, unknown>).source;
    expect(() => withItems([synthetic({ id: 'synthetic-ok' }), bad])).toThrow(
      'interventions.json, item 2 ("synthetic-test-item"), field "source": missing citation',
    );
  });

  it('reports every bad item in one PipelineError', () => {
    let err: unknown;
    try {
      withItems([
        synthetic({ id: 'bad-one', type: 'x' }),
        synthetic({ id: 'good' }),
        synthetic({ id: 'bad-two', end: 'soon' }),
      ]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PipelineError);
    expect((err as PipelineError).problems.map((p) => [p.location, p.field])).toEqual([
      ['item 1 ("bad-one")', '"type"'],
      ['item 3 ("bad-two")', '"end"'],
    ]);
  });

  it('rejects a citation without a paragraph, a bad date and an unknown neighbourhood', () => {
    expect(() => withItems([synthetic({ source: { ...cite, paragraph: '' } })])).toThrow(
      /field "source\.paragraph": missing paragraph/,
    );
    expect(() => withItems([synthetic({ start: '2019-13' })])).toThrow(/field "start": not an ISO/);
    expect(() => withItems([synthetic({ location: { kind: 'area', neighbourhood: 'atlantis' } })])).toThrow(
      /field "location\.neighbourhood": unknown neighbourhood atlantis/,
    );
  });
});
