/**
 * Issue 12 items 4–5: the content corrections and the report items added, each checked against the
 * report text itself (not against the content file's own claims) and against the built layer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { booleanPointInPolygon, polygon } from '@turf/turf';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { buildInterventions, type BuildInterventionsResult } from '../../../scripts/pipeline/interventions';
import { areaPoint } from '../../../scripts/pipeline/interventions-place';
import { buildTopology, type AreaGeoFeature } from '../../../scripts/pipeline/write-topojson';
import { QUANTIZATION, SIMPLIFY_MIN_WEIGHT } from '../../../scripts/pipeline/config';
import { allTypesFilter, matchesFilter } from '../../../src/domain/interventions';
import type {
  ContentIntervention,
  InterventionsContentFile,
  PriorityAreasFile,
} from '../../../src/data/content-contract';
import {
  AREA_CODE,
  CONTENT_DIR,
  DATA_DIR,
  REPO_ROOT,
  anchorCount,
  leedsCouncil,
  lsoa21,
  readJson,
  seedText,
  wards,
} from './helpers';

const pa = readJson<PriorityAreasFile>(resolve(CONTENT_DIR, 'priority-areas.json'));
const iv = readJson<InterventionsContentFile>(resolve(CONTENT_DIR, 'interventions.json'));
const item = (id: string): ContentIntervention => {
  const found = iv.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const hood = (id: string) => pa.neighbourhoods.find((h) => h.id === id)!;
const R001 = '001_853f00ae9c047183.txt';
const R000 = '000_47770b8879256e76.txt';
/** The text of one numbered paragraph of a report: from its number to the next numbered paragraph. */
function paragraphText(file: string, num: string): string {
  const text = seedText(file);
  const esc = num.replace(/\./g, '\\.');
  const m = new RegExp(`^[\\s#*\\-]*${esc}\\s([\\s\\S]*?)(?=^[\\s#*\\-]*\\d+\\.\\d+(\\.\\d+)?\\s)`, 'm').exec(text);
  if (!m) throw new Error(`paragraph ${num} not found in ${file}`);
  return m[1]!;
}

let built: BuildInterventionsResult;
beforeAll(() => {
  built = buildInterventions({
    sourcesDir: DATA_DIR,
    contentDir: CONTENT_DIR,
    areaCode: AREA_CODE,
    lsoa21: lsoa21(),
    wards: wards(),
  });
});
const builtFeature = (id: string) => built.collection.features.find((f) => f.properties.id === id);

describe('the Beeston Hill items belong to the Beverleys and Stratfords', () => {
  it('the report: six neighbourhood sections, Beeston Hill where 2.2 has the Beverleys and Stratfords, and a Core Team there', () => {
    const p22 = paragraphText(R001, '2.2');
    for (const name of [
      'New Wortley',
      'Recreations',
      'Boggart Hill',
      "Beverley's and Stratford's in Hunslet and Riverside ward",
      "Clifton's and Nowell's",
      'Lincoln Green',
    ]) {
      expect(p22, name).toContain(name);
    }
    expect(p22).not.toContain('Beeston Hill');
    const headings: Array<[string, string]> = [
      ['3.22', 'New Wortley'],
      ['3.24', 'Boggart Hill'],
      ['3.26', 'The Recreations'],
      ['3.28', 'Beeston Hill'],
      ['3.30', "Clifton's and Nowell's"],
      ['3.33', 'Lincoln Green'],
    ];
    for (const [num, name] of headings)
      expect(paragraphText(R001, num).replace(/\*/g, '').startsWith(name), num).toBe(true);
    expect(paragraphText(R001, '3.28')).toContain('Core Team');
    expect(paragraphText(R001, '3.28')).toContain('Trentham Park');
    expect(paragraphText(R001, '3.29')).toMatch(/Cross Flatts Park and Tempest Road.*zebra crossing on Tempest Road/);
  });

  it('Trentham Park and the CCTV/zebra crossing are in beverleys-and-stratfords, in its ward, citing 3.28/3.29 and 2.2', () => {
    const bs = hood('beverleys-and-stratfords');
    expect(bs.ward.code).toBe('E05011399');
    for (const [id, para] of [
      ['beeston-hill-trentham-park', '3.28'],
      ['beeston-hill-cctv-and-crossing', '3.29'],
    ] as const) {
      const i = item(id);
      expect(i.neighbourhood, id).toBe('beverleys-and-stratfords');
      expect(i.location).toMatchObject({ kind: 'area', neighbourhood: 'beverleys-and-stratfords' });
      expect(i.source.paragraph).toBe(para);
      expect((i.otherSources ?? []).map((c) => c.paragraph)).toContain('2.2');
      const f = builtFeature(id)!;
      expect(f.properties.neighbourhood).toBe('beverleys-and-stratfords');
      expect(f.properties.ward).toBe('E05011399');
    }
    // The park and road are not located in the sources: the note says so rather than claiming them.
    const note = (item('beeston-hill-cctv-and-crossing').location as { note?: string }).note ?? '';
    expect(note).toMatch(/Cross Flatts Park and Tempest Road are not located in the sources/);
    expect(note).toMatch(/may lie outside/);
  });

  it("the neighbourhood's note and sources say where its projects are, and stay honest about the park and road", () => {
    const bs = hood('beverleys-and-stratfords');
    expect(bs.note).not.toMatch(/no project/);
    expect(bs.note).toContain('Beeston Hill');
    expect(bs.note).toMatch(/Cross Flatts Park or Tempest Road.*cannot be checked/);
    expect(bs.reportNames).toContain('Beeston Hill');
    expect(bs.sources.map((c) => c.paragraph)).toEqual(expect.arrayContaining(['2.2', '3.28', '3.29']));
    // The Recreations (Beeston & Holbeck) no longer receives them.
    expect(iv.items.filter((i) => i.neighbourhood === 'the-recreations').map((i) => i.id)).not.toContain(
      'beeston-hill-trentham-park',
    );
  });
});

