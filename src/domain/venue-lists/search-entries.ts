/**
 * The person's imported venues as search entries: found by name, category or list name, with the
 * point the map moves to. Their id is the venue's own (`<list id>:<row>`), so choosing one opens its
 * profile in the venue-lists panel.
 */
import type { SearchEntry } from '../search';
import type { ImportedVenue } from './place';

export function importedVenueEntries(shown: readonly { venue: ImportedVenue; listName: string }[]): SearchEntry[] {
  return shown.map(({ venue: v, listName }) => ({
    kind: 'list-venue',
    id: v.id,
    at: v.lonLat,
    label: v.name,
    keywords: `${v.category} ${listName}`,
    detail: `${v.category ? `${v.category} · ` : ''}your list “${listName}”${v.placedBy === 'postcode' ? ' · placed by postcode centroid (approximate)' : ''}`,
  }));
}
