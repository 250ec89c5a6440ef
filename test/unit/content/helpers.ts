import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { dataDir } from '../pipeline/helpers/data-dir';
import { readCouncilFolder } from '../../../scripts/pipeline/council-folder';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DATA_DIR = dataDir;
export const SEEDS_DIR = process.env.ATLAS_SEEDS_DIR ?? resolve(DATA_DIR, '../seeds');
export const CONTENT_DIR = resolve(REPO_ROOT, 'content', 'E08000035');
export const AREA_CODE = 'E08000035';

if (!existsSync(resolve(DATA_DIR, 'places/ls_postcode_centroids.csv'))) {
  throw new Error(`source data not found at ${DATA_DIR}: set ATLAS_DATA_DIR`);
}

const cache = new Map<string, unknown>();
export function readJson<T>(path: string): T {
  if (!cache.has(path)) cache.set(path, JSON.parse(readFileSync(path, 'utf8')));
  return cache.get(path) as T;
}
export const geojson = (name: string) =>
  readJson<FeatureCollection>(resolve(DATA_DIR, 'boundaries/leeds/geojson', name));
export const lsoa21 = () => geojson('lsoa21_leeds_bgc.geojson');
export const wards = () => geojson('wards_dec2024_leeds_bgc.geojson');
export const seedText = (file: string) => readFileSync(resolve(SEEDS_DIR, file), 'utf8');

/**
 * How many places in the report the paragraph anchor points to. Numbered anchors ("3.23", "- 3.",
 * "3.8.4") must start a line (after heading/emphasis markup; "- 3." only a list line) and be
 * followed by a space. A number the report uses twice is told apart by the paragraph's opening
 * words in quotes: `3.13.6 "Community Hubs are now formally part"`. Other anchors (headings,
 * slide titles) are counted where they occur verbatim.
 */
export function anchorCount(text: string, paragraph: string): number {
  const numbered = /^(- )?(\d+(?:\.\d+)*\.?)(?: "([^"]+)")?$/.exec(paragraph);
  if (numbered) {
    const [, dash, num, opening] = numbered;
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const lead = dash ? '[\\s#*]*- ' : '[\\s#*\\-]*';
    const rest = opening ? ` ${esc(opening)}` : '[\\s*]';
    return (text.match(new RegExp(`^${lead}${esc(num!)}${rest}`, 'gm')) ?? []).length;
  }
  return text.split(paragraph).length - 1;
}

/** Does the paragraph anchor occur in the report? (see anchorCount) */
export const anchorOccurs = (text: string, paragraph: string): boolean => anchorCount(text, paragraph) > 0;

/** Leeds' council.json (reports, vocabulary, places files), validated as the build does. */
export const leedsCouncil = () => readCouncilFolder(CONTENT_DIR);