describe('Nowells youth provision and targeted programme', () => {
  it('has no end date (the report gives none; young people "are now" attending)', () => {
    const n = item('nowells-targeted-programme');
    expect(n.end).toBeNull();
    expect(n.start).toBe('2018-05');
    expect(paragraphText(R001, '3.31')).toContain('are now regularly attending');
    expect(paragraphText(R001, '3.32')).toContain('from May to September 2018');
    expect(builtFeature('nowells-targeted-programme')!.properties.end).toBeUndefined();
  });

  it('shows in every year filter from its start, even without undated items', () => {
    const p = builtFeature('nowells-targeted-programme')!.properties;
    for (let from = 2016; from <= 2030; from++) {
      for (let to = from; to <= 2030; to++) {
        const shown = matchesFilter(p, {
          ...allTypesFilter(leedsCouncil().interventionTypes),
          fromYear: from,
          toYear: to,
          includeUndated: false,
        });
        expect(shown, `${from}–${to}`).toBe(to >= 2018);
      }
    }
  });
});

describe('area points', () => {
  it('Boggart Hill: the built point lies inside one of its LSOAs on the simplified, quantised map boundaries', () => {
    const lsoaFeatures = lsoa21().features as AreaGeoFeature[];
    const wardFeatures = wards().features.filter((f) => f.properties?.LAD24CD === AREA_CODE) as AreaGeoFeature[];
    const topo = buildTopology({ lsoa21: lsoaFeatures, wards: wardFeatures }, SIMPLIFY_MIN_WEIGHT, QUANTIZATION);
    const simplified = feature(topo as Topology, topo.objects.lsoa21 as GeometryCollection) as FeatureCollection<
      Polygon | MultiPolygon
    >;
    const onMap = new Map(simplified.features.map((f) => [String(f.properties?.LSOA21CD), f]));
    // Every item placed in a neighbourhood, Boggart Hill's among them.
    const hoodItems = iv.items.filter((i) => i.location.kind === 'area' && i.location.neighbourhood);
    expect(hoodItems.map((i) => i.id)).toContain('boggart-hill-neighbourhood-survey');
    for (const i of hoodItems) {
      const h = hood((i.location as { neighbourhood: string }).neighbourhood);
      const pt = builtFeature(i.id)!.geometry.coordinates;
      expect(
        h.lsoa21.some((s) => booleanPointInPolygon(pt, onMap.get(s.code)!, { ignoreBoundary: true })),
        i.id,
      ).toBe(true);
    }
  });

  it("falls back to a point well inside a member when the union's centroid is outside (synthetic shapes)", () => {
    // Two unit squares 2 apart: the centroid (2, 0.5) lies between them.
    const a = polygon([
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ]);
    const b = polygon([
      [
        [3, 0],
        [4, 0],
        [4, 1],
        [3, 1],
        [3, 0],
      ],
    ]);
    const p = areaPoint([a, b] as Feature<Polygon>[]);
    expect(
      booleanPointInPolygon(p, a, { ignoreBoundary: true }) || booleanPointInPolygon(p, b, { ignoreBoundary: true }),
    ).toBe(true);
    // Not a vertex or an edge: half a chord from the nearest side.
    expect(Math.min(p[0] % 1, 1 - (p[0] % 1))).toBeGreaterThan(0.4);
    // A U shape whose centroid falls in the notch: the point is in one of the arms, off the boundary.
    const u = polygon([
      [
        [0, 0],
        [3, 0],
        [3, 3],
        [2, 3],
        [2, 1],
        [1, 1],
        [1, 3],
        [0, 3],
        [0, 0],
      ],
    ]);
    const q = areaPoint([u] as Feature<Polygon>[]);
    expect(booleanPointInPolygon(q, u, { ignoreBoundary: true })).toBe(true);
    // A centroid that is inside is kept.
    expect(areaPoint([a] as Feature<Polygon>[])).toEqual([0.5, 0.5]);
  });
});

