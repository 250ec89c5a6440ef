import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every Leeds-specific or source-specific path lives here, so refreshing for new ward
 * boundaries means editing this file only (see scripts/README.md). IoD releases and their files
 * are in the release table, src/data/releases.ts.
 */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_AREA = 'E08000035';
export const DEFAULT_DATA_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'data');
export const DEFAULT_OUT_DIR = path.join(REPO_ROOT, 'public', 'geo');
/** The repo's own curated data files (with citations), read by the interventions step. */
export const CONTENT_DIR = path.join(REPO_ROOT, 'content');

/** A boundary layer: a shapefile (folder, .shp or .zip) or a GeoJSON file, relative to the data dir. */
export interface BoundarySource {
  path: string;
  /** Attribute holding the code / name; matched case-insensitively (ONS capitalisation varies). */
  codeField: string;
  nameField: string;
  /** England-wide files: the attribute holding each feature's current district code (membership comes from it). */
  ladField?: string;
}

export interface SourceFiles {
  lsoa21: BoundarySource;
  lsoa11: BoundarySource;
  wards: BoundarySource;
  lsoa21Ward: string;
  lsoa11To21: string;
  wardCommittee: string;
  centroids: string;
  /** The postcode directory: a folder of `Postcode,lat,long` files (NSPL, one per postcode area), or one file. */
  postcodes: string;
  /** The LSOA 2021 boundaries postcodes are placed in (England-wide, so neighbours' postcodes are placed too); absent: lsoa21. */
  postcodeLsoas?: BoundarySource;
  /** Census 2021 usual residents by five-year age band per LSOA 2021 (England); absent in synthetic test sources. */
  census?: string;
  /** IoD 2025 File 3: IDACI and IDAOPI ranks and deciles for every LSOA (used where File 7 does not cover the area). */
  supplementary?: string;
  /** ONS best-fit LSOA 2021 → ward May 2025 lookup (England-wide builds; Leeds keeps its Dec 2024 lookup). */
  lsoa21Ward25?: string;
  /**
   * True for every district but Leeds: England-wide boundaries, May 2025 wards by the ONS best-fit
   * lookup, and none of the sources that exist only for Leeds (community committees,
   * SPI, IoD 2025 File 7). Absent for the Leeds sources, where the Dec 2024 ward lookup applies.
   */
  englandWide?: boolean;
}

export const DEFAULT_SOURCES: SourceFiles = {
  lsoa21: { path: 'boundaries/leeds/shapefiles/lsoa21_leeds_bgc', codeField: 'LSOA21CD', nameField: 'LSOA21NM' },
  lsoa11: { path: 'boundaries/leeds/shapefiles/lsoa11_leeds_bgc', codeField: 'LSOA11CD', nameField: 'LSOA11NM' },
  wards: { path: 'boundaries/leeds/shapefiles/wards_dec2024_leeds_bgc', codeField: 'WD24CD', nameField: 'WD24NM' },
  lsoa21Ward: 'lookups/lsoa21_ward24_lad24_england_wales.csv',
  lsoa11To21: 'lookups/lsoa11_lsoa21_lad22_england_wales.csv',
  wardCommittee: 'lookups/ward_community_committee_leeds_compiled.csv',
  centroids: 'lookups/lsoa21_population_weighted_centroids_ew.csv',
  postcodes: 'places/postcodes_england_wales',
  postcodeLsoas: {
    path: 'boundaries/england/lsoa21_england_bgc.geojson.gz',
    codeField: 'LSOA21CD',
    nameField: 'LSOA21NM',
    ladField: 'LADCD_ACTIVE',
  },
  census: 'population/census2021_ts007a_lsoa21_england.csv',
  supplementary: 'indices/iod2025_file3_idaci_idaopi_england.csv',
};

/** Any other English district: the England-wide BGC files (gzip GeoJSON, WGS84) and May 2025 wards. */
export const ENGLAND_SOURCES: SourceFiles = {
  ...DEFAULT_SOURCES,
  lsoa21: {
    path: 'boundaries/england/lsoa21_england_bgc.geojson.gz',
    codeField: 'LSOA21CD',
    nameField: 'LSOA21NM',
    ladField: 'LADCD_ACTIVE',
  },
  lsoa11: {
    path: 'boundaries/england/lsoa11_england_bgc.geojson.gz',
    codeField: 'LSOA11CD',
    nameField: 'LSOA11NM',
    ladField: 'LADCD_ACTIVE',
  },
  wards: {
    path: 'boundaries/england/wards_may2025_england_bgc.geojson.gz',
    codeField: 'WD25CD',
    nameField: 'WD25NM',
    ladField: 'LAD25CD',
  },
  lsoa21Ward25: 'lookups/lsoa21_ward25_lad25_england_wales_best_fit.csv',
  englandWide: true,
};

