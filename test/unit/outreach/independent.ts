/**
 * INDEPENDENT re-computation for the real-data checks: reads the source CSVs directly with its own
 * line splitter and measures distance with a haversine written here. It imports nothing from
 * src/domain/outreach or scripts/pipeline, so an error there cannot cancel out.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATA_DIR } from './real-data';

/** Split one CSV line, honouring double-quoted fields ("Bristol, City of"). */
export function splitLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Rows of a source CSV (none of these files has a line break inside a field) as header-keyed maps. */
export function table(rel: string): Array<Map<string, string>> {
  const lines = readFileSync(resolve(DATA_DIR, rel), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = splitLine(lines[0]!).map((h) => h.trim());
  return lines.slice(1).map((l) => {
    const cells = splitLine(l);
    return new Map(header.map((h, i) => [h, (cells[i] ?? '').trim()]));
  });
}

const R = 6_371_008.8; // mean Earth radius, metres
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine), [lon, lat] points. */
export function haversineM(a: [number, number], b: [number, number]): number {
  const dLat = rad(b[1] - a[1]);
  const dLon = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const squashPostcode = (pc: string) => pc.replace(/\s+/g, '').toUpperCase();

let postcodes: Map<string, [number, number]> | undefined;
/** Postcode (spaces removed) → [lon, lat] from places/ls_postcode_centroids.csv. */
export function postcodeCentroid(pc: string): [number, number] | undefined {
  if (!postcodes) {
    postcodes = new Map();
    for (const r of table('places/ls_postcode_centroids.csv')) {
      const lat = parseFloat(r.get('lat')!);
      const lon = parseFloat(r.get('long')!);
      if (Number.isFinite(lat) && Number.isFinite(lon)) postcodes.set(squashPostcode(r.get('Postcode')!), [lon, lat]);
    }
  }
  return postcodes.get(squashPostcode(pc));
}

export interface IndependentLsoa {
  code: string;
  ward: string;
  decile: number;
  at: [number, number];
}

let leeds: IndependentLsoa[] | undefined;
/** Leeds LSOA 2021: IoD2025 IMD decile and ward (wd24cd column of the IoD file) + centroid. */
export function leedsLsoas(): IndependentLsoa[] {
  if (leeds) return leeds;
  const cent = new Map(
    table('lookups/lsoa21_population_weighted_centroids_ew.csv').map((r) => [
      r.get('lsoa21cd')!,
      [Number(r.get('lon')), Number(r.get('lat'))] as [number, number],
    ]),
  );
  leeds = table('indices/iod2025_lsoa21_england.csv')
    .filter((r) => r.get('lad24cd') === 'E08000035')
    .map((r) => ({
      code: r.get('lsoa21cd')!,
      ward: r.get('wd24cd')!,
      decile: Number(r.get('imd_decile')),
      at: cent.get(r.get('lsoa21cd')!)!,
    }));
  return leeds;
}

/**
 * Community hub points read straight from the places files: named venues whose type includes
 * community_hub (with a postcode) and open libraries "Co-located with: Community hub", at their
 * postcode centroids (rows whose postcode is not in the LS table cannot be placed).
 */
export function independentHubPoints(): Array<{ label: string; at: [number, number] }> {
  const out: Array<{ label: string; at: [number, number] }> = [];
  for (const r of table('places/leeds_named_venues_compiled.csv')) {
    if (!r.get('type')!.split(';').includes('community_hub') || !r.get('postcode')) continue;
    const at = postcodeCentroid(r.get('postcode')!);
    if (at) out.push({ label: r.get('name')!, at });
  }
  for (const r of table('places/leeds_libraries.csv')) {
    if (r.get('Year closed') !== '' || !/community hub/i.test(r.get('Co-located with') ?? '') || !r.get('Postcode'))
      continue;
    const at = postcodeCentroid(r.get('Postcode')!);
    if (at) out.push({ label: r.get('Library name')!, at });
  }
  return out;
}