describe('citations and dates', () => {
  it('"3.13.6" occurs twice in the 2020 report, so each use quotes its paragraph\'s opening words', () => {
    const t = seedText(R000);
    expect(anchorCount(t, '3.13.6')).toBe(2);
    const all = iv.items
      .flatMap((i) => [i.source, ...(i.otherSources ?? [])])
      .filter((c) => c.file === R000 && c.paragraph.startsWith('3.13.6'));
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const c of all) {
      expect(c.paragraph).not.toBe('3.13.6');
      expect(anchorCount(t, c.paragraph), c.paragraph).toBe(1);
    }
    expect(item('reginald-centre-wellbeing-coordinators').source.paragraph).toMatch(
      /^3\.13\.6 "Community Hubs are now formally part/,
    );
    expect(anchorCount(t, '3.13.6 "Jobshop services in Community Hubs"')).toBe(1);
    expect(anchorCount(t, '3.13.6 "Not the opening words"')).toBe(0);
  });

  it('every numbered citation points to exactly one paragraph of its report', () => {
    const cits = [
      ...pa.priorityWards.flatMap((w) => w.sources),
      ...pa.neighbourhoods.flatMap((h) => h.sources),
      ...iv.items.flatMap((i) => [i.source, ...(i.otherSources ?? [])]),
    ];
    for (const c of cits.filter((x) => /^(- )?\d/.test(x.paragraph))) {
      expect(anchorCount(seedText(c.file), c.paragraph), `${c.file} ${c.paragraph}`).toBe(1);
    }
  });

  it('every item without a start or an end says what the report gives about timing', () => {
    for (const i of iv.items.filter((x) => x.start === null && x.end === null)) {
      expect(i.dateNote?.length ?? 0, i.id).toBeGreaterThan(10);
    }
    // …and the built layer carries it to the app.
    expect(builtFeature('boggart-hill-christmas-financial-advice')!.properties.dateNote).toMatch(/Christmas/);
  });
});

