/**
 * The shown imported venues as the table view's second table: each venue with its list, how it was
 * placed (a postcode centroid is approximate) and the LSOA and ward it is in. Built from the same
 * venues the map layer draws, so the table and the map agree.
 */
import type { ImportedVenue } from './place';

export interface VenueTableRow {
  id: string;
  name: string;
  category: string;
  list: string;
  placedBy: string;
  lsoa: string;
  ward: string;
}

export const PLACED_BY_LABEL: Record<ImportedVenue['placedBy'], string> = {
  coordinates: 'coordinates',
  grid: 'grid reference',
  postcode: 'postcode centroid (approximate)',
};

const ORDER = new Intl.Collator('en-GB', { numeric: true });

export function venueTableRows(
  shown: readonly { venue: ImportedVenue; listName: string }[],
  wardOfLsoa: (lsoaCode: string) => string,
): VenueTableRow[] {
  return shown
    .map(({ venue: v, listName }) => ({
      id: v.id,
      name: v.name,
      category: v.category,
      list: listName,
      placedBy: PLACED_BY_LABEL[v.placedBy],
      lsoa: v.lsoaCode,
      ward: wardOfLsoa(v.lsoaCode),
    }))
    .sort((a, b) => ORDER.compare(a.name, b.name) || ORDER.compare(a.id, b.id));
}
