/**
 * The imported venue lists in IndexedDB (one store, keyed by list id, indexed by council): they
 * survive a reload and work offline. Every failure (no IndexedDB in a private window, quota full,
 * blocked) becomes a plain message; the app keeps working with what it has in memory.
 */
import { isStoredVenueList, type StoredVenueList } from '../domain/venue-lists/stored';

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

/** The council's lists, oldest first; damaged entries are left out. */
export async function listsFor(council: string): Promise<StoredVenueList[]> {
  const all = await run('readonly', (s) => s.index('council').getAll(council));
  return all
    .filter(isStoredVenueList)
    .sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id));
}

export function putList(list: StoredVenueList): Promise<unknown> {
  return run('readwrite', (s) => s.put(list));
}

export function deleteList(id: string): Promise<unknown> {
  return run('readwrite', (s) => s.delete(id));
}
