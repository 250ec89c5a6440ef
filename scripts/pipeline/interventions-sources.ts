/**
 * Postcode centroids for geocoding interventions. Leeds keeps its LS table (places/ls_postcode_centroids.csv,
 * byte-identical to the NSPL's LS area, so its outputs do not change: WF and BD postcodes stay unplaced);
 * every other council looks postcodes up in the NSPL May 2025 file of their postcode area
 * (places/postcodes_england_wales/<AREA>.csv.gz), read only for the areas its content names.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { csvRecords } from './csv';
import { readText } from './read-text';
import { postcodeKey } from '../../src/data/postcode';

export const LEEDS_POSTCODES_FILE = 'places/ls_postcode_centroids.csv';
export const NSPL_DIR = 'places/postcodes_england_wales';

/** How the build finds a postcode's centroid: one table, or the NSPL file per postcode area. */
export type PostcodeSource = { kind: 'table'; file: string } | { kind: 'areas'; dir: string };

export interface PostcodeLookup {
  /** [lon, lat]; null = listed without coordinates; undefined = not listed. */
  get(key: string): [number, number] | null | undefined;
  /** The file a postcode is looked up in (for messages). */
  fileFor(key: string): string;
  /** For a postcode not listed: the postcode areas the file covers when the key's area is not one of them, else null. */
  areaOf(key: string): string | null;
}

function readTable(sourcesDir: string, file: string): Map<string, [number, number] | null> {
  const path = join(sourcesDir, file);
  const text = readText(path);
  const out = new Map<string, [number, number] | null>();
  for (const r of csvRecords(text, file)) {
    const lat = parseFloat(r.lat ?? '');
    const lon = parseFloat(r.long ?? '');
    out.set(postcodeKey(r.Postcode ?? ''), Number.isFinite(lat) && Number.isFinite(lon) ? [lon, lat] : null);
  }
  return out;
}

const postcodeArea = (key: string) => /^[A-Z]{1,2}/.exec(key)?.[0] ?? '';

export function postcodeLookup(sourcesDir: string, source: PostcodeSource): PostcodeLookup {
  if (source.kind === 'table') {
    const table = readTable(sourcesDir, source.file);
    const covered = [...new Set([...table.keys()].map(postcodeArea))].sort();
    return {
      get: (k) => table.get(k),
      fileFor: () => source.file,
      areaOf: (k) => (covered.includes(postcodeArea(k)) ? null : covered.join('/')),
    };
  }
  const areas = new Map<string, Map<string, [number, number] | null>>();
  const fileFor = (k: string) => `${source.dir}/${postcodeArea(k)}.csv.gz`;
  return {
    fileFor,
    areaOf: () => null,
    get(k) {
      const area = postcodeArea(k);
      if (!areas.has(area))
        areas.set(area, existsSync(join(sourcesDir, fileFor(k))) ? readTable(sourcesDir, fileFor(k)) : new Map());
      return areas.get(area)?.get(k);
    },
  };
}