/** The list of English district codes and names (AREACD, AREANM) that ATLAS_AREA is checked against. */
export const DISTRICTS_FILE = 'boundaries/england/lad_dec2024_uk_buc.topojson';

export function sourcesForArea(area: string): SourceFiles {
  return area === DEFAULT_AREA ? DEFAULT_SOURCES : ENGLAND_SOURCES;
}

/** gzip budgets in bytes (issue: first view ≤ 100 KB, the three releases together ≤ 250 KB). */
export const BUDGET = {
  firstViewGzip: 100 * 1024,
  releasesGzip: 250 * 1024,
} as const;

/**
 * Visvalingam weight (planar, degrees²) below which a vertex is dropped. 5e-8 deg² ≈ 370 m² at
 * Leeds' latitude: on a typical 100–200 m BGC segment that moves the outline by at most ~4–7 m,
 * about 1–2 CSS pixels at MapLibre zoom 14 (~2.8 m/px) — shapes stay recognisable there. The BGC
 * source is already generalised (~20 m), so lower weights barely remove anything.
 */
export const SIMPLIFY_MIN_WEIGHT = 5e-8;
/** Quantisation grid: 3e4 steps over Leeds' ~0.8° × 0.4° box ≈ 1.5–1.9 m, under a pixel at zoom 14. */
export const QUANTIZATION = 3e4;

export interface ResolvedConfig {
  dataDir: string;
  outDir: string;
  area: string;
  sources: SourceFiles;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ResolvedConfig {
  return {
    dataDir: path.resolve(REPO_ROOT, env.ATLAS_DATA_DIR ?? DEFAULT_DATA_DIR),
    outDir: path.resolve(REPO_ROOT, env.ATLAS_OUT_DIR ?? DEFAULT_OUT_DIR),
    area: env.ATLAS_AREA ?? DEFAULT_AREA,
    sources: sourcesForArea(env.ATLAS_AREA ?? DEFAULT_AREA),
  };
}

/**
 * The orientation layer's sources (context/ in the data dir; see its README section) and the areas
 * they cover: the OpenStreetMap extracts (roads, rail, rivers, canals, parks, water) cover West
 * Yorkshire only; the House of Commons Library MSOA names (at the ONS MSOA population-weighted
 * centroids) and the GeoNames towns and villages cover England. Elsewhere the layer has place names
 * only, with a note.
 */
export const CONTEXT_SOURCES = {
  dir: 'context',
  roads: {
    motorway: [
      'context/osm_west_yorkshire_2018/roads-motorway.geojson.gz',
      'context/osm_west_yorkshire_2018/roads-motorway_link.geojson.gz',
    ],
    trunk: [
      'context/osm_west_yorkshire_2018/roads-trunk.geojson.gz',
      'context/osm_west_yorkshire_2018/roads-trunk_link.geojson.gz',
    ],
    primary: [
      'context/osm_west_yorkshire_2018/roads-primary.geojson.gz',
      'context/osm_west_yorkshire_2018/roads-primary_link.geojson.gz',
    ],
    secondary: [
      'context/osm_west_yorkshire_2018/roads-secondary.geojson.gz',
      'context/osm_west_yorkshire_2018/roads-secondary_link.geojson.gz',
    ],
  },
  rail: 'context/osm_west_yorkshire_2018/railways-rail.geojson.gz',
  rivers: 'context/osm_west_yorkshire_2018/waterways-river.geojson.gz',
  canals: 'context/osm_west_yorkshire_2018/waterways-canal.geojson.gz',
  parks: 'context/osm_west_yorkshire_2023/west-yorkshire-leisure-park.geojson.gz',
  water: 'context/osm_west_yorkshire_2023/west-yorkshire-natural-water.geojson.gz',
  geonames: 'context/geonames_cities500_england.tsv',
  msoaNames: 'context/msoa21_names_hocl_england_wales.csv',
  msoaCentroids: 'context/msoa21_population_weighted_centroids_ew.csv',
  /** Bradford, Calderdale, Kirklees, Leeds, Wakefield (LAD 2024 codes). */
  osmAreas: ['E08000032', 'E08000033', 'E08000034', 'E08000035', 'E08000036'],
} as const;

/** How far around the area's bounding box context is kept: enough to see where roads lead. */
export const CONTEXT_BUFFER_KM = 1.5;
/** Context file budget (gzip): it loads after the first choropleth, never in the first view. */
export const CONTEXT_BUDGET_GZIP = 150 * 1024;
