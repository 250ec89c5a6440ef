import { createEffect, getOwner, on, onCleanup, onMount, runWithOwner } from 'solid-js';
import type { AtlasMap } from './atlas-map';
import { cameraWithinReach } from '../state/url-state';
import { configuredBasemapUrl } from './base-style';
import type { MapEvents, MapModel } from './model';
import { preloadMap } from './preload';
import { nextTask } from '../state/next-task';

export interface MapViewProps {
  model: MapModel;
  events: MapEvents;
}

/**
 * Mounts the map. MapLibre is imported dynamically so the text UI (search, lists, legend) is usable
 * while the map library is still downloading.
 */
export function MapView(props: MapViewProps) {
  let container!: HTMLDivElement;
  let atlas: AtlasMap | undefined;
  let disposed = false;
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  // Effects made after the awaits below must belong to this component, so they are disposed with it.
  const owner = getOwner();
  onMount(async () => {
    const [{ AtlasMap }, { FIRST_VIEW_GROUPS }] = await Promise.all([preloadMap(), import('./layers/first-view')]);
    if (disposed) return;
    const { model, events } = props;
    let map: AtlasMap;
    try {
      map = new AtlasMap({
        container,
        bounds: model.bounds,
        basemapUrl: configuredBasemapUrl(import.meta.env),
        cooperativeGestures: model.cooperativeGestures,
        reducedMotion,
        attribution: model.attribution,
        onMoveEnd: events.onMoveEnd,
        onBasemapError: events.onNotice,
      });
    } catch (err) {
      // No WebGL (or a blocked one): everything the map shows is still in the tables and profiles.
      events.onNotice(
        `The map cannot be shown in this browser (${err instanceof Error ? err.message : String(err)}). The table view, lists and profiles still work.`,
      );
      events.onUnavailable();
      return;
    }
    atlas = map;
    performance.mark('atlas:map-created');
    if (model.initialCamera) map.jumpTo(cameraWithinReach(model.initialCamera, model.bounds));
    await map.whenReady();
    if (disposed) return;
    performance.mark('atlas:style-loaded');
    // The areas' data first: MapLibre posts it to its worker a few microtasks after addSource, and the rest
    // of the install (layers, feature state, ward names) then runs while the worker cuts the first tiles.
    map.prepare(FIRST_VIEW_GROUPS, model);
    await nextTask();
    if (disposed) return;
    runWithOwner(owner, () => {
      map.install(FIRST_VIEW_GROUPS, model, events);
      createEffect(
        on(model.fitTarget, (bbox) => {
          if (bbox) map.fitTo(bbox);
        }),
      );
    });
    events.onReady(map);
    // The rest, and their code, once the choropleth is drawn (see FIRST_VIEW_GROUPS). Asked after onReady, so
    // on the same idle the first-choropleth mark comes first and this code is not part of the first view.
    void map
      .idle()
      .then(() => import('./layers'))
      .then(({ AFTER_FIRST_VIEW_GROUPS }) => {
        if (!disposed) runWithOwner(owner, () => map.install(AFTER_FIRST_VIEW_GROUPS, model, events));
      });
  });

  onCleanup(() => {
    disposed = true;
    atlas?.destroy();
  });

  return <div ref={container} class="map-canvas" data-testid="map" />;
}
