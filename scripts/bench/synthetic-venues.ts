/**
 * The benchmark's synthetic venue list (issue 25): 5,000 rows whose places are real postcodes of the
 * council's own postcode files (the geodata being served), with obviously synthetic names
 * ("Synthetic venue 0001") and categories. Two rows in three give only the postcode (placed by the
 * app's postcode lookup, one district file per district named); the third gives that postcode's
 * centre as latitude/longitude, so both ways of placing a row are timed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PostcodeDistrict } from '../../src/data/contract';

export const SYNTHETIC_VENUE_ROWS = 5000;

export interface SyntheticVenueList {
  csv: string;
  rows: number;
  /** Distinct postcode districts the postcode-only rows name. */
  districts: number;
  /** Each row's place [lon, lat] (its postcode's centre), for the baseline page to draw the same points. */
  points: Array<[number, number]>;
}

interface OwnPostcode {
  postcode: string;
  lon: number;
  lat: number;
}

/** The council's own postcodes (entries whose LSOA is one of its own), in file then code order. */
export function ownPostcodes(geoDir: string): OwnPostcode[] {
  const dir = path.join(geoDir, 'postcodes');
  const out: OwnPostcode[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const f = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as PostcodeDistrict;
    for (const [inward, [lon, lat, lsoa]] of Object.entries(f.postcodes)) {
      if (lsoa >= 0 && f.lsoaCouncils[lsoa] === -1) out.push({ postcode: `${f.district} ${inward}`, lon, lat });
    }
  }
  return out;
}

/** The CSV: header `Name,Category,Postcode,Latitude,Longitude`, `rows` rows spread over the council's postcodes. */
export function syntheticVenueCsv(geoDir: string, rows = SYNTHETIC_VENUE_ROWS): SyntheticVenueList {
  const own = ownPostcodes(geoDir);
  if (own.length === 0) throw new Error(`${geoDir}/postcodes has no postcode inside the council`);
  const lines = ['Name,Category,Postcode,Latitude,Longitude'];
  const districts = new Set<string>();
  const points: Array<[number, number]> = [];
  // A stride through the list spreads the venues over the whole council (the list is in district order).
  const stride = Math.max(1, Math.floor(own.length / rows));
  for (let i = 0; i < rows; i++) {
    const p = own[(i * stride) % own.length] as OwnPostcode;
    const name = `Synthetic venue ${String(i + 1).padStart(4, '0')}`;
    const category = `Synthetic category ${(i % 10) + 1}`;
    points.push([p.lon, p.lat]);
    if (i % 3 === 2) lines.push(`${name},${category},,${p.lat},${p.lon}`);
    else {
      lines.push(`${name},${category},${p.postcode},,`);
      districts.add(p.postcode.split(' ')[0] as string);
    }
  }
  return { csv: `${lines.join('\n')}\n`, rows, districts: districts.size, points };
}
