/**
 * The one postcode key: how postcodes/<DISTRICT>.json files key their entries (scripts/pipeline/postcodes.ts), how the
 * interventions step matches postcodes, and how search looks up what a person typed. In src/data
 * so both the pipeline and the app's domain may import it.
 */

/** "ls101aa" / "LS10 1AA" / " LS10  1AA " → "LS10 1AA": upper case, one space before the inward code (the last 3 characters). */
export function postcodeKey(raw: string): string {
  const compact = raw.toUpperCase().replace(/\s+/g, '');
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

/** A key shaped like a full UK postcode: outward code (2–4 characters), space, digit and 2 letters. */
const FULL_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/;

export function isFullPostcode(key: string): boolean {
  return FULL_POSTCODE.test(key);
}

/** "LS7 3EX" → "LS7": the outward code (district), which names the file search loads. Takes a postcodeKey(). */
export function postcodeDistrict(key: string): string {
  const space = key.indexOf(' ');
  return space < 0 ? key : key.slice(0, space);
}

/** "LS7 3EX" → "3EX": the inward code, the key within the district file. Takes a postcodeKey(). */
export function inwardCode(key: string): string {
  const space = key.indexOf(' ');
  return space < 0 ? '' : key.slice(space + 1);
}
