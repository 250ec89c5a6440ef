import { gzipSync } from 'node:zlib';
import { POSTCODE_DISTRICT_BUDGET_GZIP, POSTCODE_NEIGHBOUR_KM, type PostcodeDistrict } from '../../src/data/contract';
import { inwardCode, postcodeDistrict } from '../../src/data/postcode';
import type { AreaFeature, BoundaryLayer } from './boundaries';
import { PipelineError, type Problem } from './errors';
import { readPostcodeDirectory } from './postcode-directory';
import { bboxOf, boundaryDistance, postcodePlacement, type Bbox } from './postcode-placement';
import { round } from './reproject';

export { bboxOf, type Bbox } from './postcode-placement';

export interface PostcodeResult {
  /** One file per district (or per sector of a district too large for one file), sorted by name. */
  files: Array<{ key: string; content: PostcodeDistrict }>;
  districts: string[];
  splitDistricts: string[];
  /** The area's own postcodes (centre in one of its LSOAs). */
  total: number;
  /** Other councils' postcodes within POSTCODE_NEIGHBOUR_KM. */
  nearby: number;
  /** Postcodes within POSTCODE_NEIGHBOUR_KM of the area in no English LSOA. */
  withoutLsoa: number;
  /** Postcodes of the districts covered listed without coordinates. */
  withoutCoordinates: number;
  /** Directory rows skipped (England-wide), by file and line. */
  skipped: Problem[];
}

export interface PostcodeInput {
  dataDir: string;
  /** The postcode directory: a folder of `Postcode,lat,long` files, or one file. */
  postcodes: string;
  /** Every LSOA 2021 postcodes are placed in (England-wide; the area's are among them). */
  placementLayer: BoundaryLayer;
  /** The area's own LSOAs. */
  own: readonly AreaFeature[];
  /** The council an LSOA of the placement layer belongs to (LAD 2024 code and name). */
  councilOf: (lsoaCode: string) => { code: string; name: string } | undefined;
  neighbourKm?: number;
  budgetGzip?: number;
  /**
   * True when the process builds many councils (build:sites): the whole directory is parsed and
   * placed once and kept. Otherwise only the rows near the area are kept (a one-council build).
   */
  keepWholeDirectory?: boolean;
}

type Entry = { key: string; lon: number; lat: number; lsoa: string | null };

/**
 * The area's postcodes and its neighbours' near the boundary. Each postcode is placed by point in
 * polygon of its NSPL centre in the unsimplified LSOA 2021 boundaries: in one of the area's LSOAs →
 * the area's; otherwise kept when its centre lies within `neighbourKm` of the area's boundary, with
 * the LSOA (and so the council) it lies in, or none (Wales, Scotland, off the generalised coast).
 */
export function buildPostcodeIndex(input: PostcodeInput): PostcodeResult {
  const km = input.neighbourKm ?? POSTCODE_NEIGHBOUR_KM;
  const [w, s, e, n] = searchBox(input.own, km);
  const dir = readPostcodeDirectory(input.dataDir, input.postcodes, input.keepWholeDirectory ? 'whole' : [w, s, e, n]);
  const placement = postcodePlacement(
    input.keepWholeDirectory ? `${input.dataDir}:${input.postcodes}` : null,
    dir,
    input.placementLayer,
  );
  const ownCodes = new Set(input.own.map((f) => f.code));
  const distance = boundaryDistance(input.own, km);
  const entries: Entry[] = [];
  let total = 0;
  let nearby = 0;
  let withoutLsoa = 0;
  for (let i = 0; i < dir.keys.length; i++) {
    const x = dir.lon[i] ?? NaN;
    const y = dir.lat[i] ?? NaN;
    if (x < w || x > e || y < s || y > n) continue;
    const f = placement.lsoaOf(i);
    const code = f >= 0 ? (input.placementLayer.features[f]?.code ?? null) : null;
    if (code !== null && ownCodes.has(code)) total++;
    else if (distance(x, y) <= km) {
      if (code === null) withoutLsoa++;
      else nearby++;
    } else continue;
    entries.push({ key: dir.keys[i] ?? '', lon: round(x, 5), lat: round(y, 5), lsoa: code });
  }
  const covered = new Set(entries.map((en) => postcodeDistrict(en.key)));
  const noCoordinates = dir.noCoordinates.filter((k) => covered.has(postcodeDistrict(k)));
  const files = splitFiles(
    entries,
    noCoordinates,
    ownCodes,
    input.councilOf,
    input.budgetGzip ?? POSTCODE_DISTRICT_BUDGET_GZIP,
  );
  return {
    files,
    districts: [...covered].sort(),
    splitDistricts: [
      ...new Set(files.filter((f) => f.content.sector !== undefined).map((f) => f.content.district)),
    ].sort(),
    total,
    nearby,
    withoutLsoa,
    withoutCoordinates: noCoordinates.length,
    skipped: dir.skipped,
  };
}

