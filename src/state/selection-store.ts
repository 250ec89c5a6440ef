import { createEffect, createMemo, createSignal, on, onMount, type Accessor } from 'solid-js';
import type { LsoaFeature, WardFeature } from '../data/load';
import { featureBBox, type AreaIndex } from '../domain/area-index';
import type { BBox } from '../domain/geometry';
import {
  areaFeature,
  areaSelectedMessage,
  initialFit,
  lsoaProfileRelease,
  SELECTION_CLEARED,
  selectedLsoa,
  selectedWard,
  vintageNote,
  venueBBox,
  venueSelectedMessage,
  wardLsoaFeatures,
  wardRelease,
  type AreaKind,
} from '../domain/selection';
import type { AppState, Selection } from '../domain/views';
import type { ReleaseId } from '../data/contract';
import type { VenueFeature } from './venue-store';

export interface SelectionStore {
  lsoa: Accessor<LsoaFeature | null>;
  ward: Accessor<WardFeature | null>;
  venue: Accessor<VenueFeature | null>;
  lsoaRelease: Accessor<ReleaseId>;
  wardRelease: Accessor<ReleaseId>;
  wardLsoas: (wardCode: string) => LsoaFeature[];
  vintageNote: Accessor<string | null>;
  /** The camera fits to this whenever it changes. */
  fitTarget: Accessor<BBox | null>;
  select: (kind: AreaKind, code: string, fit?: boolean) => void;
  selectVenue: (id: string) => void;
  clear: () => void;
}

/** Selection glue: the rules are in src/domain/selection.ts; this keeps them in step with the state. */
export function createSelectionStore(opts: {
  state: Accessor<AppState>;
  update: (patch: { selection: Selection }) => void;
  index: Accessor<AreaIndex>;
  venueById: Accessor<ReadonlyMap<string, VenueFeature>>;
  venuesLoaded: Accessor<unknown>;
  /** The link (or embed) set the camera: no fitting on open. */
  openedWithCamera: boolean;
  /** An embed's "fit" option, used instead of the selection for the first fit. */
  embedFit: Selection;
  announce: (message: string) => void;
}): SelectionStore {
  const { state, index } = opts;
  const [fitTarget, setFitTarget] = createSignal<BBox | null>(null);
  const lsoa = createMemo(() => selectedLsoa(state().selection, index(), state().release));
  const ward = createMemo(() => selectedWard(state().selection, index()));
  const venue = createMemo(() => {
    const sel = state().selection;
    return sel?.kind === 'venue' ? (opts.venueById().get(sel.id) ?? null) : null;
  });

  const select = (kind: AreaKind, code: string, fit = true) => {
    opts.update({ selection: { kind, code } });
    const f = areaFeature(kind, code, index());
    if (f && fit) setFitTarget(featureBBox(f));
    opts.announce(areaSelectedMessage(kind, f?.properties.name ?? code));
  };
  const selectVenue = (id: string) => {
    const f = opts.venueById().get(id);
    if (!f) return;
    opts.update({ selection: { kind: 'venue', id } });
    setFitTarget(venueBBox(f.geometry.coordinates));
    opts.announce(venueSelectedMessage(f.properties.name));
  };

  // A shared link with a selection (or an embed with "fit") but no camera opens fitted to that area…
  onMount(() => setFitTarget(initialFit(opts.embedFit ?? state().selection, state().camera !== null, index())));
  // …and a shared link to a venue, once the venues have loaded.
  createEffect(
    on(opts.venuesLoaded, (loaded) => {
      const sel = state().selection;
      if (!loaded || sel?.kind !== 'venue' || opts.openedWithCamera) return;
      const f = opts.venueById().get(sel.id);
      if (f) setFitTarget(venueBBox(f.geometry.coordinates));
    }),
  );

  return {
    lsoa,
    ward,
    venue,
    lsoaRelease: createMemo(() => lsoaProfileRelease(lsoa(), index(), state().release)),
    wardRelease: createMemo(() => wardRelease(index(), state().release)),
    wardLsoas: (code) => wardLsoaFeatures(index(), code, state().release),
    vintageNote: () => vintageNote(lsoa(), index(), state().release),
    fitTarget,
    select,
    selectVenue,
    clear: () => {
      opts.update({ selection: null });
      opts.announce(SELECTION_CLEARED);
    },
  };
}
