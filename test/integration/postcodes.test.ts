import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  GEO_FILES,
  POSTCODE_DISTRICT_BUDGET_GZIP,
  type DataMetadata,
  type PostcodeDistrict,
} from '../../src/data/contract';
import { sourcesForArea } from '../../scripts/pipeline/config';
import { runPipeline, type PipelineReport } from '../../scripts/pipeline/run';
import { dataDir } from '../unit/pipeline/helpers/data-dir';
import { tempDir } from '../unit/pipeline/helpers/synthetic';

/**
 * Postcode search for four councils of different kinds, checked against the sources directly: the
 * NSPL files are read and split here, each postcode in the council's box tested against the
 * council's LSOA 2021 polygons from the England-wide GeoJSON (features by LADCD_ACTIVE) — none of the
 * pipeline's readers, placement or normalisation is used for the expectation.
 */
const COUNCILS = {
  E08000011: 'Knowsley', // metropolitan district
  E09000030: 'Tower Hamlets', // London borough (dense; SE1-sized districts nearby)
  E06000052: 'Cornwall', // unitary, long coast
  E07000062: 'Hastings', // shire district on the coast
} as const;
type Code = keyof typeof COUNCILS;

interface Lsoa {
  code: string;
  geometry: Polygon | MultiPolygon;
  box: [number, number, number, number];
}

/** "LS101AA" / "LS10 1AA" → "LS10 1AA", written out here rather than imported (independence). */
const key = (raw: string): string => {
  const c = raw.replace(/\s+/g, '').toUpperCase();
  return `${c.slice(0, -3)} ${c.slice(-3)}`;
};

const expected = new Map<Code, Map<string, string>>();
const built = new Map<
  Code,
  {
    report: PipelineReport;
    meta: DataMetadata;
    own: Map<string, string>;
    files: Array<{ name: string; gzip: number; content: PostcodeDistrict }>;
  }
>();

beforeAll(async () => {
  const geo = JSON.parse(
    gunzipSync(readFileSync(path.join(dataDir, 'boundaries/england/lsoa21_england_bgc.geojson.gz'))).toString('utf8'),
  ) as {
    features: Array<{ properties: Record<string, string>; geometry: Polygon | MultiPolygon }>;
  };
  const rows: Array<[string, number, number]> = [];
  const folder = path.join(dataDir, 'places/postcodes_england_wales');
  for (const f of readdirSync(folder)) {
    for (const line of gunzipSync(readFileSync(path.join(folder, f)))
      .toString('utf8')
      .split('\n')
      .slice(1)) {
      const [pc, lat, lon] = line.split(',');
      if (!pc || !lat || !lon || !/^[A-Z]{1,2}\d/.test(pc)) continue;
      rows.push([key(pc), Number(lon), Number(lat)]);
    }
  }
  for (const code of Object.keys(COUNCILS) as Code[]) {
    const lsoas: Lsoa[] = geo.features
      .filter((f) => f.properties.LADCD_ACTIVE === code)
      .map((f): Lsoa => {
        const pts = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flatMap(
          (p) => p[0] ?? [],
        );
        const xs = pts.map((p) => p[0] ?? 0);
        const ys = pts.map((p) => p[1] ?? 0);
        return {
          code: f.properties.LSOA21CD ?? '',
          geometry: f.geometry,
          box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
        };
      })
      .sort((a, b) => (a.code < b.code ? -1 : 1));
    const own = new Map<string, string>();
    for (const [pc, x, y] of rows) {
      const hit = lsoas.find(
        (l) =>
          x >= l.box[0] && x <= l.box[2] && y >= l.box[1] && y <= l.box[3] && booleanPointInPolygon([x, y], l.geometry),
      );
      if (hit) own.set(pc, hit.code);
    }
    expected.set(code, own);

    const outDir = tempDir(`pc-${code}`);
    const report = await runPipeline({ dataDir, area: code, sources: sourcesForArea(code), outDir });
    const meta = JSON.parse(readFileSync(path.join(outDir, GEO_FILES.metadata), 'utf8')) as DataMetadata;
    const dir = path.join(outDir, GEO_FILES.postcodes);
    const files = readdirSync(dir).map((name) => {
      const bytes = readFileSync(path.join(dir, name));
      return {
        name,
        gzip: gzipSync(bytes, { level: 9 }).byteLength,
        content: JSON.parse(bytes.toString('utf8')) as PostcodeDistrict,
      };
    });
    const builtOwn = new Map<string, string>();
    for (const { content: d } of files) {
      for (const [inward, [, , i]] of Object.entries(d.postcodes)) {
        if (i >= 0 && d.lsoaCouncils[i] === -1) builtOwn.set(`${d.district} ${inward}`, d.lsoaCodes[i] ?? '');
      }
    }
    built.set(code, { report, meta, own: builtOwn, files });
  }
}, 900_000);

describe.each(Object.entries(COUNCILS) as Array<[Code, string]>)('postcodes of %s (%s)', (code) => {
  it('has every postcode whose centre lies in the council, in the right LSOA, and the count in metadata', () => {
    const want = expected.get(code)!;
    const b = built.get(code)!;
    expect(want.size).toBeGreaterThan(1000);
    expect(b.meta.counts.postcodes).toBe(want.size);
    expect(b.own.size).toBe(want.size);
    const wrong = [...want].filter(([pc, lsoa]) => b.own.get(pc) !== lsoa);
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('keeps every file within one small request and lists every district it wrote', () => {
    const b = built.get(code)!;
    for (const f of b.files) expect(f.gzip, f.name).toBeLessThanOrEqual(POSTCODE_DISTRICT_BUDGET_GZIP);
    const split = b.meta.postcodeSplitDistricts ?? [];
    const names = [...new Set(b.files.map((f) => f.content.district))].sort();
    expect(names).toEqual(b.meta.postcodeDistricts);
    for (const f of b.files)
      expect(f.name).toBe(
        split.includes(f.content.district)
          ? `${f.content.district}-${f.content.sector}.json`
          : `${f.content.district}.json`,
      );
  });

  it('says which other council a nearby postcode is in, and counts the skipped directory rows', () => {
    const b = built.get(code)!;
    const councils = new Set(b.files.flatMap((f) => f.content.councils.map((c) => c.code)));
    expect(councils.has(code)).toBe(false);
    if (code !== 'E06000052') expect(councils.size).toBeGreaterThan(0); // Cornwall's only land neighbour is Devon
    expect(b.report.counts.postcodeRowsSkipped).toBe(b.report.postcodeSkipped.length);
    expect(
      b.report.postcodeSkipped.every((p) => /\.csv\.gz$/.test(p.file) && /^line \d+$/.test(p.location ?? '')),
    ).toBe(true);
  });
});

it('Knowsley’s files name Liverpool and St Helens for postcodes over the boundary', () => {
  const names = new Set(built.get('E08000011')!.files.flatMap((f) => f.content.councils.map((c) => c.name)));
  expect(names.has('Liverpool')).toBe(true);
  expect(names.has('St. Helens') || names.has('St Helens')).toBe(true);
});
