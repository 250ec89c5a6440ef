import { createEffect, getOwner, on, onCleanup, onMount, runWithOwner, type Accessor } from 'solid-js';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { ReleaseId } from '../data/contract';
import type { LsoaCollection, WardCollection } from '../data/load';
import type { MapColouring } from '../domain/measure';
import type { Camera } from '../state/url-state';
import type { AreaLayer, AtlasMap, HoverInfo } from './atlas-map';
import { configuredBasemapUrl } from './base-style';
import { preloadMap } from './preload';
import type { WardLabel, WardLabels } from './ward-labels';
import type { ContextData } from '../data/contract';
import { addContextLayer, type ContextLayer } from './layers/context';

export interface MapViewProps {
  bounds: [number, number, number, number];
  attribution: string[];
  lsoa21: LsoaCollection;
  wards: WardCollection;
  lsoa11: Accessor<LsoaCollection | undefined>;
  colouring: Accessor<MapColouring>;
  flagRelease: Accessor<ReleaseId>;
  flags: Accessor<{ p1: boolean; p10: boolean }>;
  selectionGeometry: Accessor<Geometry | null>;
  /** A bounding box to fit whenever it changes (selection or "fit" option). */
  fitTarget: Accessor<[number, number, number, number] | null>;
  initialCamera: Camera | null;
  neighbourhoods: Accessor<FeatureCollection>;
  wardLabels: WardLabel[];
  cooperativeGestures: boolean;
  onHover: (info: HoverInfo | null) => void;
  onAreaClick: (layer: AreaLayer, code: string) => void;
  /** Returns true when it used the click (e.g. "pick a catchment centre"), so no area is selected. */
  onMapClick: (lngLat: { lng: number; lat: number }) => boolean;
  onVenueHover: (info: { ids: string[]; point: { x: number; y: number } } | null) => void;
  onVenueClick: (ids: string[]) => void;
  venues: Accessor<FeatureCollection | undefined>;
  venueIds: Accessor<readonly string[] | null>;
  outreach: Accessor<{ circle: Feature | null; codes: readonly string[] }>;
  onMoveEnd: (camera: Camera) => void;
  onNotice: (message: string) => void;
  onReady: (map: AtlasMap) => void;
  /** The map could not be created (no WebGL): the app carries on without it. */
  onUnavailable: () => void;
  /** Orientation layer data (loaded after the first choropleth; null when the area has none) and whether it shows. */
  context: Accessor<ContextData | null | undefined>;
  contextVisible: Accessor<boolean>;
  onContextLayer: (layer: ContextLayer) => void;
}

/**
 * Mounts the map. MapLibre is imported dynamically so the text UI (search, lists, legend) is usable
 * while the map library is still downloading.
 */
export function MapView(props: MapViewProps) {
  let container!: HTMLDivElement;
  let atlas: AtlasMap | undefined;
  let labels: WardLabels | undefined;
  let contextLayer: ContextLayer | undefined;
  let disposed = false;
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  // Effects made after the awaits below must belong to this component, so they are disposed with it.
  const owner = getOwner();
  onMount(async () => {
    const [{ AtlasMap }, { WardLabels }] = await Promise.all([preloadMap(), import('./ward-labels')]);
    if (disposed) return;
    let map: AtlasMap;
    try {
      map = new AtlasMap({
      container,
      bounds: props.bounds,
      basemapUrl: configuredBasemapUrl(import.meta.env),
      cooperativeGestures: props.cooperativeGestures,
      reducedMotion,
      attribution: props.attribution,
      onHover: props.onHover,
      onAreaClick: props.onAreaClick,
      onMapClick: props.onMapClick,
      onVenueHover: props.onVenueHover,
      onVenueClick: props.onVenueClick,
      onMoveEnd: props.onMoveEnd,
      onBasemapError: props.onNotice,
    });
    } catch (err) {
      // No WebGL (or a blocked one): everything the map shows is still in the tables and profiles.
      props.onNotice(`The map cannot be shown in this browser (${err instanceof Error ? err.message : String(err)}). The table view, lists and profiles still work.`);
      props.onUnavailable();
      return;
    }
    atlas = map;
    if (props.initialCamera) map.jumpTo(props.initialCamera);
    await map.whenReady();
    if (disposed) return;
    map.addAreaSource('lsoa21', props.lsoa21 as unknown as FeatureCollection);
    map.addAreaSource('wards', props.wards as unknown as FeatureCollection);
    map.addOverlaySources();
    labels = new WardLabels(map.map, props.wardLabels);

    runWithOwner(owner, () => bindMap(map));
    props.onReady(map);
  });

  /** Keeps the map in step with the app's signals: each effect forwards one kind of change. */
  function bindMap(map: AtlasMap): void {
    createEffect(() => {
      const l11 = props.lsoa11();
      if (l11) map.addAreaSource('lsoa11', l11 as unknown as FeatureCollection);
      map.applyColouring(props.colouring(), props.flagRelease(), props.flags());
    });
    createEffect(() => map.setSelectionGeometry(props.selectionGeometry()));
    createEffect(() => {
      const v = props.venues();
      if (v) map.addVenues(v);
      map.filterVenues(props.venueIds());
    });
    createEffect(() => {
      const o = props.outreach();
      map.setOutreach(o.circle, o.codes);
    });
    createEffect(() => map.setNeighbourhoods(props.neighbourhoods()));
    createEffect(() => {
      const data = props.context();
      const visible = props.contextVisible();
      if (data && !contextLayer) {
        contextLayer = addContextLayer(map.map, data, { labels: true, obstacleSelector: '.ward-label', visible });
        props.onContextLayer(contextLayer);
      }
      contextLayer?.setVisible(visible);
    });
    createEffect(
      on(props.fitTarget, (bbox) => {
        if (bbox) map.fitTo(bbox);
      }),
    );
  }

  onCleanup(() => {
    disposed = true;
    labels?.remove();
    contextLayer?.remove();
    atlas?.destroy();
  });

  return <div ref={container} class="map-canvas" data-testid="map" />;
}
