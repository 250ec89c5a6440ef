/**
 * What the page and the venue-list worker (venue-list-worker.ts) say to each other. One worker
 * serves one import: it reads the file, keeps the table, and when asked places every row (postcode
 * files fetched by the worker itself), packs what is stored, and sends the result back.
 *
 * Long arrays travel in parts of PART_SIZE items, one message each: the page decodes each message
 * in a task of its own (a structured clone of 5,000 placed rows at once took 50–250 ms on this
 * 2-core machine under load), so frames are drawn between the parts.
 */
import type { TableRead, SheetRow } from '../domain/table-file';
import type { VenueMapping } from '../domain/venue-lists/columns';
import type { FlatAreas } from '../domain/venue-lists/flat-areas';
import type { ImportedVenue, RowOutcome, RowStatus } from '../domain/venue-lists/place';
import type { PostcodeIndex } from '../domain/postcode-lookup';

export const PART_SIZE = 500;

export type VenueImportPhase = 'reading' | 'parsing' | 'placing';

export type VenueWorkerRequest =
  | { kind: 'read'; file: Blob; name: string }
  | {
      kind: 'place';
      listId: string;
      mapping: VenueMapping;
      postcodeIndex: PostcodeIndex;
      /** Absolute URL of the geo/ folder (geoBaseHref). */
      geoBase: string;
      areas: FlatAreas;
    };

export type VenueWorkerMessage =
  | { kind: 'progress'; phase: VenueImportPhase; percent: number }
  /** Part of the table's rows (sent before `table`). */
  | { kind: 'rows'; rows: SheetRow[] }
  /** The table with its rows left out (they came in `rows` parts), or the refusal. */
  | { kind: 'table'; result: TableRead }
  /** Part of the placed venues and of the outcomes (sent before `placed`). */
  | { kind: 'placed-part'; venues: ImportedVenue[]; outcomes: RowOutcome[] }
  /** The end of placing: the counts and the stored form of rows, venues and outcomes (venue-list-db.ts). */
  | { kind: 'placed'; counts: Record<RowStatus, number>; packed: Blob }
  | { kind: 'failed'; message: string };

/** `items` in parts of `size`, in order (none for an empty list). */
export function inParts<T>(items: readonly T[], size = PART_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
