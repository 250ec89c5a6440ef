import { createSignal, onMount, type Accessor } from 'solid-js';
import { RELEASES } from '../data/contract';
import { loadDetails2021, loadLsoa11, type FirstViewData, type LsoaCollection } from '../data/load';
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
  /** LSOA 2011 areas, loaded the first time `wanted` is true. */
  lsoa11: Accessor<LsoaCollection | undefined>;
}

/** The releases mapped on LSOA 2011 areas, for the line that says those areas failed to load ("2019 and 2015"). */
const LSOA11_RELEASES = RELEASES.filter((r) => lsoaVintage(r) === 'lsoa11').join(' and ');

/**
 * What is not needed for the first picture loads after it: detail values (domain ranks, scores,
 * local ranks, centroids), interventions and build-time SPI (their stores follow `afterFirstView`).
 * If the map cannot be created they load at once; the long timer is a last resort for a map that
 * never settles, so the text UI gets them either way. A file that fails is a line in the notice and
 * is tried again (src/state/deferred-file.ts); `retryOn` is the person's choices.
 */
export function createDeferredData(
  first: FirstViewData,
  lsoa11Wanted: Accessor<boolean>,
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
  const lsoa11 = createDeferredFile(
    lsoa11Wanted,
    {
      unavailable: `The LSOA 2011 areas of IoD ${LSOA11_RELEASES} are`,
      load: () => loadLsoa11(first.metadata.releases),
    },
    notice,
    retryOn,
  );
  return {
    lsoa21: () => details() ?? first.lsoa21,
    detailsReady: () => details() !== undefined,
    afterFirstView,
    firstViewDone,
    lsoa11,
  };
}
