import { isFullPostcode, postcodeKey } from '../data/postcode';

/**
 * One thing a person can find by typing: a ward, an LSOA, a venue, a venue of the person's own
 * imported lists (`list-venue`), a place name (postcodes are looked up separately).
 */
export interface SearchEntry {
  kind: 'ward' | 'lsoa' | 'venue' | 'list-venue' | 'place';
  id: string;
  /** Where a place or imported venue is (lon, lat): they are not areas of the map, so the map moves to the point. */
  at?: [number, number];
  label: string;
  /** Extra words that should match (e.g. the LSOA code, "and" for "&"). */
  keywords: string;
  detail: string;
}

export function normaliseText(s: string): string {
  return s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "ls73ex" / "LS7  3EX" → "LS7 3EX" (the key of the postcodes/<DISTRICT>.json files); null when it is not shaped like a full postcode. */
export function normalisePostcode(raw: string): string | null {
  const key = postcodeKey(raw);
  return isFullPostcode(key) ? key : null;
}

/**
 * Ranks entries for a query: every query word must prefix-match a word of the label or keywords;
 * exact label matches first, then matches at the start of the label, then by kind and label.
 */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const words = normaliseText(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const kindOrder = { ward: 0, place: 1, venue: 2, 'list-venue': 2, lsoa: 3 } as const;
  const scored: { e: SearchEntry; score: number }[] = [];
  for (const e of entries) {
    const label = normaliseText(e.label);
    const hay = `${label} ${normaliseText(e.keywords)}`.split(' ');
    if (!words.every((w) => hay.some((h) => h.startsWith(w)))) continue;
    const q = words.join(' ');
    // A place name is context, not an area of the map: its exact match ranks with other labels that
    // start with the query, so "Burmantofts" still lists the ward before the neighbourhood name.
    const score = label === q ? (e.kind === 'place' ? 1 : 0) : label.startsWith(q) ? 1 : 2;
    scored.push({ e, score });
  }
  scored.sort(
    (a, b) => a.score - b.score || kindOrder[a.e.kind] - kindOrder[b.e.kind] || a.e.label.localeCompare(b.e.label),
  );
  return scored.slice(0, limit).map((s) => s.e);
}
