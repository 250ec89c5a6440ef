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
}

export interface SourceFiles {
  lsoa21: BoundarySource;
  lsoa11: BoundarySource;
  wards: BoundarySource;
  lsoa21Ward: string;
  lsoa11To21: string;
  wardCommittee: string;
  centroids: string;
  postcodes: string;
}

export const DEFAULT_SOURCES: SourceFiles = {
  lsoa21: { path: 'boundaries/leeds/shapefiles/lsoa21_leeds_bgc', codeField: 'LSOA21CD', nameField: 'LSOA21NM' },
  lsoa11: { path: 'boundaries/leeds/shapefiles/lsoa11_leeds_bgc', codeField: 'LSOA11CD', nameField: 'LSOA11NM' },
  wards: { path: 'boundaries/leeds/shapefiles/wards_dec2024_leeds_bgc', codeField: 'WD24CD', nameField: 'WD24NM' },
  lsoa21Ward: 'lookups/lsoa21_ward24_lad24_england_wales.csv',
  lsoa11To21: 'lookups/lsoa11_lsoa21_lad22_england_wales.csv',
  wardCommittee: 'lookups/ward_community_committee_leeds_compiled.csv',
  centroids: 'lookups/lsoa21_population_weighted_centroids_ew.csv',
  postcodes: 'places/ls_postcode_centroids.csv',
};

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
    sources: DEFAULT_SOURCES,
  };
}
