/**
 * A venue list as kept in the browser (IndexedDB, src/state/venue-list-db.ts): the rows as read,
 * the mapping by header, and what placing gave. Versioned; anything else read back is dropped.
 */
import type { SheetRow } from '../table-file';
import type { VenueKey } from './columns';
import type { ImportedVenue, RowOutcome, RowStatus } from './place';

export const STORED_LIST_VERSION = 1;

export interface StoredVenueList {
  version: typeof STORED_LIST_VERSION;
  id: string;
  /** Council (local authority) code the list was placed against. */
  council: string;
  name: string;
  /** ISO date-time of the (last) import. */
  importedAt: string;
  sourceFile: string;
  headers: string[];
  rows: SheetRow[];
  mapping: Partial<Record<VenueKey, string>>;
  venues: ImportedVenue[];
  outcomes: RowOutcome[];
  counts: Record<RowStatus, number>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Enough of a shape check that the app never trips over an old or damaged entry. */
export function isStoredVenueList(v: unknown): v is StoredVenueList {
  if (!isObj(v) || v['version'] !== STORED_LIST_VERSION) return false;
  const strings = ['id', 'council', 'name', 'importedAt', 'sourceFile'].every((k) => typeof v[k] === 'string');
  const arrays = ['headers', 'rows', 'venues', 'outcomes'].every((k) => Array.isArray(v[k]));
  return strings && arrays && isObj(v['mapping']) && isObj(v['counts']);
}

/** A new list id: 12 lower-case letters and digits (the URL names lists by it). */
export function newListId(random: () => number = Math.random): string {
  const abc = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 12 }, () => abc[Math.floor(random() * abc.length)] ?? 'a').join('');
}
