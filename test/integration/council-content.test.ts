import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { GEO_FILES, type DataMetadata } from '../../src/data/contract';
import type { InterventionsCollection } from '../../src/data/content-contract';
import { REPO_ROOT, sourcesForArea } from '../../scripts/pipeline/config';
import { runPipeline } from '../../scripts/pipeline/run';
import { buildInterventions } from '../../scripts/pipeline/interventions';
import { councilContent } from '../../scripts/pipeline/council-content';
import { PipelineError } from '../../scripts/pipeline/errors';
import { withDetails, type LsoaCollection, type WardCollection } from '../../src/data/load';
import { buildAreaIndex } from '../../src/domain/area-index';
import { expandDetails, type AreaDetails } from '../../src/data/contract';
import { COUNCIL, hubTypes, useCouncil } from '../../src/data/council';
import { typeStyle } from '../../src/domain/interventions';
import { searchEntries, venueTooltip } from '../../src/domain/view-model';
import { communityHubs, gapLsoas, withNearbyInterventions } from '../../src/domain/outreach/gaps';
import { catchment } from '../../src/domain/outreach/catchment';
import { catchmentCsv, gapCsv } from '../../src/domain/export/csv';
import { contentSecurityPolicy, embedDomainsFor, readBuiltArea } from '../../scripts/tooling/area-html';

/**
 * A district other than Leeds (Hastings, E07000062) with an obviously synthetic content folder
 * (test/fixtures/content/E07000062: its own report list, vocabulary, places file and embedding
 * domain). Built by the real pipeline from the England-wide sources with no code change, its items,
 * types, symbols and citations must reach the built data and what the map, the profiles and the
 * exports make of it — and nothing of Leeds' content may.
 */
const AREA = 'E07000062';
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'content');
const FIXTURE = path.join(FIXTURES, AREA);
const dataDir = path.resolve(REPO_ROOT, process.env.ATLAS_DATA_DIR ?? path.join('..', 'shared', 'data'));
const fixture = <T>(f: string) => JSON.parse(readFileSync(path.join(FIXTURE, f), 'utf8')) as T;
const council = fixture<{
  publisher: string;
  embedDomains: string[];
  interventionTypes: Array<{ id: string; label: string; colour: string; shape: string; hub: boolean }>;
}>('council.json');

let out: string;
let meta: DataMetadata;
let built: InterventionsCollection;
let lsoaGeo: FeatureCollection;
let wardGeo: FeatureCollection;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'atlas-council-content-'));
  await runPipeline({ dataDir, outDir: out, area: AREA, sources: sourcesForArea(AREA), contentDir: FIXTURE });
  meta = JSON.parse(readFileSync(path.join(out, GEO_FILES.metadata), 'utf8')) as DataMetadata;
  built = JSON.parse(readFileSync(path.join(out, GEO_FILES.interventions), 'utf8')) as InterventionsCollection;
  const topo = JSON.parse(readFileSync(path.join(out, GEO_FILES.areas2021), 'utf8')) as Topology;
  const geo = (name: string): FeatureCollection => {
    const o = topo.objects[name];
    if (o?.type !== 'GeometryCollection') throw new Error(`no ${name}`);
    return feature(topo, o);
  };
  lsoaGeo = geo('lsoa21');
  wardGeo = geo('wards');
  useCouncil(meta);
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('a synthetic content folder for Hastings, built with no code change', () => {
  it("yields exactly its own items and places rows: none of Leeds' libraries or venues", () => {
    expect(built.features.map((f) => f.properties.id).sort()).toEqual([
      'synthetic-hub-item',
      'synthetic-venue-synthetic-project-beta',
      'synthetic-venue-synthetic-warm-space-alpha',
      'synthetic-ward-project',
    ]);
    expect(built.unplaced.map((u) => [u.id, u.origin])).toEqual([
      ['synthetic-venue-synthetic-venue-without-location', 'synthetic-venues'],
    ]);
    expect(JSON.stringify(built)).not.toMatch(/leeds|library-|venue-reginald|LS\d/i);
    // Every point lies in a Hastings ward.
    const wards = new Set(meta.council?.content ? wardGeo.features.map((f) => String(f.properties?.code)) : []);
    for (const f of built.features) expect(wards.has(String(f.properties.ward)), f.properties.id).toBe(true);
  });

  it('carries its types, symbols, citations and embedding domain into the built metadata and layer', () => {
    expect(meta.council?.content?.interventionTypes).toEqual(council.interventionTypes);
    expect(meta.council?.content?.embedDomains).toEqual(['https://*.synthetic-test.example']);
    const hub = built.features.find((f) => f.properties.id === 'synthetic-hub-item')!;
    expect(hub.properties.type).toBe('synthetic_warm_space');
    expect(hub.properties.source).toBe(
      'Synthetic Test Borough Council, SYNTHETIC TEST REPORT (fixture, not a real document), 2025-01-31, para. 1.1 [synthetic-report-001.txt]',
    );
    const beta = built.features.find((f) => f.properties.id === 'synthetic-venue-synthetic-project-beta')!;
    expect([beta.properties.type, beta.properties.precision, beta.geometry.coordinates]).toEqual([
      'synthetic_project',
      'exact',
      [0.56059, 50.85567],
    ]);
    expect(meta.council?.content?.priorityWards.map((w) => [w.code, w.name])).toEqual([['E05011210', 'Old Hastings']]);
  });

  it("map, search, tooltip and ward profile use the council's labels and symbols", () => {
    expect(COUNCIL.interventionTypes.map((t) => t.id)).toEqual(['synthetic_warm_space', 'synthetic_project']);
    expect(typeStyle('synthetic_project')).toMatchObject({
      label: 'Synthetic project',
      colour: '#AA4499',
      shape: 'triangle',
    });
    const beta = built.features.find((f) => f.properties.id === 'synthetic-venue-synthetic-project-beta')!.properties;
    expect(venueTooltip([beta], { x: 0, y: 0 })?.lines[0]).toBe('Synthetic project');
    const lsoas: LsoaCollection = { type: 'FeatureCollection', features: [] };
    const wards: WardCollection = { type: 'FeatureCollection', features: [] };
    const entries = searchEntries(wards, lsoas, built, buildAreaIndex({ lsoa21: lsoas, wards }), new Set());
    expect(
      entries
        .filter((e) => e.kind === 'venue')
        .map((e) => e.detail)
        .sort(),
    ).toEqual(['Synthetic project', 'Synthetic project', 'Synthetic warm space', 'Synthetic warm space']);
  });
});

