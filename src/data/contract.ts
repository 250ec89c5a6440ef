/**
 * The data contract between the build pipeline (scripts/) and the app (src/).
 * Both sides import this module, so a renamed property is a compile error on both.
 *
 * Generated files (all in public/geo/, gitignored) are declared in GEO_FILES below, each with its
 * format; the pipeline's steps (scripts/pipeline/steps/index.ts) are typed to write every one of them
 * and scripts/cli/ensure-data.ts checks exactly the steps' outputs.
 *
 * "Missing" is always an absent property, never 0 or -1, so MapLibre's `["has", key]` tells it apart.
 */

import type { ContextMetadata } from './context-contract';
import type { CouncilMetadata } from './council-contract';
import { CENSUS_KEYS, type PopulationMetadata } from './people-contract';
export { type AreaDetails, compactDetails, expandDetails } from './details';
export * from './context-contract';
export { AREA_FEATURES, type AreaFeatureId, type CouncilContent, type CouncilMetadata } from './council-contract';
import { RELEASE_TABLE, type IndicatorId, type ReleaseEntry } from './releases';
import { AREA_FILES } from './geographies';

export const GEO_FILES = {
  /** TopoJSON area files, one or more geography levels each (src/data/geographies.ts). */
  ...AREA_FILES,
  /** JSON DataMetadata: area, releases, sources, licences, attribution, counts, derivations, bbox. */
  metadata: 'metadata.json',
  /**
   * Folder of JSON PostcodeDistrict files, one per postcode district (`postcodes/LS7.json`) or sector
   * (`postcodes/SE1-7.json`, see postcodeFileKey): search loads only the file of the postcode typed
   * (≤ 40 KB gzip each). DataMetadata.postcodeDistricts and postcodeSplitDistricts list them.
   */
  postcodes: 'postcodes',
  /** GeoJSON InterventionsCollection (src/data/content-contract.ts): points, plus unplaced and merged items. */
  interventions: 'interventions.json',
  /** JSON SpiDataset (src/domain/spi/schema.ts), or null when the sources have no SPI file. */
  spi: 'spi.json',
  /** JSON AreaDetails (src/data/details.ts): lazily loaded LSOA 2021 values that do not fit the first-view budget. */
  details2021: 'areas-2021-details.json',
  /** JSON ContextData (src/data/context-contract.ts): the orientation layer (roads, rail, rivers, water, parks, place names), or null when the sources do not cover the area. */
  context: 'context.json',
  /** JSON CouncilStanding (src/data/standing-contract.ts): the council's IoD 2025 File 10 figures, loaded on demand. */
  standing: 'standing.json',
  /**
   * JSON EnglandWardsFile (src/data/england-wards-contract.ts): every May 2025 ward in England with its
   * council, population and population-weighted domain scores, for a ward's peers and England
   * yardsticks. The same file for every council; loaded on demand by a ward profile, never by the first view.
   */
  englandWards: 'england-wards.json',
} as const;

/** Each geography's object in its area file, by geography id (the table's, src/data/geographies.ts). */
export { TOPO_OBJECTS } from './geographies';

export { CHANGE_TARGET_RELEASE, INDICATOR_INFO, INDICATORS, RELEASE_TABLE } from './releases';
export type {
  IndicatorId,
  IndicatorInfo,
  IndicatorKind,
  OptionalReleaseSource,
  ReleaseEntry,
  ReleaseSourceFile,
} from './releases';

/** Releases of the English Indices of Deprivation the product knows (src/data/releases.ts), newest first. */
export type ReleaseId = (typeof RELEASE_TABLE)[number]['id'];
export const RELEASES: readonly ReleaseId[] = RELEASE_TABLE.map((r) => r.id);

/** A release table entry, with its id typed as one of the table's ids. */
export type Release = ReleaseEntry & { readonly id: ReleaseId };
/** The release table (src/data/releases.ts), newest first. */
export const RELEASE_LIST: readonly Release[] = RELEASE_TABLE;

