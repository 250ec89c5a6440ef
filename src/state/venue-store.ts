import { createMemo, createSignal, type Accessor } from 'solid-js';
import type { InterventionProperties, InterventionsCollection } from '../data/content-contract';
import { loadInterventions } from '../data/load';
import { withReaderSources } from '../domain/citations';
import { allTypesFilter, matchesFilter, type InterventionFilter } from '../domain/interventions';
import { createDeferredFile, type NoticeLine } from './deferred-file';

export type VenueFeature = InterventionsCollection['features'][number];

export interface VenueStore {
  collection: Accessor<InterventionsCollection | undefined>;
  byId: Accessor<ReadonlyMap<string, VenueFeature>>;
  filter: Accessor<InterventionFilter>;
  setFilter: (f: InterventionFilter) => void;
  shown: Accessor<boolean>;
  setShown: (shown: boolean) => void;
  /** The items that pass the filter: the list shows them and the map draws exactly these. */
  filtered: Accessor<InterventionProperties[]>;
  /** Ids the map should draw (empty when the layer is switched off). */
  visibleIds: Accessor<readonly string[]>;
  /** Other items placed at exactly the same point (e.g. projects placed in one neighbourhood). */
  samePlace: (id: string) => InterventionProperties[];
}

/** The interventions layer: loaded after the first view; a failure is reported and retried, never fatal. */
export function createVenueStore(load: Accessor<boolean>, notice: NoticeLine, retryOn: Accessor<unknown>): VenueStore {
  const collection = createDeferredFile(
    load,
    { unavailable: 'Intervention locations are', load: () => loadInterventions().then(withReaderSources) },
    notice,
    retryOn,
  );
  const [filter, setFilter] = createSignal<InterventionFilter>(allTypesFilter());
  const [shown, setShown] = createSignal(true);
  const byId = createMemo<ReadonlyMap<string, VenueFeature>>(
    () => new Map((collection()?.features ?? []).map((f) => [f.properties.id, f])),
  );
  const filtered = createMemo(() =>
    (collection()?.features ?? []).map((f) => f.properties).filter((p) => matchesFilter(p, filter())),
  );
  const visibleIds = createMemo<readonly string[]>(() => (shown() ? filtered().map((v) => v.id) : []));
  const samePlace = (id: string) => {
    const f = byId().get(id);
    if (!f) return [];
    const [x, y] = f.geometry.coordinates;
    return (collection()?.features ?? [])
      .filter((o) => o.properties.id !== id && o.geometry.coordinates[0] === x && o.geometry.coordinates[1] === y)
      .map((o) => o.properties);
  };
  return { collection, byId, filter, setFilter, shown, setShown, filtered, visibleIds, samePlace };
}