describe('outreach and exports for Hastings', () => {
  const lsoas = (): LsoaCollection => {
    const first = builtLsoas();
    const details = JSON.parse(readFileSync(path.join(out, GEO_FILES.details2021), 'utf8')) as AreaDetails;
    return withDetails(first, expandDetails(details));
  };
  const builtLsoas = (): LsoaCollection =>
    ({
      type: 'FeatureCollection',
      features: lsoaGeo.features.map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: { ...(f.properties ?? {}) },
      })),
    }) as LsoaCollection;

  it('the outreach tool measures from the types the council marks as hubs', () => {
    expect([...hubTypes()]).toEqual(['synthetic_warm_space']);
    expect(communityHubs(built, { hubTypes: hubTypes() }).hubs.map((h) => h.id)).toEqual([
      'synthetic-hub-item',
      'synthetic-venue-synthetic-warm-space-alpha',
    ]);
  });

  it("CSVs name the council and the ward method its metadata states, not Leeds'", () => {
    const l = lsoas();
    const hub = communityHubs(built, { hubTypes: hubTypes() }).hubs[0]!;
    const csv = catchmentCsv(catchment(hub.coordinates, 800, l.features, '2025'), {
      release: '2025',
      area: COUNCIL.name,
      subject: hub.name,
    });
    expect(csv).toContain('Neighbourhood Atlas export: Hastings');
    const method = meta.council!.wards;
    expect(csv).toContain(
      method.method === 'lookup'
        ? `LSOA 2021 to ward (${method.vintage}) best-fit lookup`
        : `wards (${method.vintage}) by the ward containing each LSOA 2021 population-weighted centroid`,
    );
    expect(csv).not.toMatch(/Dec(ember)? 2024/);
    const gaps = gapLsoas({
      lsoas: l.features,
      hubs: communityHubs(built, { hubTypes: hubTypes() }).hubs,
      maxDecile: 2,
      distanceM: 400,
      release: '2025',
    });
    const gap = gapCsv(gaps, { release: '2025', area: COUNCIL.name });
    expect(gap).toContain(method.vintage);
    // What has run near a place is named by the council's own type labels.
    const all = gapLsoas({
      lsoas: l.features,
      hubs: communityHubs(built, { hubTypes: hubTypes() }).hubs,
      maxDecile: 2,
      distanceM: 1,
      release: '2025',
    });
    expect(all.length).toBeGreaterThan(0);
    const near = withNearbyInterventions(all, built, 10_000);
    const nearCsv = gapCsv(near, { release: '2025', area: COUNCIL.name, nearbyRadiusM: 10_000 });
    expect(nearCsv).toContain('Synthetic Ward Project (Synthetic project,');
    expect(gap).not.toMatch(/Farsley|Leeds/);
  });

  it("the CSP's frame-ancestors lists the council's embedding domains", () => {
    const area = readBuiltArea(out)!;
    expect(contentSecurityPolicy(area.code, area.embedDomains ?? [])).toContain(
      "frame-ancestors 'self' https://*.synthetic-test.example;",
    );
    const before = process.env.ATLAS_CONTENT_DIR;
    process.env.ATLAS_CONTENT_DIR = FIXTURES;
    try {
      expect(embedDomainsFor(AREA)).toEqual(['https://*.synthetic-test.example']);
      expect(contentSecurityPolicy(AREA)).toContain("frame-ancestors 'self' https://*.synthetic-test.example;");
    } finally {
      if (before === undefined) delete process.env.ATLAS_CONTENT_DIR;
      else process.env.ATLAS_CONTENT_DIR = before;
    }
    expect(contentSecurityPolicy('E08000035')).toContain("frame-ancestors 'self' https://*.leeds.gov.uk;");
  });
});