/** The table entry of a release; throws for an id the table does not have (a programming error). */
export function releaseEntry(id: ReleaseId): Release {
  const entry = RELEASE_LIST.find((r) => r.id === id);
  if (!entry) throw new Error(`Unknown IoD release ${id}`);
  return entry;
}

/** A per-release lookup built from the table. */
export function byRelease<T>(pick: (entry: Release) => T): Readonly<Record<ReleaseId, T>> {
  const out: Partial<Record<ReleaseId, T>> = {};
  for (const entry of RELEASE_LIST) out[entry.id] = pick(entry);
  return out as Record<ReleaseId, T>;
}

/** Property-name prefix of each release's values (`y25_imd_d`). */
export const RELEASE_PREFIX = byRelease((r) => r.prefix);

/** Releases oldest first (profiles show change over time in this order). */
export const RELEASES_OLDEST_FIRST: readonly ReleaseId[] = [...RELEASE_LIST]
  .sort((a, b) => (a.published < b.published ? -1 : 1))
  .map((r) => r.id);

/**
 * Value fields per indicator:
 *  s  = score (as published; units differ by domain)
 *  r  = national rank (1 = most deprived in England)
 *  d  = national decile (1 = most deprived 10% in England)
 *  lr = rank within the local authority (1 = most deprived in the area)
 *  ld = decile within the local authority
 */
