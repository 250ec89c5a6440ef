import { createResource, createSignal, onMount, type Accessor } from 'solid-js';
import { loadDetails2021, loadLsoa11, type FirstViewData, type LsoaCollection } from '../data/load';

export interface DeferredData {
  /** The LSOA 2021 areas: the first-view collection, replaced by a new one with the detail values. */
  lsoa21: Accessor<LsoaCollection>;
  /** Whether the detail values have arrived (read only by what needs them, e.g. outreach planning). */
  detailsReady: Accessor<boolean>;
  /** The first picture is drawn (or the map cannot start): what it does not need may load now. */
  afterFirstView: Accessor<boolean>;
  firstViewDone: () => void;
  /** LSOA 2011 areas, loaded the first time `wanted` is true. */
  lsoa11: Accessor<LsoaCollection | undefined>;
}

/**
 * What is not needed for the first picture loads after it: detail values (domain ranks, scores,
 * local ranks, centroids), interventions and build-time SPI (their stores follow `afterFirstView`).
 * If the map cannot be created they load at once; the long timer is a last resort for a map that
 * never settles, so the text UI gets them either way.
 */
export function createDeferredData(first: FirstViewData, lsoa11Wanted: Accessor<boolean>, onError: (message: string) => void): DeferredData {
  const [lsoa21, setLsoa21] = createSignal<LsoaCollection>(first.lsoa21);
  const [afterFirstView, setAfterFirstView] = createSignal(false);
  let started = false;
  const firstViewDone = () => {
    setAfterFirstView(true);
    if (started) return;
    started = true;
    loadDetails2021(first.lsoa21)
      .then(setLsoa21)
      .catch((err: unknown) => onError(`Domain ranks and scores are unavailable: ${err instanceof Error ? err.message : String(err)}`));
  };
  onMount(() => setTimeout(firstViewDone, 30_000));
  const [lsoa11] = createResource(() => (lsoa11Wanted() ? true : undefined), () => loadLsoa11(first.metadata.releases));
  return { lsoa21, detailsReady: () => lsoa21() !== first.lsoa21, afterFirstView, firstViewDone, lsoa11: () => lsoa11() };
}