describe('report items added (issue 12 item 5)', () => {
  /** id → [report, paragraph, where it goes, words its paragraph must contain]. */
  const ADDED: Record<string, [string, string, 'ward' | 'neighbourhood' | 'none' | 'citywide', string[]]> = {
    'gipton-neighbourhood-improvement-partnership': [
      R001,
      '3.10',
      'ward',
      ['Gipton Neighbourhood Improvement Partnership', 'refreshed'],
    ],
    'holbeck-managed-approach': [
      R001,
      '3.27',
      'neighbourhood',
      ['Holbeck Recreations area covers the Managed Approach'],
    ],
    'housing-leeds-joint-recruitment-event-2019': [
      R000,
      '3.12.1',
      'none',
      ['June 2019', 'city centre', '65 people attended'],
    ],
    'active-leeds-smg-insight': [
      R000,
      '3.11.4',
      'none',
      ['Social Marketing Gateway', 'New Wortley Community Centre', 'Armley Good Stuff', 'Thornton Medical Centre'],
    ],
    'kirkstall-forge-employment-pilot': [
      '004_395d0eff0a73b404.txt',
      '3.4.3',
      'none',
      ['Kirkstall Forge', 'action learning pilot'],
    ],
    'abcd-projects-2019': [R001, '3.46', 'none', ['Three new ABCD projects have started in January 2019']],
    'local-area-plans-2023': [
      '002_098a5db69054522a.txt',
      'Making the Ambition meaningful at a community level',
      'citywide',
      [],
    ],
    'warm-spaces-map': ['002_098a5db69054522a.txt', 'Responding to the cost-of-living crisis', 'citywide', []],
    'jobshop-use-all-hubs': [R000, '3.13.6 "Jobshop services in Community Hubs"', 'citywide', []],
    'employment-hub': [R000, '3.13.3', 'citywide', ['Employment Hub', '1,139']],
    'esif-mental-health-employment-programme': [R000, '3.13.4', 'citywide', ['£2.91m', 'ESIF', 'mental ill-health']],
    'care-leavers-neet-programme': [
      '004_395d0eff0a73b404.txt',
      '3.5.4',
      'citywide',
      ['Care Leavers identified as NEET', '£225,000'],
    ],
    'community-committee-wellbeing-funds': [R001, '3.4', 'citywide', ['£1.2m Well Being funds', '£550k']],
  };

  it('each exists, cites its paragraph, and that paragraph says what the item is about', () => {
    for (const [id, [file, para, , words]] of Object.entries(ADDED)) {
      const i = item(id);
      expect(i.source.file, id).toBe(file);
      expect(i.source.paragraph, id).toBe(para);
      expect(anchorCount(seedText(file), para), id).toBeGreaterThan(0);
      const text = /^\d/.test(para) && !para.includes('"') ? paragraphText(file, para) : seedText(file);
      for (const w of words) expect(text, `${id}: "${w}"`).toContain(w);
    }
    // The city-wide list: the warm spaces map and the local area plans are in the 2023 report.
    expect(seedText('002_098a5db69054522a.txt')).toContain('searchable digital map of all Warm Space provision');
    expect(seedText('002_098a5db69054522a.txt')).toContain('Local Area Plans (2023)');
  });

  it('each is placed only as its source allows: in its ward/neighbourhood, unplaced with a reason, or city-wide', () => {
    for (const [id, [, , where]] of Object.entries(ADDED)) {
      const i = item(id);
      if (where === 'citywide') {
        expect(i.location.kind, id).toBe('citywide');
        expect([i.ward, i.neighbourhood], id).toEqual([null, null]);
        const c = built.collection.cityWide.find((x) => x.id === id)!;
        expect(c, id).toBeDefined();
        expect(c.source, id).toContain(`para. ${i.source.paragraph}`);
        expect(builtFeature(id), id).toBeUndefined();
      } else if (where === 'none') {
        expect(i.location.kind, id).toBe('none');
        expect(built.unplaced.find((u) => u.id === id)?.reason.length ?? 0, id).toBeGreaterThan(20);
      } else {
        expect(i.location.kind, id).toBe('area');
        const f = builtFeature(id)!;
        expect(f.properties.precision, id).toBe('area');
        expect(f.properties.source, id).toContain(`para. ${i.source.paragraph}`);
      }
    }
    expect(builtFeature('gipton-neighbourhood-improvement-partnership')!.properties.ward).toBe('E05011394');
    expect(builtFeature('holbeck-managed-approach')!.properties.neighbourhood).toBe('the-recreations');
    expect(item('housing-leeds-joint-recruitment-event-2019')).toMatchObject({ start: '2019-06', end: '2019-06' });
    expect(item('abcd-projects-2019').start).toBe('2019-01');
    expect(item('jobshop-use-all-hubs').outcomes).toContainEqual({
      label: 'people using Jobshop services in Community Hubs',
      value: '5,745',
    });
  });

  it('the city-wide list is sorted, has citations and keeps its outcomes as arrays', () => {
    const ids = built.collection.cityWide.map((c) => c.id);
    expect(ids.length).toBe(iv.items.filter((i) => i.location.kind === 'citywide').length);
    for (const c of built.collection.cityWide) {
      expect(Array.isArray(c.outcomes), c.id).toBe(true);
      expect(c.source, c.id).toMatch(/^Leeds City Council, .*para\. /);
    }
  });
});

describe('accessibility statement', () => {
  it('names WCAG 2.1 AA for the 2018 regulations and WCAG 2.2 AA for what GDS monitors against', () => {
    const html = readFileSync(resolve(REPO_ROOT, 'accessibility.html'), 'utf8').replace(/\s+/g, ' ');
    expect(html).toMatch(
      /Accessibility Regulations 2018[^.]*WCAG\) 2\.1 at level AA|WCAG\) 2\.1 at level AA[^.]*Accessibility Regulations 2018/,
    );
    expect(html).toMatch(/Government Digital Service[^.]*WCAG 2\.2 AA/);
  });
});