export const VALUE_FIELDS = ['s', 'r', 'd', 'lr', 'ld'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

export function valueKey(release: ReleaseId, indicator: IndicatorId, field: ValueField): string {
  return `${RELEASE_PREFIX[release]}_${indicator}_${field}`;
}

/** `y25_p1` = 1 when in the national most-deprived 1% (rank ≤ floor(N/100)); `y25_p10` likewise for 10%. */
export function flagKey(release: ReleaseId, percent: 1 | 10): string {
  return `${RELEASE_PREFIX[release]}_p${percent}`;
}

/**
 * `dchg_19_25`: national IMD decile in release `to` minus that in release `from` (negative = more
 * deprived); only on unchanged LSOAs. The pipeline writes it for every LSOA 2011 release against
 * CHANGE_TARGET_RELEASE.
 */
export function decileChangeKey(from: ReleaseId, to: ReleaseId): string {
  const year = (r: ReleaseId): string => RELEASE_PREFIX[r].replace(/^y/, '');
  return `dchg_${year(from)}_${year(to)}`;
}

/** Numeric IoD values keyed by valueKey()/flagKey(); absent = not published for this area/release. */
export type IodValues = Partial<Record<string, number>>;

/** ONS LSOA 2011 → 2021 change code. Change between releases is only computed for 'U'. */
export type ChangeCode = 'U' | 'S' | 'M' | 'X';

/** Named fields plus the IoD values under valueKey()/flagKey() keys. */
export interface LsoaProperties {
  [key: string]: string | number | undefined;
  code: string;
  name: string;
  /** Ward (Dec 2024) code from the ONS best-fit lookup (for LSOA 2011: via its LSOA 2021 successor). */
  ward: string;
  /** LSOA 2011→2021 change code; for LSOA 2021 features, 'U' means the 2011 values are on the same area. */
  chg: ChangeCode;
  /** Population-weighted centroid (LSOA 2021 only). */
  cx?: number;
  cy?: number;
  /** Mid-2015 population (IoD2019 denominators); on LSOA 2021 only where unchanged ('U'). */
  pop?: number;
  /** Mid-2022 population denominators of IoD2025 (File 7), LSOA 2021; absent where the sources lack File 7. */
  pop22?: number;
  chi22?: number;
  old22?: number;
  wa22?: number;
  /** National decile change 2019 → 2025 of the IMD (2025 minus 2019; negative = more deprived); only where chg = 'U'. */
  dchg_19_25?: number;
  /** National decile change 2015 → 2025 of the IMD; only where chg = 'U'. */
  dchg_15_25?: number;
}

/**
 * IoD2025 File 7 population denominators, mid-2022: total, dependent children 0–15, older people
 * 60+, working age 18–66 (the employment domain's denominator).
 */
export const POPULATION_KEYS = ['pop22', 'chi22', 'old22', 'wa22'] as const;
export type PopulationKey = (typeof POPULATION_KEYS)[number];

/** Ward summary field keys: `${prefix}_${field}`, derived from the ward's LSOAs of that release. */
export const WARD_SUMMARY_FIELDS = ['n', 'd1', 'd1s', 'p1', 'mr'] as const;
export type WardSummaryField = (typeof WARD_SUMMARY_FIELDS)[number];
export function wardSummaryKey(release: ReleaseId, field: WardSummaryField): string {
  return `${RELEASE_PREFIX[release]}_${field}`;
}

export interface WardProperties extends Partial<Record<string, number | string>> {
  code: string;
  name: string;
  /** Leeds community committee (compiled file); absent if not known. */
  committee?: string;
  /** Where to put the ward's label: a point inside the ward (centre of mass when inside, else on its surface). */
  lx?: number;
  ly?: number;
}

export interface ReleaseMetadata {
  id: ReleaseId;
  title: string;
  publisher: string;
  published: string; // ISO date
  lsoaVintage: ReleaseEntry['lsoaVintage'];
  /** LSOAs in England in this release (N in "rank R of N"). */
  nationalCount: number;
  /** LSOAs of the area in this release. */
  areaCount: number;
  /** Indicators with national rank and decile in this release. */
  indicators: IndicatorId[];
  /** Indicators that also carry a score. */
  scored: IndicatorId[];
  mostDeprived1pc: number;
  nationalDecile1: number;
  sourceFile: string;
  downloadPage: string;
}

export interface SourceMetadata {
  id: string;
  title: string;
  file: string;
  publisher: string;
  licence: string;
  downloadPage: string;
  compiled: boolean;
  note?: string;
}

/** Whether the build has IoD2025 File 7 (IDACI, IDAOPI, mid-2022 population) for the area, and why not. */
export type PeopleMetadata =
  | { available: true; sourceFile: string; reference: 'mid-2022'; totals: Record<PopulationKey, number> }
  | { available: false; sourceFile: string | null; reason: string };

export interface DataMetadata {
  schemaVersion: 1;
  /** IoD2025 File 7 for this area: present (with area totals) or absent with the reason. */
  people: PeopleMetadata;
  /** The people figures this build counts with, defined (source, year, band), with totals; absent without any. */
  population?: PopulationMetadata;
  area: { code: string; name: string };
  releases: ReleaseMetadata[];
  sources: SourceMetadata[];
  attribution: string[];
  counts: {
    lsoa21: number;
    lsoa11: number;
    wards: number;
    /** The area's own postcodes: centre point in one of its LSOAs. */
    postcodes: number;
    /** Postcodes within POSTCODE_NEIGHBOUR_KM of the area that lie in no English LSOA. */
    postcodesWithoutLsoa: number;
    /** Postcodes of the districts covered that the NSPL lists without coordinates (searchable, not placed). */
    postcodesWithoutCoordinates?: number;
    /** Other councils' postcodes within POSTCODE_NEIGHBOUR_KM of the area's boundary. */
    postcodesNearby?: number;
    /** Directory rows skipped England-wide (malformed postcode or coordinate, outside Great Britain, duplicate). */
    postcodeRowsSkipped?: number;
  };
  /** Plain-language derivations of every derived figure (ward summaries, flags, local ranks, change). */
  derivations: Record<string, string>;
  /** Bounding box of the area [west, south, east, north]. */
  bbox: [number, number, number, number];
  /** Postcode districts with a file in postcodes/ (sorted): search knows a postcode only from these. */
  postcodeDistricts: string[];
  /** Districts split into one file per sector (postcodeFileKey); absent or empty when none is. */
  postcodeSplitDistricts?: string[];
  /** The orientation layer (context.json): which parts the sources cover here, and a note when some are missing. */
  context?: ContextMetadata;
  /** What this council's build has: wards and their method, its own content, what the sources lack here. */
  council?: CouncilMetadata;
}

/**
 * postcodes/<FILE>.json: one postcode district's postcodes near the area (outward code, e.g. "LS7"),
 * or one sector of it ("SE1-7": postcodes "SE1 7…") when the whole district would exceed
 * POSTCODE_DISTRICT_BUDGET_GZIP. Entries are keyed by inward code ("3EX") → [lon, lat, index into
 * lsoaCodes], -1 when the point lies in no English LSOA (Wales, Scotland, or just off the coastline).
 * The area's own postcodes and those of other councils within POSTCODE_NEIGHBOUR_KM of its boundary.
 */
export interface PostcodeDistrict {
  district: string;
  /** The sector digit when the district is split into one file per sector. */
  sector?: string;
  /** The LSOA 2021 codes this file's postcodes lie in: the area's and its neighbours'. */
  lsoaCodes: string[];
  /** Parallel to lsoaCodes: index into `councils` of the LSOA's council, -1 for the area's own LSOAs. */
  lsoaCouncils: number[];
  /** The other councils (LAD 2024 code and name) whose LSOAs the file's postcodes lie in. */
  councils: Array<{ code: string; name: string }>;
  postcodes: Record<string, [number, number, number]>;
  /** Inward codes of the district's postcodes that the NSPL lists without coordinates. */
  noCoordinates: string[];
}

/** Largest a postcode file may be (gzip -9), so a lookup stays one small request. */
export const POSTCODE_DISTRICT_BUDGET_GZIP = 40 * 1024;

/** Other councils' postcodes are kept when their centre lies within this distance of the area's boundary. */
export const POSTCODE_NEIGHBOUR_KM = 2;

/** Which file holds a postcode: its district's, or its sector's when that district is split. */
export function postcodeFileKey(district: string, inward: string, splitDistricts: readonly string[]): string {
  return splitDistricts.includes(district) ? `${district}-${inward.charAt(0)}` : district;
}

/** The generated file of one postcode district (or sector), e.g. "postcodes/LS7.json", "postcodes/SE1-7.json". */
export function postcodeDistrictFile(fileKey: string): string {
  return `${GEO_FILES.postcodes}/${fileKey}.json`;
}

/**
 * The first view (areas-2021.topojson, ≤ 100 KB gzip) cannot carry every value of every LSOA.
 * It keeps: code, name, ward, chg, dchg_*, every flag, every national decile (`*_d`, so any
 * indicator can be mapped at once), and the IMD ranks and deciles of each release (the flags and the
 * local ranks are then left out again where src/data/derived-fields.ts restores them on loading).
 * The rest (IMD and domain/sub-domain scores, national and local ranks and local deciles; IoD2019 domain
 * ranks; IDACI and IDAOPI; the population-weighted centroid cx/cy and the populations pop, pop22,
 * chi22, old22, wa22 and the Census 2021 c21pop, c21chi, c21old, c21o65, which outreach planning and
 * profiles use)
 * is in areas-2021-details.json under the same keys: after merging, an LSOA 2021 feature has exactly
 * the properties LsoaProperties describes.
 */
const DETAIL_ONLY_KEYS = new Set<string>(['cx', 'cy', 'pop', ...POPULATION_KEYS, ...CENSUS_KEYS]);

export function isFirstViewKey(key: string): boolean {
  if (DETAIL_ONLY_KEYS.has(key)) return false;
  // IDACI and IDAOPI (File 7 or File 3) load with the details: they are not needed for the first picture.
  if (/^y\d\d_(idc|ido)_/.test(key)) return false;
  if (!/^y\d\d_/.test(key)) return true;
  // IMD scores are only read by profiles, which follow the details file (first-view budget).
  return /_(p1|p10|d)$/.test(key) || (/^y\d\d_imd_/.test(key) && !key.endsWith('_s'));
}
