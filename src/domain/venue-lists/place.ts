/**
 * Where each row of a venue list goes: by latitude/longitude, by British National Grid
 * easting/northing, or by postcode (the postcode's centroid from the atlas's postcode files,
 * approximate). Every row ends in one outcome, and every problem names the row and the column.
 * Pure: the postcode files and the council's areas are passed in.
 */
import { postcodeFileKey, type PostcodeDistrict } from '../../data/contract';
import { inwardCode, isFullPostcode, postcodeDistrict, postcodeKey } from '../../data/postcode';
import { parseDecimal } from '../decimal';
import { lookupInFile, type PostcodeIndex } from '../postcode-lookup';
import type { SheetRow } from '../table-file';
import { VENUE_KEYS, type VenueKey, type VenueMapping } from './columns';
import { outsideEngland, type AreaLocator } from './inside';
import { gridToLonLat, isGridReference } from './osgb';

export type RowStatus =
  | 'placed'
  | 'placed-postcode'
  | 'postcode-not-found'
  | 'outside-council'
  | 'outside-england'
  | 'no-location'
  | 'duplicate'
  | 'missing-name';

export const ROW_STATUS_LABEL: Record<RowStatus, string> = {
  placed: 'placed',
  'placed-postcode': 'placed by postcode centroid (approximate)',
  'postcode-not-found': 'postcode not found',
  'outside-council': 'outside this council (listed, not drawn)',
  'outside-england': 'outside England (listed, not drawn)',
  'no-location': 'no usable location',
  duplicate: 'duplicate (not drawn again)',
  'missing-name': 'missing name',
};

/** A placed venue: what the layer draws and the profile shows. */
export interface ImportedVenue {
  /** `<list id>:<row>`: unique across lists, stable across reloads. */
  id: string;
  row: number;
  name: string;
  category: string;
  lonLat: [number, number];
  placedBy: 'coordinates' | 'grid' | 'postcode';
  lsoaCode: string;
  /** The row's own cells as [header, value], non-empty only, in file order: shown as text. */
  fields: [string, string][];
}

export interface RowOutcome {
  row: number;
  status: RowStatus;
  /** The row's name cell (may be empty). */
  name: string;
  /** The header of the column the problem is in, when there is one. */
  column: string | null;
  /** A plain sentence: "row 7, column Postcode: LS99 9ZZ is not in this council's postcode files." */
  message: string;
  /** Set for a point that was found (placed, outside the council). */
  lonLat?: [number, number];
}

export interface PlaceContext {
  listId: string;
  headers: readonly string[];
  mapping: VenueMapping;
  /** Postcode files loaded, by file key ("LS7", "SE1-7"). */
  postcodeFiles: ReadonlyMap<string, PostcodeDistrict>;
  /** Which postcode files the build wrote. */
  postcodeIndex: PostcodeIndex;
  areas: AreaLocator;
}

const cellOf = (row: SheetRow, ctx: PlaceContext, key: VenueKey): string => {
  const i = ctx.mapping[key];
  return i === null ? '' : (row.cells[i] ?? '').trim();
};
const headerOf = (ctx: PlaceContext, key: VenueKey): string => {
  const i = ctx.mapping[key];
  return i === null ? key : (ctx.headers[i] ?? key);
};

/** A decimal, accepting a comma as the decimal mark ("53,8"), which semicolon-separated files use. */
function coordinate(raw: string): number | null {
  return parseDecimal(/^-?\d+,\d+$/.test(raw) ? raw.replace(',', '.') : raw);
}

/** The postcode files (keys) a list's rows need, among those the build wrote: to load before placing. */
export function postcodeFilesNamed(rows: readonly SheetRow[], mapping: VenueMapping, index: PostcodeIndex): string[] {
  const i = mapping.postcode;
  if (i === null) return [];
  const out = new Set<string>();
  for (const r of rows) {
    const key = postcodeKey(r.cells[i] ?? '');
    const district = postcodeDistrict(key);
    if (isFullPostcode(key) && index.districts.includes(district))
      out.add(postcodeFileKey(district, inwardCode(key), index.splitDistricts ?? []));
  }
  return [...out].sort();
}

type Located = { lonLat: [number, number]; by: ImportedVenue['placedBy']; column: VenueKey } | { problem: RowOutcome };

