/**
 * The imported venue lists of this council: kept in IndexedDB (venue-list-db.ts), shown as chosen
 * in the URL (`vl=`, ids only), drawn as one layer. Storage failures become `notice`; the lists
 * stay usable in memory for the session.
 */
import { batch, createMemo, createSignal, onMount, type Accessor } from 'solid-js';
import type { FeatureCollection, MultiPoint } from 'geojson';
import type { SearchEntry } from '../domain/search';
import { importedVenueEntries } from '../domain/venue-lists/search-entries';
import { categorySymbols, type CategorySymbol } from '../domain/venue-lists/styles';
import { venueIconFeatures, type VenueIconProps } from '../domain/venue-lists/map-points';
import type { ImportedVenue } from '../domain/venue-lists/place';
import type { StoredVenueList } from '../domain/venue-lists/stored';
import { deleteList, listsFor, putList } from './venue-list-db';

export interface VenueListsStore {
  lists: Accessor<StoredVenueList[]>;
  /** False until the stored lists have been read (or found unreadable). */
  ready: Accessor<boolean>;
  notice: Accessor<string | null>;
  shownIds: Accessor<readonly string[]>;
  setShown: (id: string, shown: boolean) => void;
  /** Venues of the shown lists. */
  venues: Accessor<ImportedVenue[]>;
  symbols: Accessor<CategorySymbol[]>;
  /** The map's source: one MultiPoint per icon, holding the shown venues of its categories (map-points.ts). */
  collection: Accessor<FeatureCollection<MultiPoint, VenueIconProps>>;
  byId: Accessor<ReadonlyMap<string, { venue: ImportedVenue; list: StoredVenueList }>>;
  /** The shown venues, each with the name of its list (search, the table view, the briefing). */
  withLists: Accessor<{ venue: ImportedVenue; listName: string }[]>;
  /** The shown venues as search entries (found by name, category or list). */
  searchEntries: Accessor<SearchEntry[]>;
  selected: Accessor<string | null>;
  select: (id: string | null) => void;
  /** Shows and keeps a list; `packed` is its rows, venues and outcomes as stored, when already made (the import's worker). */
  save: (list: StoredVenueList, packed?: Blob) => Promise<void>;
  rename: (id: string, name: string) => Promise<void>;
  remove: (id: string) => Promise<void>;
}

export function iconName(slot: number): string {
  return slot < 0 ? 'ivl-other' : `ivl-${slot}`;
}

export function createVenueListsStore(opts: {
  council: string;
  shownIds: Accessor<readonly string[]>;
  setShownIds: (ids: readonly string[]) => void;
}): VenueListsStore {
  const [lists, setLists] = createSignal<StoredVenueList[]>([]);
  const [ready, setReady] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [selected, select] = createSignal<string | null>(null);
  const fail = (what: string) => (e: unknown) => {
    const why = e instanceof Error ? e.message : String(e);
    setNotice(`${what}: ${why}. The lists still work until this page is closed.`);
  };
  onMount(() => {
    listsFor(opts.council)
      .then((l) => setLists(l))
      .catch(fail('Saved venue lists cannot be read'))
      .finally(() => setReady(true));
  });
  const shown = createMemo(() => {
    const ids = new Set(opts.shownIds());
    return lists().filter((l) => ids.has(l.id));
  });
  const venues = createMemo(() => shown().flatMap((l) => l.venues));
  const symbols = createMemo(() => categorySymbols(venues().map((v) => v.category)));
  const byId = createMemo(
    () => new Map(shown().flatMap((l) => l.venues.map((v) => [v.id, { venue: v, list: l }] as const))),
  );
  const withLists = createMemo(() => shown().flatMap((l) => l.venues.map((venue) => ({ venue, listName: l.name }))));
  const searchEntries = createMemo(() => importedVenueEntries(withLists()));
  const collection = createMemo(() => {
    const slot = new Map(symbols().map((s) => [s.label, s.slot]));
    const vs = venues();
    return venueIconFeatures(vs, (i) => iconName(slot.get(vs[i]?.category ?? '') ?? -1));
  });
  const setShown = (id: string, on: boolean) => {
    const ids = opts.shownIds().filter((x) => x !== id);
    opts.setShownIds(on ? [...ids, id] : ids);
  };
  const save = async (list: StoredVenueList, packed?: Blob) => {
    // One update for both (the list and the URL's `vl=`), so the venues, the map's data and the panel are worked out once.
    batch(() => {
      setLists((ls) => [...ls.filter((l) => l.id !== list.id), list]);
      setShown(list.id, true);
    });
    await putList(list, packed).then(() => setNotice(null), fail(`“${list.name}” could not be saved in this browser`));
  };
  const rename = async (id: string, name: string) => {
    const list = lists().find((l) => l.id === id);
    if (!list || name.trim() === '') return;
    const next = { ...list, name: name.trim() };
    setLists((ls) => ls.map((l) => (l.id === id ? next : l)));
    await putList(next).catch(fail('The new name could not be saved'));
  };
  const remove = async (id: string) => {
    setLists((ls) => ls.filter((l) => l.id !== id));
    setShown(id, false);
    if (selected()?.startsWith(`${id}:`)) select(null);
    await deleteList(id).catch(fail('The list could not be deleted from this browser’s storage'));
  };
  return {
    lists,
    ready,
    notice,
    shownIds: opts.shownIds,
    setShown,
    venues,
    symbols,
    collection,
    byId,
    withLists,
    searchEntries,
    selected,
    select,
    save,
    rename,
    remove,
  };
}
