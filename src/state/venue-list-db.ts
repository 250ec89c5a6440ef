/**
 * The imported venue lists in IndexedDB (one store, keyed by list id, indexed by council): they
 * survive a reload and work offline. Every failure (no IndexedDB in a private window, quota full,
 * blocked) becomes a plain message; the app keeps working with what it has in memory.
 *
 * A list's three long arrays (rows, venues, outcomes: 5,000 entries each for a 5,000-row file) are
 * kept as one JSON Blob (`packed`), written a slice at a time between frames: IndexedDB copies a
 * plain value on the calling thread in one go (a structured clone of every row and venue, 100–230 ms
 * for 5,000 rows on this machine under load), while a Blob is stored by reference. Entries written
 * before this with the arrays inline are still read.
 */
import { isStoredVenueList, type StoredVenueList } from '../domain/venue-lists/stored';
import { jsonInSlices } from './json-in-slices';

const DB_NAME = 'neighbourhood-atlas-venue-lists';
const DB_VERSION = 1;
const STORE = 'lists';

export class VenueStorageError extends Error {}

function reason(e: unknown): string {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError') return 'the browser’s storage for this site is full';
  if (name === 'InvalidStateError' || name === 'SecurityError')
    return 'this browser does not allow this site to store data (a private window, or storage switched off)';
  return e instanceof Error ? e.message : 'storage is unavailable';
}

let dbPromise: Promise<IDBDatabase> | undefined;
function open(): Promise<IDBDatabase> {
  dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new VenueStorageError('this browser has no IndexedDB storage'));
      return;
    }
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (e) {
      reject(new VenueStorageError(reason(e)));
      return;
    }
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(STORE, { keyPath: 'id' });
      store.createIndex('council', 'council');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new VenueStorageError(reason(req.error)));
    req.onblocked = () =>
      reject(new VenueStorageError('another tab is upgrading the stored lists; close it and reload'));
  });
  dbPromise.catch(() => (dbPromise = undefined));
  return dbPromise;
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        let tx: IDBTransaction;
        try {
          tx = db.transaction(STORE, mode);
        } catch (e) {
          reject(new VenueStorageError(reason(e)));
          return;
        }
        const req = work(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(req.result);
        tx.onabort = () => reject(new VenueStorageError(reason(tx.error ?? req.error)));
        tx.onerror = () => reject(new VenueStorageError(reason(tx.error ?? req.error)));
      }),
  );
}

const PACKED_KEYS = ['rows', 'venues', 'outcomes'] as const;

/** An entry as read back: the list with its long arrays inline (older entries) or packed in a Blob. */
async function unpack(entry: unknown): Promise<unknown> {
  if (typeof entry !== 'object' || entry === null) return entry;
  const packed = (entry as { packed?: unknown }).packed;
  if (!(packed instanceof Blob)) return entry;
  try {
    const arrays: unknown = JSON.parse(await packed.text());
    if (typeof arrays !== 'object' || arrays === null) return null;
    const { packed: _, ...rest } = entry as Record<string, unknown>;
    return { ...rest, ...arrays };
  } catch {
    return null;
  }
}

/** The council's lists, oldest first; damaged entries are left out. */
export async function listsFor(council: string): Promise<StoredVenueList[]> {
  const all = await run('readonly', (s) => s.index('council').getAll(council));
  const lists = await Promise.all(all.map(unpack));
  return lists
    .filter(isStoredVenueList)
    .sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id));
}

/**
 * Resolves when the browser is idle (at most `timeoutMs` later). IndexedDB copies a value on the
 * calling thread when `put` is called (a structured clone: ~20 ms for a 5,000-row list here), so a
 * write started in the task that shows a new list would lengthen that task; started when idle it is
 * a task of its own, after the map and the panel have drawn.
 */
export function whenIdle(timeoutMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}

/**
 * Writes (or replaces) a list, then one small put when idle: its long arrays as the Blob `packed`
 * when the import's worker made it (the same JSON), else packed here a slice at a time.
 */
export async function putList(list: StoredVenueList, packedAlready?: Blob): Promise<unknown> {
  const { rows, venues, outcomes, ...meta } = list;
  const packed =
    packedAlready ??
    new Blob(await jsonInSlices({ rows, venues, outcomes }, PACKED_KEYS), { type: 'application/json' });
  await whenIdle();
  return run('readwrite', (s) => s.put({ ...meta, packed }));
}

export function deleteList(id: string): Promise<unknown> {
  return run('readwrite', (s) => s.delete(id));
}
