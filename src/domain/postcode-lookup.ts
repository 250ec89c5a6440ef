import type { PostcodeDistrict } from '../data/contract';
import { inwardCode, postcodeDistrict } from '../data/postcode';

/** What search says about a full postcode the person typed. */
export type PostcodeLookup =
  | { kind: 'found'; postcode: string; lsoaCode: string }
  | { kind: 'outside'; postcode: string }
  | { kind: 'unknown'; postcode: string; district: string }
  | { kind: 'unknownDistrict'; postcode: string; district: string; districts: readonly string[] };

/**
 * Looks a postcode key ("LS7 3EX") up in its district's file, loading only that file, and nothing
 * at all when the district is not one the area has (`districts`, from the metadata).
 */
export async function lookupPostcode(key: string, districts: readonly string[], loadDistrict: (district: string) => Promise<PostcodeDistrict>): Promise<PostcodeLookup> {
  const district = postcodeDistrict(key);
  if (!districts.includes(district)) return { kind: 'unknownDistrict', postcode: key, district, districts };
  const hit = postcodeEntry(key, await loadDistrict(district));
  if (!hit) return { kind: 'unknown', postcode: key, district };
  return hit.lsoaCode ? { kind: 'found', postcode: key, lsoaCode: hit.lsoaCode } : { kind: 'outside', postcode: key };
}

/** A postcode's centroid and LSOA (null = outside the area) in its district's file, or null when the file does not list it. */
export function postcodeEntry(key: string, file: PostcodeDistrict): { lonLat: [number, number]; lsoaCode: string | null } | null {
  const hit = file.postcodes[inwardCode(key)];
  if (!hit) return null;
  return { lonLat: [hit[0], hit[1]], lsoaCode: (hit[2] >= 0 ? file.lsoaCodes[hit[2]] : undefined) ?? null };
}

/** The sentence search shows for a lookup (text, never HTML). */
export function postcodeMessage(r: PostcodeLookup): string {
  switch (r.kind) {
    case 'found':
      return `${r.postcode} is in LSOA ${r.lsoaCode} (placed by the postcode's centre point).`;
    case 'outside':
      return `${r.postcode} is a known postcode but lies outside the area shown on this map.`;
    case 'unknown':
      return `${r.postcode} was not found among this map's postcodes in district ${r.district}.`;
    case 'unknownDistrict':
      return `${r.postcode} is in postcode district ${r.district}, which this map does not cover. Districts covered: ${r.districts.join(', ')}.`;
    default: {
      const unreachable: never = r;
      return unreachable;
    }
  }
}
