import { createSignal, onMount, type Accessor } from 'solid-js';
import { RELEASES } from '../data/contract';
import {
  byGeography,
  geography,
  geographyIdsWhere,
  type GeographyId,
  type OnDemandGeographyId,
} from '../data/geographies';
import {
  loadDetails2021,
  ON_DEMAND_LOADERS,
  type FirstViewData,
  type LoadedAreas,
  type LsoaCollection,
} from '../data/load';
import { lsoaVintage } from '../domain/indicators';
import { createDeferredFile, type NoticeLine } from './deferred-file';

export interface DeferredData {
  /** The LSOA 2021 areas: the first-view collection, replaced by a new one with the detail values. */
  lsoa21: Accessor<LsoaCollection>;
  /** Whether the detail values have arrived (read only by what needs them, e.g. outreach planning). */
  detailsReady: Accessor<boolean>;
  /** The first picture is drawn (or the map cannot start): what it does not need may load now. */
  afterFirstView: Accessor<boolean>;
  firstViewDone: () => void;
  /** Every geography's areas loaded so far, by id: the first view's, and each on-demand level once it has loaded. */
  areas: Accessor<LoadedAreas>;
}

const ON_DEMAND_LSOAS = geographyIdsWhere({ kind: 'lsoa', load: 'on-demand' });
const ON_DEMAND_WARDS = geographyIdsWhere({ kind: 'ward', load: 'on-demand' });

/**
 * What an on-demand geography gives the person, as the subject of "… unavailable": for an LSOA level,
 * the releases mapped on it ("The LSOA 2011 areas of IoD 2019 and 2015 are").
 */
export function onDemandUnavailable(id: GeographyId): string {
  const releases = RELEASES.filter((r) => lsoaVintage(r) === id);
  const of = releases.length > 0 ? ` of IoD ${releases.join(' and ')}` : '';
  return `The ${geography(id).label} areas${of} are`;
}

/** Each accessor's value now, by id. */
function valuesNow<G extends string, T>(ids: readonly G[], accessors: Readonly<Record<G, Accessor<T>>>): Record<G, T> {
  return byGeography(ids, (id) => accessors[id]());
}

/**
 * What is not needed for the first picture loads after it: detail values (domain ranks, scores,
 * local ranks, centroids), interventions and build-time SPI (their stores follow `afterFirstView`).
 * If the map cannot be created they load at once; the long timer is a last resort for a map that
 * never settles, so the text UI gets them either way. Each on-demand geography of the table
 * (src/data/geographies.ts) loads the first time `wanted(id)` is true. A file that fails is a line in
 * the notice and is tried again (src/state/deferred-file.ts); `retryOn` is the person's choices.
 */
export function createDeferredData(
  first: FirstViewData,
  wanted: (id: OnDemandGeographyId) => boolean,
  notice: NoticeLine,
  retryOn: Accessor<unknown>,
): DeferredData {
  const [afterFirstView, setAfterFirstView] = createSignal(false);
  const firstViewDone = () => setAfterFirstView(true);
  onMount(() => setTimeout(firstViewDone, 30_000));
  const details = createDeferredFile(
    afterFirstView,
    { unavailable: 'Domain ranks and scores are', load: () => loadDetails2021(first.lsoa21) },
    notice,
    retryOn,
  );
  const deferredAreas = <C>(
    id: OnDemandGeographyId,
    load: (releases: FirstViewData['metadata']['releases']) => Promise<C>,
  ) =>
    createDeferredFile(
      () => wanted(id),
      { unavailable: onDemandUnavailable(id), load: () => load(first.metadata.releases) },
      notice,
      retryOn,
    );
  // One record per kind, so each level keeps its own collection type (LSOA or ward features).
  const lsoaLevels = byGeography(ON_DEMAND_LSOAS, (id) => deferredAreas(id, ON_DEMAND_LOADERS[id]));
  const wardLevels = byGeography(ON_DEMAND_WARDS, (id) => deferredAreas(id, ON_DEMAND_LOADERS[id]));
  const { metadata: _, ...firstAreas } = first;
  const lsoa21 = () => details() ?? first.lsoa21;
  return {
    lsoa21,
    detailsReady: () => details() !== undefined,
    afterFirstView,
    firstViewDone,
    areas: () => ({
      ...firstAreas,
      lsoa21: lsoa21(),
      ...valuesNow(ON_DEMAND_LSOAS, lsoaLevels),
      ...valuesNow(ON_DEMAND_WARDS, wardLevels),
    }),
  };
}