/** The area's bounding box grown by `km`, generously in degrees (the exact test is the boundary distance). */
export function searchBox(own: readonly AreaFeature[], km: number): Bbox {
  const box = own
    .map((f) => bboxOf(f.geometry))
    .reduce(
      (a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])],
      [Infinity, Infinity, -Infinity, -Infinity],
    );
  const dLat = km / 110;
  const dLon = km / (111.32 * Math.cos(((box[1] + box[3]) / 2) * (Math.PI / 180)) || 1);
  return [box[0] - dLon, box[1] - dLat, box[2] + dLon, box[3] + dLat];
}

/**
 * One file per district; a district whose file would exceed the budget is written as one file per
 * sector ("SE1-7"). A sector file over the budget is an error (none is: the largest district, SE1,
 * has 3,677 postcodes).
 */
function splitFiles(
  entries: readonly Entry[],
  noCoordinates: readonly string[],
  ownCodes: ReadonlySet<string>,
  councilOf: PostcodeInput['councilOf'],
  budget: number,
): Array<{ key: string; content: PostcodeDistrict }> {
  const byDistrict = new Map<string, Entry[]>();
  for (const en of entries) {
    const d = postcodeDistrict(en.key);
    const list = byDistrict.get(d) ?? [];
    list.push(en);
    byDistrict.set(d, list);
  }
  const noCoords = new Map<string, string[]>();
  for (const k of noCoordinates)
    noCoords.set(postcodeDistrict(k), [...(noCoords.get(postcodeDistrict(k)) ?? []), inwardCode(k)]);
  const out: Array<{ key: string; content: PostcodeDistrict }> = [];
  for (const district of [...byDistrict.keys()].sort()) {
    const list = byDistrict.get(district) ?? [];
    const whole = districtFile(district, undefined, list, noCoords.get(district) ?? [], ownCodes, councilOf);
    if (gzipBytes(whole) <= budget) {
      out.push({ key: district, content: whole });
      continue;
    }
    const sectors = [...new Set(list.map((en) => inwardCode(en.key).charAt(0)))].sort();
    for (const sector of sectors) {
      const content = districtFile(
        district,
        sector,
        list.filter((en) => inwardCode(en.key).startsWith(sector)),
        (noCoords.get(district) ?? []).filter((k) => k.startsWith(sector)),
        ownCodes,
        councilOf,
      );
      if (gzipBytes(content) > budget)
        throw new PipelineError({
          file: `postcodes/${district}-${sector}.json`,
          message: `one postcode sector exceeds ${budget} B gzip`,
        });
      out.push({ key: `${district}-${sector}`, content });
    }
  }
  return out;
}

function gzipBytes(d: PostcodeDistrict): number {
  return gzipSync(Buffer.from(JSON.stringify(d), 'utf8'), { level: 9 }).byteLength;
}

/** One file: entries keyed by inward code, LSOAs (and their councils) listed once, in code order. */
export function districtFile(
  district: string,
  sector: string | undefined,
  entries: readonly Entry[],
  noCoordinates: readonly string[],
  ownCodes: ReadonlySet<string>,
  councilOf: PostcodeInput['councilOf'],
): PostcodeDistrict {
  const lsoaCodes = [...new Set(entries.flatMap((en) => (en.lsoa === null ? [] : [en.lsoa])))].sort();
  const lsoaIndex = new Map(lsoaCodes.map((c, i) => [c, i]));
  const councils: PostcodeDistrict['councils'] = [];
  const lsoaCouncils = lsoaCodes.map((c) => {
    if (ownCodes.has(c)) return -1;
    const council = councilOf(c) ?? { code: '', name: 'another area' };
    let i = councils.findIndex((x) => x.code === council.code);
    if (i < 0) i = councils.push({ code: council.code, name: council.name }) - 1;
    return i;
  });
  const postcodes: PostcodeDistrict['postcodes'] = {};
  for (const en of [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    postcodes[inwardCode(en.key)] = [en.lon, en.lat, en.lsoa === null ? -1 : (lsoaIndex.get(en.lsoa) ?? -1)];
  }
  return {
    district,
    ...(sector !== undefined ? { sector } : {}),
    lsoaCodes,
    lsoaCouncils,
    councils,
    postcodes,
    noCoordinates: [...noCoordinates].sort(),
  };
}
