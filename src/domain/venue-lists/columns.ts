import { PLACES_COLUMNS, type PlacesColumn } from '../../data/council-folder';
/**
 * The columns of a venue list: the canonical keys (shared with the build-side places-file schema
 * of content/<code>/venues/), and a first guess of which of a file's headers holds which.
 */

/**
 * Canonical keys, in the order the mapping step shows them: the build's places-file columns
 * (src/data/council-folder.ts), less `source` (a published list's provenance is the list's own).
 */
export type VenueKey = Exclude<PlacesColumn, 'source'>;
export const VENUE_KEYS: readonly VenueKey[] = PLACES_COLUMNS.filter((k): k is VenueKey => k !== 'source');

/** Which column (0-based index into the headers) holds each key; null = not in this file. */
export type VenueMapping = Record<VenueKey, number | null>;

export const VENUE_KEY_LABEL: Record<VenueKey, string> = {
  name: 'Name',
  category: 'Type or category',
  postcode: 'Postcode',
  latitude: 'Latitude',
  longitude: 'Longitude',
  easting: 'Easting (British National Grid)',
  northing: 'Northing (British National Grid)',
  address: 'Address',
  opening_times: 'Opening times',
  start_date: 'Start date',
  end_date: 'End date',
  link: 'Link',
  notes: 'Notes',
};

/** Header spellings seen in council spreadsheets, compared lower-case with spaces, _ and - removed. */
const SYNONYMS: Record<VenueKey, readonly string[]> = {
  name: [
    'name',
    'venue',
    'venuename',
    'site',
    'sitename',
    'title',
    'location',
    'locationname',
    'organisation',
    'place',
  ],
  category: ['category', 'type', 'venuetype', 'kind', 'service', 'servicetype', 'group'],
  postcode: ['postcode', 'postalcode', 'post', 'pc', 'zip'],
  latitude: ['latitude', 'lat', 'y_wgs84'],
  longitude: ['longitude', 'lon', 'long', 'lng', 'x_wgs84'],
  easting: ['easting', 'eastings', 'east', 'x', 'osgbx', 'bngx'],
  northing: ['northing', 'northings', 'north', 'y', 'osgby', 'bngy'],
  address: ['address', 'streetaddress', 'address1', 'addressline1', 'fulladdress', 'street'],
  opening_times: ['openingtimes', 'openinghours', 'hours', 'opening', 'times', 'when'],
  start_date: ['startdate', 'start', 'from', 'datefrom', 'opens', 'begins'],
  end_date: ['enddate', 'end', 'to', 'dateto', 'until', 'closes', 'ends'],
  link: ['link', 'url', 'website', 'web', 'webpage'],
  notes: ['notes', 'note', 'comments', 'comment', 'description', 'details', 'info'],
};

const squash = (h: string): string => h.toLowerCase().replace(/[\s_\-.()]+/g, '');

/** A guess per key: the first header that is an exact synonym; each header used at most once. */
export function guessMapping(headers: readonly string[]): VenueMapping {
  const used = new Set<number>();
  const squashed = headers.map(squash);
  const out = Object.fromEntries(VENUE_KEYS.map((k) => [k, null])) as VenueMapping;
  for (const key of VENUE_KEYS) {
    const i = squashed.findIndex((h, j) => !used.has(j) && SYNONYMS[key].includes(h));
    if (i >= 0) {
      out[key] = i;
      used.add(i);
    }
  }
  return out;
}

/** The mapping by header name, to apply to another file of the same layout (re-import, publishing). */
export function mappingByHeader(mapping: VenueMapping, headers: readonly string[]): Partial<Record<VenueKey, string>> {
  const out: Partial<Record<VenueKey, string>> = {};
  for (const k of VENUE_KEYS) {
    const i = mapping[k];
    const h = i === null ? undefined : headers[i];
    if (h !== undefined) out[k] = h;
  }
  return out;
}

/** A by-header mapping applied to a file's headers; null when a mapped header is missing from it. */
export function mappingForHeaders(
  byHeader: Partial<Record<VenueKey, string>>,
  headers: readonly string[],
): { mapping: VenueMapping } | { missing: string[] } {
  const mapping = Object.fromEntries(VENUE_KEYS.map((k) => [k, null])) as VenueMapping;
  const missing: string[] = [];
  for (const k of VENUE_KEYS) {
    const h = byHeader[k];
    if (h === undefined) continue;
    const i = headers.indexOf(h);
    if (i < 0) missing.push(h);
    else mapping[k] = i;
  }
  return missing.length > 0 ? { missing } : { mapping };
}

/** Why a mapping cannot place anything, or null when it can. */
export function mappingProblem(m: VenueMapping): string | null {
  if (m.name === null) return 'Choose the column that holds each venue’s name.';
  const hasLatLon = m.latitude !== null && m.longitude !== null;
  const hasGrid = m.easting !== null && m.northing !== null;
  if (!hasLatLon && !hasGrid && m.postcode === null)
    return 'Choose a postcode column, or latitude and longitude, or easting and northing, so the venues can be placed.';
  if ((m.latitude === null) !== (m.longitude === null))
    return 'Latitude and longitude go together: choose both or neither.';
  if ((m.easting === null) !== (m.northing === null))
    return 'Easting and northing go together: choose both or neither.';
  return null;
}
