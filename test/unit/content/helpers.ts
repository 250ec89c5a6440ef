import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { dataDir } from '../pipeline/helpers/data-dir';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DATA_DIR = dataDir;
export const SEEDS_DIR = process.env.ATLAS_SEEDS_DIR ?? resolve(DATA_DIR, '../seeds');
export const CONTENT_DIR = resolve(REPO_ROOT, 'content');
export const AREA_CODE = 'E08000035';

if (!existsSync(resolve(DATA_DIR, 'places/ls_postcode_centroids.csv'))) {
  throw new Error(`source data not found at ${DATA_DIR}: set ATLAS_DATA_DIR`);
}

const cache = new Map<string, unknown>();
export function readJson<T>(path: string): T {
  if (!cache.has(path)) cache.set(path, JSON.parse(readFileSync(path, 'utf8')));
  return cache.get(path) as T;
}
export const geojson = (name: string) => readJson<FeatureCollection>(resolve(DATA_DIR, 'boundaries/leeds/geojson', name));
export const lsoa21 = () => geojson('lsoa21_leeds_bgc.geojson');
export const wards = () => geojson('wards_dec2024_leeds_bgc.geojson');
export const seedText = (file: string) => readFileSync(resolve(SEEDS_DIR, file), 'utf8');

/**
 * Does the paragraph anchor occur in the report? Numbered anchors ("3.23", "- 3.", "3.8.4")
 * must start a line (after list/heading markup) and be followed by a space; other anchors
 * (headings, slide titles) must occur verbatim.
 */
export function anchorOccurs(text: string, paragraph: string): boolean {
  if (/^(- )?\d+(\.\d+)*\.?$/.test(paragraph)) {
    const esc = paragraph.replace(/^- /, '').replace(/\./g, '\\.');
    return new RegExp(`^[\\s#*\\-]*${esc}[\\s*]`, 'm').test(text);
  }
  return text.includes(paragraph);
}
