/**
 * The places files the interventions layer reads from the sources directory: ONS postcode
 * centroids, the open libraries dataset and the compiled named-venues file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InterventionType } from '../../src/data/content-contract';
import { csvRecords } from './csv';
import { postcodeKey } from '../../src/data/postcode';

export const PLACES_FILES = {
  postcodes: 'places/ls_postcode_centroids.csv',
  libraries: 'places/leeds_libraries.csv',
  venues: 'places/leeds_named_venues_compiled.csv',
} as const;

export function slug(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** Named-venues `type` column → intervention type. */
export const VENUE_TYPES: Record<string, InterventionType> = {
  community_hub: 'community_hub',
  jobshop: 'jobshop',
  nhs_anchor: 'anchor_institution',
  community_centre: 'other',
  mini_hub: 'community_hub',
  library: 'library',
};

/** Rows of one places file, by header name. */
export function readPlacesFile(sourcesDir: string, file: (typeof PLACES_FILES)[keyof typeof PLACES_FILES]): Array<Record<string, string>> {
  return csvRecords(readFileSync(join(sourcesDir, file), 'utf8'), file);
}

/** Normalised postcode → [lon, lat], or null when the row has no coordinates. */
export function readPostcodeCentroids(sourcesDir: string): Map<string, [number, number] | null> {
  const postcodes = new Map<string, [number, number] | null>();
  for (const r of readPlacesFile(sourcesDir, PLACES_FILES.postcodes)) {
    const lat = parseFloat(r.lat ?? '');
    const lon = parseFloat(r.long ?? '');
    postcodes.set(postcodeKey(r.Postcode ?? ''), Number.isFinite(lat) && Number.isFinite(lon) ? [lon, lat] : null);
  }
  return postcodes;
}