function locate(row: SheetRow, ctx: PlaceContext, name: string): Located | null {
  const problem = (key: VenueKey, status: RowStatus, text: string): Located => ({
    problem: {
      row: row.row,
      status,
      name,
      column: headerOf(ctx, key),
      message: `row ${row.row}, column ${headerOf(ctx, key)}: ${text}`,
    },
  });
  const lat = cellOf(row, ctx, 'latitude');
  const lon = cellOf(row, ctx, 'longitude');
  if (lat !== '' || lon !== '') {
    const y = coordinate(lat);
    const x = coordinate(lon);
    if (y === null || Math.abs(y) > 90)
      return problem('latitude', 'no-location', `“${lat}” is not a latitude in degrees.`);
    if (x === null || Math.abs(x) > 180)
      return problem('longitude', 'no-location', `“${lon}” is not a longitude in degrees.`);
    return { lonLat: [x, y], by: 'coordinates', column: 'latitude' };
  }
  const east = cellOf(row, ctx, 'easting');
  const north = cellOf(row, ctx, 'northing');
  if (east !== '' || north !== '') {
    const e = coordinate(east);
    const n = coordinate(north);
    if (e === null || n === null || !isGridReference(e, n))
      return problem(
        e === null ? 'easting' : 'northing',
        'no-location',
        `“${east}, ${north}” is not a British National Grid easting and northing in metres.`,
      );
    return { lonLat: gridToLonLat(e, n), by: 'grid', column: 'easting' };
  }
  const raw = cellOf(row, ctx, 'postcode');
  if (raw !== '') {
    const key = postcodeKey(raw);
    if (!isFullPostcode(key)) return problem('postcode', 'postcode-not-found', `“${raw}” is not a full postcode.`);
    const district = postcodeDistrict(key);
    const file = ctx.postcodeFiles.get(
      postcodeFileKey(district, inwardCode(key), ctx.postcodeIndex.splitDistricts ?? []),
    );
    if (!ctx.postcodeIndex.districts.includes(district) || !file)
      return problem(
        'postcode',
        'postcode-not-found',
        `${key} is in district ${district}, which this council’s postcode files do not cover.`,
      );
    // The one geocoder (search uses it too).
    const hit = lookupInFile(key, file);
    switch (hit.kind) {
      case 'found':
        return { lonLat: [hit.lon, hit.lat], by: 'postcode', column: 'postcode' };
      case 'otherCouncil':
        return problem('postcode', 'outside-council', `${key} is in ${hit.council.name}, not in this council.`);
      case 'outside':
        return problem(
          'postcode',
          'outside-england',
          `${key} lies outside every English LSOA (Wales, Scotland or off the coast).`,
        );
      case 'noCoordinates':
        return problem('postcode', 'postcode-not-found', `${key} has no coordinates in the postcode directory.`);
      default:
        return problem('postcode', 'postcode-not-found', `${key} is not in this council’s postcode files.`);
    }
  }
  return null;
}

/** One row's outcome, and the venue when it is drawn. Duplicates are found afterwards (markDuplicates). */
export function placeRow(row: SheetRow, ctx: PlaceContext): { outcome: RowOutcome; venue: ImportedVenue | null } {
  const name = cellOf(row, ctx, 'name');
  const base = { row: row.row, name };
  if (name === '') {
    const col = headerOf(ctx, 'name');
    return {
      outcome: {
        ...base,
        status: 'missing-name',
        column: col,
        message: `row ${row.row}, column ${col}: the name is empty.`,
      },
      venue: null,
    };
  }
  const at = locate(row, ctx, name);
  if (!at) {
    return {
      outcome: {
        ...base,
        status: 'no-location',
        column: null,
        message: `row ${row.row}: no postcode, coordinates or grid reference.`,
      },
      venue: null,
    };
  }
  if ('problem' in at) return { outcome: at.problem, venue: null };
  const col = headerOf(ctx, at.column);
  if (outsideEngland(at.lonLat)) {
    return {
      outcome: {
        ...base,
        status: 'outside-england',
        column: col,
        message: `row ${row.row}, column ${col}: the point (${at.lonLat[1]}, ${at.lonLat[0]}) is outside England.`,
        lonLat: at.lonLat,
      },
      venue: null,
    };
  }
  const lsoaCode = ctx.areas.lsoaAt(at.lonLat);
  if (!lsoaCode) {
    return {
      outcome: {
        ...base,
        status: 'outside-council',
        column: col,
        message: `row ${row.row}, column ${col}: the point is outside this council’s area.`,
        lonLat: at.lonLat,
      },
      venue: null,
    };
  }
  const status: RowStatus = at.by === 'postcode' ? 'placed-postcode' : 'placed';
  const how =
    at.by === 'postcode'
      ? 'at the postcode’s centroid (approximate)'
      : at.by === 'grid'
        ? 'by its grid reference'
        : 'by its coordinates';
  const fields: [string, string][] = ctx.headers.flatMap((h, i): [string, string][] => {
    const v = (row.cells[i] ?? '').trim();
    return v === '' ? [] : [[h, v]];
  });
  const venue: ImportedVenue = {
    id: `${ctx.listId}:${row.row}`,
    row: row.row,
    name,
    category: cellOf(row, ctx, 'category') || 'Uncategorised',
    lonLat: at.lonLat,
    placedBy: at.by,
    lsoaCode,
    fields,
  };
  return {
    outcome: { ...base, status, column: null, message: `row ${row.row}: placed ${how}.`, lonLat: at.lonLat },
    venue,
  };
}

/** A row's identity for duplicate-finding: its name and every other mapped cell, compared loosely. */
export function duplicateKey(row: SheetRow, mapping: VenueMapping): string {
  return VENUE_KEYS.map((k) => {
    const i = mapping[k];
    return i === null ? '' : (row.cells[i] ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  }).join('\u0001');
}
