import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SourceFiles } from '../../../../scripts/pipeline/config';
import { releaseEntry, type ReleaseId } from '../../../../src/data/contract';
import { bngPointToWgs84 } from '../../../../scripts/pipeline/reproject';
import { square, writeShapefile } from './shapefile-writer';

/** Synthetic area, far from any real code, so no test can pass by accident on real data. */
export const SYN_AREA = 'E08999999';
export const SYN_WARD = 'E05999991';
export const SYN_WARD_B = 'E05999992';
/** LSOAs in England in the synthetic releases (so the 1% threshold is rank ≤ 3). */
export const SYN_N = 300;

export function tempDir(prefix: string): string {
  const base = path.join(os.tmpdir(), 'atlas-pipeline-tests');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(path.join(base, `${prefix}-`));
}

/** Synthetic LSOAs: code, national IMD rank in each release, ward. */
export const SYN_LSOAS = [
  { code: 'E01999901', name: 'Synthetic 001A', rank: 2, ward: SYN_WARD },
  { code: 'E01999902', name: 'Synthetic 001B', rank: 150, ward: SYN_WARD },
  { code: 'E01999903', name: 'Synthetic 001C', rank: 20, ward: SYN_WARD_B },
  { code: 'E01999904', name: 'Synthetic 001D', rank: 299, ward: SYN_WARD_B },
] as const;

