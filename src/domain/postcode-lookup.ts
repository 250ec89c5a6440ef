import { postcodeFileKey, POSTCODE_NEIGHBOUR_KM, type PostcodeDistrict } from '../data/contract';
import { inwardCode, postcodeDistrict } from '../data/postcode';

/**
 * What the atlas knows about a full postcode (a postcodeKey, "LS7 3EX"). The one geocoder: search,
 * pasted and imported venue lists all use it. `lon`/`lat` are the NSPL centre point.
 * - found: in one of this council's LSOAs;
 * - otherCouncil: near this council (within POSTCODE_NEIGHBOUR_KM) but in another council's LSOA;
 * - outside: near this council but in no English LSOA (Wales, Scotland, just off the coast);
 * - noCoordinates: the NSPL lists it without coordinates, so it cannot be placed;
 * - unknown / unknownDistrict: not among this map's postcodes.
 */
export type PostcodeLookup =
  | { kind: 'found'; postcode: string; lon: number; lat: number; lsoaCode: string }
  | {
      kind: 'otherCouncil';
      postcode: string;
      lon: number;
      lat: number;
      lsoaCode: string;
      council: { code: string; name: string };
    }
  | { kind: 'outside'; postcode: string; lon: number; lat: number }
  | { kind: 'noCoordinates'; postcode: string }
  | { kind: 'unknown'; postcode: string; district: string }
  | { kind: 'unknownDistrict'; postcode: string; district: string; districts: readonly string[] };

/** Which postcode files the build wrote (DataMetadata.postcodeDistricts / postcodeSplitDistricts). */
export interface PostcodeIndex {
  districts: readonly string[];
  splitDistricts?: readonly string[];
}

/**
 * Looks a postcode key up in the one file that can hold it (its district's, or its sector's when the
 * district is split), loading only that file, and nothing at all when the district is not one the
 * build has. `loadFile` takes a file key ("LS7", "SE1-7").
 */
export async function lookupPostcode(
  key: string,
  index: PostcodeIndex,
  loadFile: (fileKey: string) => Promise<PostcodeDistrict>,
): Promise<PostcodeLookup> {
  const district = postcodeDistrict(key);
  const inward = inwardCode(key);
  if (!index.districts.includes(district))
    return { kind: 'unknownDistrict', postcode: key, district, districts: index.districts };
  const file = await loadFile(postcodeFileKey(district, inward, index.splitDistricts ?? []));
  return lookupInFile(key, file);
}

/** The answer one loaded file gives for a postcode key of its district. */
export function lookupInFile(key: string, file: PostcodeDistrict): PostcodeLookup {
  const inward = inwardCode(key);
  const hit = file.postcodes[inward];
  if (!hit)
    return file.noCoordinates.includes(inward)
      ? { kind: 'noCoordinates', postcode: key }
      : { kind: 'unknown', postcode: key, district: file.district };
  const [lon, lat, i] = hit;
  const lsoaCode = i >= 0 ? file.lsoaCodes[i] : undefined;
  if (lsoaCode === undefined) return { kind: 'outside', postcode: key, lon, lat };
  const council = file.councils[file.lsoaCouncils[i] ?? -1];
  return council
    ? { kind: 'otherCouncil', postcode: key, lon, lat, lsoaCode, council }
    : { kind: 'found', postcode: key, lon, lat, lsoaCode };
}

/** Said with every postcode found: the directory cannot tell a terminated postcode from a live one. */
export const TERMINATED_NOTE =
  'The postcode directory (NSPL, May 2025) lists live and terminated postcodes alike, so this may be a postcode no longer in use.';

/** The sentence search shows for a lookup (text, never HTML). */
export function postcodeMessage(r: PostcodeLookup): string {
  switch (r.kind) {
    case 'found':
      return `${r.postcode} is in LSOA ${r.lsoaCode} (placed by the postcode's centre point). ${TERMINATED_NOTE}`;
    case 'otherCouncil':
      return `${r.postcode} is in ${r.council.name} (LSOA ${r.lsoaCode}), not in the area this map shows. ${TERMINATED_NOTE}`;
    case 'outside':
      return `${r.postcode} is a known postcode near this area, but its centre lies outside every English LSOA (in Wales or Scotland, or just off the coast), so the atlas cannot place it.`;
    case 'noCoordinates':
      return `${r.postcode} is in the postcode directory but has no coordinates there, so it cannot be placed on the map.`;
    case 'unknown':
      return `${r.postcode} was not found among this map's postcodes in district ${r.district} (the map has the area's postcodes and those within ${POSTCODE_NEIGHBOUR_KM} km of its boundary).`;
    case 'unknownDistrict':
      return `${r.postcode} is in postcode district ${r.district}, which this map does not cover. Districts covered: ${r.districts.join(', ')}.`;
    default: {
      const unreachable: never = r;
      return unreachable;
    }
  }
}

/**
 * The link to the other council's atlas for a postcode there, in a build:sites folder where each
 * council's atlas sits at /<code>/ beside the others (the page's path ends in its own code's folder);
 * null in a single-council build, where no sibling atlas exists.
 */
export function otherCouncilHref(pathname: string, ownCode: string, r: PostcodeLookup): string | null {
  if (r.kind !== 'otherCouncil' || !/^E0\d{7}$/.test(r.council.code) || ownCode === '') return null;
  if (!new RegExp(`/${ownCode}/(index\\.html)?$`).test(pathname)) return null;
  return `../${r.council.code}/?sel=lsoa:${r.lsoaCode}`;
}