describe('bad content for Hastings fails naming file, item and field', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'atlas-bad-content-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the fixture with one file changed by `edit`. */
  const variant = (file: string, edit: (text: string) => string): string => {
    const d = mkdtempSync(path.join(dir, 'v-'));
    cpSync(FIXTURE, d, { recursive: true });
    writeFileSync(path.join(d, file), edit(readFileSync(path.join(d, file), 'utf8')));
    return d;
  };
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

  it('an item with an LS postcode (a point in Leeds) fails the build', () => {
    const d = variant('interventions.json', (t) => t.replace('"TN34 1AD"', '"LS7 3EX"'));
    expect(failure(() => build(d))).toMatch(
      /interventions\.json, item 1 \("synthetic-hub-item"\), field "location\.postcode": the point .* lies outside E07000062/,
    );
  });

  it('a places row with Leeds coordinates fails, naming the CSV, its line and the column', () => {
    const d = variant('venues/synthetic-venues.csv', (t) => t.replace('50.85567,0.56059', '53.80000,-1.55000'));
    expect(failure(() => build(d))).toMatch(
      /synthetic-venues\.csv, line 3 \("Synthetic Project Beta"\), field "Lat": the point 53\.80000, -1\.55000 .* lies outside E07000062/,
    );
  });

  it('an unknown field, a report not in the list and a type not in the vocabulary fail', () => {
    const unknown = variant('council.json', (t) => t.replace('"publisher"', '"colour": "red", "publisher"'));
    expect(failure(() => build(unknown))).toMatch(/council\.json, \(root\), field "colour": unknown field/);
    const report = variant('interventions.json', (t) =>
      t.replace(
        '"file": "synthetic-report-001.txt", "title": "SYNTHETIC TEST REPORT (fixture, not a real document)", "date": "2025-01-31", "paragraph": "2.3"',
        '"file": "not-listed.txt", "title": "x", "date": "2025", "paragraph": "2.3"',
      ),
    );
    expect(failure(() => build(report))).toMatch(
      /interventions\.json, item 2 \("synthetic-ward-project"\), field "source\.file": unknown report file "not-listed\.txt"/,
    );
    const type = variant('interventions.json', (t) =>
      t.replace('"type": "synthetic_project"', '"type": "community_hub"'),
    );
    expect(failure(() => build(type))).toMatch(
      /interventions\.json, item 2 \("synthetic-ward-project"\), field "type": unknown type "community_hub"/,
    );
    const category = variant('council.json', (t) =>
      t.replace('"Project": "synthetic_project"', '"Project": "library"'),
    );
    expect(failure(() => build(category))).toMatch(
      /council\.json, places\[1\] \("synthetic-venues"\), field "categories\.Project": not a type of interventionTypes/,
    );
    const item = variant('interventions.json', (t) =>
      t.replace('"id": "synthetic-hub-item",', '"id": "synthetic-hub-item", "colour": "red",'),
    );
    expect(failure(() => build(item))).toMatch(/interventions\.json, item 1, field "colour": unknown field/);
  });

  it('priority areas: null, a list, wrong ward names give one line naming file and field', () => {
    for (const raw of ['null', '[]', '7']) {
      const d = variant('priority-areas.json', () => raw);
      const msg = failure(() => councilContent(d));
      expect(msg.split('\n')).toHaveLength(1);
      expect(msg).toMatch(/priority-areas\.json, field \(root\): must be an object/);
      expect(failure(() => build(d))).toMatch(/priority-areas\.json, item 0, field "\(root\)": not an object/);
    }
    for (const [from, to, field] of [
      ['"name": "Old Hastings"', '"name": 123', 'name'],
      ['"name": "Old Hastings"', '"name": {"x": 1}', 'name'],
      ['"name": "Old Hastings"', '"name": "Castle"', 'name'],
      ['"reportName": "Synthetic Old Town (as a fixture report writes it)"', '"reportName": 123', 'reportName'],
    ] as const) {
      const d = variant('priority-areas.json', (t) => t.replace(from, to));
      expect(failure(() => build(d))).toMatch(
        new RegExp(`priority-areas\\.json, item priorityWards\\[1\\], field "${field}"`),
      );
    }
  });

  it('a failing build leaves the previous outputs as they were', async () => {
    const before = new Map(
      readdirSync(out)
        .filter((f) => f.endsWith('.json') || f.endsWith('.topojson'))
        .map((f) => [f, readFileSync(path.join(out, f), 'utf8')]),
    );
    const d = variant('interventions.json', (t) => t.replace('"TN34 1AD"', '"LS7 3EX"'));
    await expect(
      runPipeline({ dataDir, outDir: out, area: AREA, sources: sourcesForArea(AREA), contentDir: d }),
    ).rejects.toThrow(/lies outside E07000062/);
    for (const [f, text] of before) expect(readFileSync(path.join(out, f), 'utf8'), f).toBe(text);
    expect(existsSync(path.join(out, GEO_FILES.interventions))).toBe(true);
  }, 120_000);
});