/** Where the release table (src/data/releases.ts) expects a release's file, inside the synthetic folder. */
export function iodPath(dir: string, release: ReleaseId): string {
  const file = path.join(dir, releaseEntry(release).source.file);
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

export const decile = (rank: number): number => Math.ceil((rank * 10) / SYN_N);

function csv(rows: Array<Array<string | number>>): string {
  return `${rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\n')}\n`;
}

const STEMS25 = [
  'imd',
  'income',
  'employment',
  'education',
  'health',
  'crime',
  'barriers_housing_services',
  'living_environment',
  'children_and_young_people',
  'adult_skills',
  'geographical_barriers',
  'wider_barriers',
  'indoors',
  'outdoors',
];
const STEMS19 = STEMS25.slice(0, 8);

/**
 * Writes a complete synthetic source folder: four 1 km BNG squares in a row (two wards of two),
 * England-wide-style CSVs with SYN_N rows (the IoD files at the release table's paths) of which 4 belong to SYN_AREA, and a few postcodes.
 */
export function writeSyntheticData(dir: string = tempDir('syn-data')): { dir: string; sources: SourceFiles } {
  for (const d of ['b/lsoa21', 'b/lsoa11', 'b/wards', 'csv']) mkdirSync(path.join(dir, d), { recursive: true });
  const x0 = 430000;
  const y0 = 433000;
  const shapes = SYN_LSOAS.map((l, i) => ({
    rings: [square(x0 + 1000 * i, y0, 1000)],
    attributes: { LSOA21CD: l.code, LSOA21NM: l.name },
  }));
  writeShapefile(path.join(dir, 'b/lsoa21'), 'lsoa21', shapes, ['LSOA21CD', 'LSOA21NM']);
  writeShapefile(
    path.join(dir, 'b/lsoa11'),
    'lsoa11',
    shapes.map((s) => ({
      rings: s.rings,
      attributes: { LSOA11CD: s.attributes.LSOA21CD, LSOA11NM: s.attributes.LSOA21NM },
    })),
    ['LSOA11CD', 'LSOA11NM'],
  );
  writeShapefile(
    path.join(dir, 'b/wards'),
    'wards',
    [
      {
        rings: [
          [
            [x0, y0],
            [x0, y0 + 1000],
            [x0 + 2000, y0 + 1000],
            [x0 + 2000, y0],
            [x0, y0],
          ],
        ],
        attributes: { WD24CD: SYN_WARD, WD24NM: 'Synthetic North' },
      },
      {
        rings: [
          [
            [x0 + 2000, y0],
            [x0 + 2000, y0 + 1000],
            [x0 + 4000, y0 + 1000],
            [x0 + 4000, y0],
            [x0 + 2000, y0],
          ],
        ],
        attributes: { WD24CD: SYN_WARD_B, WD24NM: 'Synthetic South & East' },
      },
    ],
    ['WD24CD', 'WD24NM'],
  );
  // Filler rows: other ranks, in another district, so national N = SYN_N.
  const used = new Set<number>(SYN_LSOAS.map((l) => l.rank));
  const filler: Array<{ code: string; name: string; rank: number }> = [];
  for (let r = 1, i = 0; r <= SYN_N; r++) {
    if (used.has(r)) continue;
    filler.push({ code: `E01888${String(i).padStart(3, '0')}`, name: `Elsewhere ${i}`, rank: r });
    i++;
  }
  const area = SYN_LSOAS.map((l) => ({ ...l, lad: SYN_AREA, ladName: 'Synthetic, District' }));
  const rest = filler.map((f) => ({ ...f, lad: 'E08888888', ladName: 'Elsewhere', ward: 'E05888888' }));
  const rows = [...area, ...rest];
  // Domains: rank reversed so local ranks differ from the IMD's.
  const domRank = (r: number): number => SYN_N + 1 - r;
  writeFileSync(
    iodPath(dir, '2025'),
    csv([
      [
        'lsoa21cd',
        'lsoa21nm',
        'lad24cd',
        'lad24nm',
        'wd24cd',
        'wd24nm',
        ...STEMS25.flatMap((s) => [`${s}_score`, `${s}_rank`, `${s}_decile`]),
      ],
      ...rows.map((r) => [
        r.code,
        r.name,
        r.lad,
        r.ladName,
        r.ward,
        'W',
        ...STEMS25.flatMap((_stem, i) => {
          const rank = i === 0 ? r.rank : domRank(r.rank);
          return [((SYN_N - rank) / 10 + 0.12345).toFixed(3), rank, decile(rank)];
        }),
      ]),
    ]),
  );
  writeFileSync(
    iodPath(dir, '2019'),
    csv([
      [
        'lsoa11cd',
        'lsoa11nm',
        'lad19cd',
        'lad19nm',
        'imd_score',
        ...STEMS19.flatMap((s) => [`${s}_rank`, `${s}_decile`]),
        'pop_total_mid2015',
      ],
      ...rows.map((r) => {
        const rank = Math.min(SYN_N, r.rank + 1);
        return [
          r.code,
          r.name,
          r.lad,
          r.ladName,
          '12.5',
          ...STEMS19.flatMap((_, i) => (i === 0 ? [rank, decile(rank)] : [domRank(rank), decile(domRank(rank))])),
          1500,
        ];
      }),
    ]),
  );
  writeFileSync(
    iodPath(dir, '2015'),
    csv([
      ['lsoa11cd', 'lsoa11nm', 'lad13cd', 'lad13nm', 'imd_score', 'imd_rank', 'imd_decile'],
      ...rows.map((r) => [r.code, r.name, r.lad, r.ladName, '20.1', r.rank, decile(r.rank)]),
    ]),
  );
  writeFileSync(
    path.join(dir, 'csv/lsoa21_ward.csv'),
    csv([
      ['lsoa21_name', 'lsoa21_code', 'ward24_name', 'ward24_code', 'ltla24_name', 'ltla24_code'],
      ...rows.map((r) => [r.name, r.code, 'W', r.ward, r.ladName, r.lad]),
    ]),
  );
  writeFileSync(
    path.join(dir, 'csv/lsoa11_21.csv'),
    csv([
      ['lsoa11_name', 'lsoa11_code', 'change_code', 'lsoa21_name', 'lsoa21_code', 'ltla22_name', 'ltla22_code'],
      ...rows.map((r) => [r.name, r.code, 'U', r.name, r.code, r.ladName, r.lad]),
    ]),
  );
  writeFileSync(
    path.join(dir, 'csv/committee.csv'),
    csv([
      ['WD24CD', 'WD24NM', 'community_committee', 'evidence'],
      [SYN_WARD, 'Synthetic North', 'Synthetic Committee', 'made up, "quoted", with commas'],
    ]),
  );
  writeFileSync(
    path.join(dir, 'csv/centroids.csv'),
    csv([['lsoa21cd', 'lon', 'lat'], ...rows.map((r, i) => [r.code, (-1.5 + i / 1000).toFixed(6), '53.8'])]),
  );
  // Postcodes: centre of the third square (projection is tested elsewhere); one 1 km east of the area
  // (in no LSOA, within 2 km: kept); one far away (dropped); one without coordinates (NSPL style:
  // empty lat, long 0); a malformed postcode and a point outside Great Britain (both skipped, reported).
  const [lon, lat] = bngPointToWgs84(x0 + 2500, y0 + 500);
  const [nearLon, nearLat] = bngPointToWgs84(x0 + 5000, y0 + 500);
  writeFileSync(
    path.join(dir, 'csv/postcodes.csv'),
    csv([
      ['Postcode', 'lat', 'long'],
      ['LS991ZZ', lat.toFixed(6), lon.toFixed(6)],
      ['ls9 9zy', nearLat.toFixed(6), nearLon.toFixed(6)],
      ['LS9 9ZW', '54.5', '-1.0'],
      ['LS9 9ZX', '', '0.00000'],
      ['NOT A POSTCODE', '53.8', '-1.5'],
      ['LS9 9ZV', '40.0', '-1.5'],
    ]),
  );
  const sources: SourceFiles = {
    lsoa21: { path: 'b/lsoa21', codeField: 'LSOA21CD', nameField: 'LSOA21NM' },
    lsoa11: { path: 'b/lsoa11', codeField: 'LSOA11CD', nameField: 'LSOA11NM' },
    wards: { path: 'b/wards', codeField: 'WD24CD', nameField: 'WD24NM' },
    lsoa21Ward: 'csv/lsoa21_ward.csv',
    lsoa11To21: 'csv/lsoa11_21.csv',
    wardCommittee: 'csv/committee.csv',
    centroids: 'csv/centroids.csv',
    postcodes: 'csv/postcodes.csv',
  };
  return { dir, sources };
}
