import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  AttributionControl,
  setWorkerUrl,
  type GeoJSONSource,
  type LngLatBoundsLike,
  type MapLayerMouseEvent,
  type StyleSpecification,
  type FilterSpecification,
  type LineLayerSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { flagKey, type ReleaseId } from '../data/contract';
import type { MapColouring } from '../domain/measure';
import { beforeIdFor, type LayerId } from './layer-order';
import { fillColourExpression, flagFilter, noDataFilter } from './paint';
import { PATTERNS } from './patterns';
import { OFFLINE_STYLE } from './base-style';
import { drawVenueIcon } from './venue-icons';
import { INTERVENTION_STYLE } from '../domain/interventions';
import type { InterventionType } from '../data/content-contract';

setWorkerUrl(workerUrl);

export type AreaLayer = 'lsoa21' | 'lsoa11' | 'wards';

export interface HoverInfo {
  layer: AreaLayer;
  code: string;
  point: { x: number; y: number };
}

export interface AtlasMapOptions {
  container: HTMLElement;
  bounds: [number, number, number, number];
  basemapUrl: string | null;
  cooperativeGestures: boolean;
  reducedMotion: boolean;
  attribution: string[];
  onHover: (info: HoverInfo | null) => void;
  onAreaClick: (layer: AreaLayer, code: string) => void;
  onMapClick: (lngLat: { lng: number; lat: number }) => boolean;
  onVenueHover: (info: { ids: string[]; point: { x: number; y: number } } | null) => void;
  onVenueClick: (ids: string[]) => void;
  onMoveEnd: (camera: { lat: number; lon: number; zoom: number }) => void;
  onBasemapError: (message: string) => void;
}

/** A filter that matches no feature (MapLibre 6 rejects the legacy ['==', 1, 0] form). */
const MATCH_NOTHING: FilterSpecification = ['in', ['get', 'code'], ['literal', []]];

const FILL_LAYER: Record<AreaLayer, LayerId> = { lsoa21: 'lsoa21-fill', lsoa11: 'lsoa11-fill', wards: 'wards-fill' };
const NODATA_LAYER: Record<AreaLayer, LayerId> = { lsoa21: 'lsoa21-nodata', lsoa11: 'lsoa11-nodata', wards: 'wards-nodata' };

/**
 * The one owner of the MapLibre instance. The rest of the app talks to this small API, so styling
 * rules stay in pure functions (paint.ts) and no component touches MapLibre directly.
 */
export class AtlasMap {
  readonly map: MapLibreMap;
  private readonly opts: AtlasMapOptions;
  private ready: Promise<void>;
  private hovered: { layer: AreaLayer; code: string } | null = null;
  private interactiveLayer: AreaLayer = 'lsoa21';

  constructor(opts: AtlasMapOptions) {
    this.opts = opts;
    const style: StyleSpecification | string = opts.basemapUrl ?? OFFLINE_STYLE;
    this.map = new MapLibreMap({
      container: opts.container,
      style,
      bounds: opts.bounds as LngLatBoundsLike,
      fitBoundsOptions: { padding: 16 },
      attributionControl: false,
      cooperativeGestures: opts.cooperativeGestures,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
      maxZoom: 17,
      minZoom: 8,
      dragRotate: false,
      pitchWithRotate: false,
      fadeDuration: opts.reducedMotion ? 0 : 300,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.addControl(new AttributionControl({ compact: true, customAttribution: opts.attribution }), 'bottom-right');
    // MapLibre opens the compact attribution on wide maps; start it closed so it does not cover the data.
    this.map.once('load', () => this.map.getContainer().querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show'));
    this.map.getCanvas().setAttribute('aria-label', 'Map of deprivation in the area. The same information is in the table view and the area profiles.');

    this.ready = new Promise((resolve) => {
      let settled = false;
      const done = () => {
        if (settled) return;
        settled = true;
        resolve();
      };
      this.map.once('load', done);
      this.map.on('error', (e) => {
        // A basemap that fails to load must not take the data layers with it: fall back to offline.
        if (opts.basemapUrl && !this.map.isStyleLoaded() && !settled) {
          opts.onBasemapError(`The basemap could not be loaded (${e.error?.message ?? 'unknown error'}); showing the data without it.`);
          this.map.setStyle(OFFLINE_STYLE);
          this.map.once('styledata', done);
          return;
        }
        // Any other map error (e.g. a layer MapLibre refuses) is a defect: make it visible, as
        // MapLibre itself only logs errors when nobody listens.
        console.error(`Map error: ${e.error?.message ?? String(e)}`);
      });
    });
    // One click handler decides in order: a venue under the pointer, then the "pick a point" mode,
    // then the area under the pointer — so a click never does two things.
    this.map.on('click', (e) => {
      const venues = this.venueIdsAt(e.point);
      if (venues.length > 0) return opts.onVenueClick(venues);
      if (opts.onMapClick({ lng: e.lngLat.lng, lat: e.lngLat.lat })) return;
      const fill = FILL_LAYER[this.interactiveLayer];
      if (!this.has(fill)) return;
      const code = this.map.queryRenderedFeatures(e.point, { layers: [fill] })[0]?.properties?.['code'];
      if (typeof code === 'string') opts.onAreaClick(this.interactiveLayer, code);
    });
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      opts.onMoveEnd({ lat: c.lat, lon: c.lng, zoom: this.map.getZoom() });
    });
  }

  private venueIdsAt(p: { x: number; y: number }): string[] {
    if (!this.has('venues')) return [];
    return this.map
      .queryRenderedFeatures([[p.x - 6, p.y - 6], [p.x + 6, p.y + 6]], { layers: ['venues'] })
      .map((f) => f.properties?.['id'])
      .filter((id): id is string => typeof id === 'string');
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  private has(id: string): boolean {
    return this.map.getLayer(id) !== undefined;
  }

  private addLayer(spec: Parameters<MapLibreMap['addLayer']>[0] & { id: LayerId }): void {
    this.map.addLayer(spec, beforeIdFor(spec.id, (id) => this.has(id)));
  }

  /** Adds the area sources and their layers. Called once per source; data is never replaced afterwards. */
  addAreaSource(layer: AreaLayer, data: FeatureCollection<Geometry>): void {
    if (this.map.getSource(layer)) return;
    if (!this.map.hasImage('hatch-nodata')) this.map.addImage('hatch-nodata', PATTERNS.noData(), { pixelRatio: 2 });
    this.map.addSource(layer, { type: 'geojson', data, promoteId: 'code', tolerance: 0.2 });
    this.addLayer({ id: FILL_LAYER[layer], type: 'fill', source: layer, layout: { visibility: 'none' }, paint: { 'fill-color': '#cccccc', 'fill-opacity': 0.85 } });
    this.addLayer({ id: NODATA_LAYER[layer], type: 'fill', source: layer, layout: { visibility: 'none' }, filter: MATCH_NOTHING, paint: { 'fill-pattern': 'hatch-nodata' } });
    if (layer === 'wards') {
      this.addLayer({
        id: 'wards-line',
        type: 'line',
        source: 'wards',
        paint: { 'line-color': '#1a1a1a', 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.2, 14, 2.5] },
      });
    } else {
      this.addLayer({
        id: `${layer}-line`,
        type: 'line',
        source: layer,
        layout: { visibility: 'none' },
        paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.2, 14, 1] },
      });
      // The national 10% and 1% outlines, each a line over a casing so it reads on dark and light
      // fills: black under white dashes for the 10%, white under thick red for the 1%.
      const flagLines: [LayerId, LineLayerSpecification['paint']][] = [
        [`${layer}-flag10-casing` as LayerId, { 'line-color': '#000000', 'line-width': 2.4 }],
        [`${layer}-flag10` as LayerId, { 'line-color': '#ffffff', 'line-width': 1.4, 'line-dasharray': [2, 2] }],
        [`${layer}-flag1-casing` as LayerId, { 'line-color': '#ffffff', 'line-width': 5 }],
        [`${layer}-flag1` as LayerId, { 'line-color': '#d7191c', 'line-width': 2.5 }],
      ];
      for (const [id, paint] of flagLines) {
        this.addLayer({ id, type: 'line', source: layer, layout: { visibility: 'none' }, filter: MATCH_NOTHING, ...(paint ? { paint } : {}) });
      }
    }
    this.addLayer({
      id: `${layer}-hover` as LayerId,
      type: 'line',
      source: layer,
      paint: { 'line-color': '#000000', 'line-width': 2.5, 'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0] },
    });
    this.bindHover(layer);
  }

  /**
   * Replaces an area source's data once, when the detail values (loaded after the first view) have
   * been merged into its features. Never called on indicator, release or banding switches.
   */
  refreshAreaData(layer: AreaLayer, data: FeatureCollection<Geometry>): void {
    (this.map.getSource(layer) as GeoJSONSource | undefined)?.setData(data);
  }

  /** Selection, hover and neighbourhood outlines draw from one small source of their own. */
  addOverlaySources(): void {
    if (this.map.getSource('selection')) return;
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    this.map.addSource('selection', { type: 'geojson', data: empty });
    this.map.addSource('neighbourhoods', { type: 'geojson', data: empty });
    this.map.addSource('catchment', { type: 'geojson', data: empty });
    this.addLayer({
      id: 'gap-fill',
      type: 'line',
      source: 'lsoa21',
      filter: ['in', ['get', 'code'], ['literal', []]],
      paint: { 'line-color': '#00a6ff', 'line-width': 3, 'line-dasharray': [1, 0.6] },
    });
    this.addLayer({ id: 'catchment-fill', type: 'fill', source: 'catchment', paint: { 'fill-color': '#00a6ff', 'fill-opacity': 0.12 } });
    this.addLayer({ id: 'catchment-line', type: 'line', source: 'catchment', paint: { 'line-color': '#005ea5', 'line-width': 2.5 } });
    this.addLayer({ id: 'neighbourhood-line', type: 'line', source: 'neighbourhoods', paint: { 'line-color': '#e66101', 'line-width': 2.5, 'line-dasharray': [1, 1] } });
    this.addLayer({ id: 'selection-casing', type: 'line', source: 'selection', paint: { 'line-color': '#ffffff', 'line-width': 7 } });
    this.addLayer({ id: 'selection-line', type: 'line', source: 'selection', paint: { 'line-color': '#00a6ff', 'line-width': 4 } });
  }

  private bindHover(layer: AreaLayer): void {
    const fill = FILL_LAYER[layer];
    this.map.on('mousemove', fill, (e: MapLayerMouseEvent) => {
      if (layer !== this.interactiveLayer) return;
      const f = e.features?.[0];
      const code = f?.properties?.['code'];
      if (typeof code !== 'string') return;
      this.map.getCanvas().style.cursor = 'pointer';
      if (this.hovered?.code !== code) {
        this.setHoverState(false);
        this.hovered = { layer, code };
        this.setHoverState(true);
      }
      this.opts.onHover({ layer, code, point: { x: e.point.x, y: e.point.y } });
    });
    this.map.on('mouseleave', fill, () => {
      if (layer !== this.interactiveLayer) return;
      this.clearHover();
    });
  }

  /** Hover is feature state, so moving over areas never sends data to the worker. */
  private setHoverState(on: boolean): void {
    if (this.hovered) this.map.setFeatureState({ source: this.hovered.layer, id: this.hovered.code }, { hover: on });
  }

  clearHover(): void {
    if (this.hovered) {
      this.setHoverState(false);
      this.hovered = null;
      this.map.getCanvas().style.cursor = '';
    }
    this.opts.onHover(null);
  }

  /** Last value set per layer property: unchanged ones are skipped, so a switch only sends what changed. */
  private readonly applied = new Map<string, string>();

  private changed(key: string, value: unknown): boolean {
    const json = JSON.stringify(value);
    if (this.applied.get(key) === json) return false;
    this.applied.set(key, json);
    return true;
  }

  private setVisible(id: string, visible: boolean): void {
    if (this.has(id) && this.changed(`${id}|visibility`, visible)) this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }

  private setFilterIfChanged(id: string, filter: FilterSpecification): void {
    if (this.has(id) && this.changed(`${id}|filter`, filter)) this.map.setFilter(id, filter);
  }

  private setPaintIfChanged(id: string, property: Parameters<MapLibreMap['setPaintProperty']>[1], value: Parameters<MapLibreMap['setPaintProperty']>[2]): void {
    if (this.has(id) && this.changed(`${id}|${property}`, value)) this.map.setPaintProperty(id, property, value);
  }

  /**
   * Shows one colouring. Only paint, filter and visibility change: the values are already in the
   * feature properties, so switching indicator, release or banding never re-parses or calls setData.
   */
  applyColouring(colouring: MapColouring, flagRelease: ReleaseId, flags: { p1: boolean; p10: boolean }): void {
    const target = colouring.target;
    this.interactiveLayer = target;
    for (const layer of ['lsoa21', 'lsoa11', 'wards'] as const) {
      const active = layer === target;
      this.setVisible(FILL_LAYER[layer], active);
      this.setVisible(NODATA_LAYER[layer], active);
      if (layer !== 'wards') {
        // LSOA outlines stay visible under a ward colouring for context.
        this.setVisible(`${layer}-line`, active || (target === 'wards' && layer === 'lsoa21'));
        this.setVisible(`${layer}-flag10-casing`, active && flags.p10);
        this.setVisible(`${layer}-flag10`, active && flags.p10);
        this.setVisible(`${layer}-flag1-casing`, active && flags.p1);
        this.setVisible(`${layer}-flag1`, active && flags.p1);
        if (active) {
          const f1 = flagFilter(flagKey(flagRelease, 1));
          this.setFilterIfChanged(`${layer}-flag1`, f1);
          this.setFilterIfChanged(`${layer}-flag1-casing`, f1);
          const f10 = flagFilter(flagKey(flagRelease, 10));
          this.setFilterIfChanged(`${layer}-flag10-casing`, f10);
          this.setFilterIfChanged(`${layer}-flag10`, f10);
        }
      }
      if (!active || !this.has(FILL_LAYER[layer])) continue;
      this.setPaintIfChanged(FILL_LAYER[layer], 'fill-color', fillColourExpression(colouring));
      this.setFilterIfChanged(NODATA_LAYER[layer], noDataFilter(colouring) ?? MATCH_NOTHING);
    }
    this.setPaintIfChanged('wards-line', 'line-width', target === 'wards'
      ? ['interpolate', ['linear'], ['zoom'], 9, 1.5, 14, 3]
      : ['interpolate', ['linear'], ['zoom'], 9, 1.2, 14, 2.5]);
    this.clearHover();
  }

  /** Per-ward values that arrive at run time (imported SPI) go in feature state, not in the data. */
  setWardState(key: string, values: ReadonlyMap<string, number>, allCodes: readonly string[]): void {
    for (const code of allCodes) {
      const v = values.get(code);
      this.map.setFeatureState({ source: 'wards', id: code }, { [key]: v ?? null });
    }
  }

  setSelectionGeometry(geometry: Geometry | null): void {
    const src = this.map.getSource('selection') as GeoJSONSource | undefined;
    src?.setData(geometry ? { type: 'Feature', properties: {}, geometry } : { type: 'FeatureCollection', features: [] });
  }

  setNeighbourhoods(data: FeatureCollection): void {
    (this.map.getSource('neighbourhoods') as GeoJSONSource | undefined)?.setData(data);
  }

  fitTo(bbox: [number, number, number, number], maxZoom = 15): void {
    this.map.fitBounds(bbox as LngLatBoundsLike, { padding: 40, maxZoom, duration: this.opts.reducedMotion ? 0 : 600 });
  }

  jumpTo(camera: { lat: number; lon: number; zoom: number }): void {
    this.map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
  }

  /** Resolves when the map has drawn everything it was asked to (tiles loaded, no transition running). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
  }

  /** Intervention points: one symbol layer, an icon per type (shape and colour), decluttered at low zoom. */
  addVenues(data: FeatureCollection<Geometry>): void {
    if (this.map.getSource('venues')) return;
    for (const [type, style] of Object.entries(INTERVENTION_STYLE) as [InterventionType, (typeof INTERVENTION_STYLE)[InterventionType]][]) {
      if (!this.map.hasImage(`venue-${type}`)) this.map.addImage(`venue-${type}`, drawVenueIcon(style), { pixelRatio: 2 });
    }
    this.map.addSource('venues', { type: 'geojson', data, promoteId: 'id' });
    this.addLayer({
      id: 'venues',
      type: 'symbol',
      source: 'venues',
      layout: {
        'icon-image': ['concat', 'venue-', ['get', 'type']],
        'icon-size': ['interpolate', ['linear'], ['zoom'], 9, 0.7, 14, 1],
        // Overlapping markers are hidden at city scale and all shown from street scale.
        'icon-allow-overlap': ['step', ['zoom'], false, 14, true],
        'icon-ignore-placement': ['step', ['zoom'], false, 14, true],
        'symbol-sort-key': ['match', ['get', 'type'], 'community_hub', 0, 'jobshop', 1, 'library', 2, 3],
      },
    });
    this.map.on('mousemove', 'venues', (e: MapLayerMouseEvent) => {
      this.map.getCanvas().style.cursor = 'pointer';
      this.opts.onVenueHover({ ids: this.venueIdsAt(e.point), point: { x: e.point.x, y: e.point.y } });
    });
    this.map.on('mouseleave', 'venues', () => {
      this.map.getCanvas().style.cursor = '';
      this.opts.onVenueHover(null);
    });
  }

  /** Shows only the venues whose ids pass the filter (computed by the same function as the list view). */
  filterVenues(ids: readonly string[] | null): void {
    if (!this.has('venues')) return;
    this.setVisible('venues', ids === null || ids.length > 0);
    this.map.setFilter('venues', ids === null ? null : (['in', ['get', 'id'], ['literal', [...ids]]] as FilterSpecification));
  }

  /** A straight-line catchment circle and the LSOAs highlighted for outreach (catchment or gap list). */
  setOutreach(circle: Feature | null, highlightCodes: readonly string[]): void {
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    (this.map.getSource('catchment') as GeoJSONSource | undefined)?.setData(circle ?? empty);
    if (this.has('gap-fill')) this.map.setFilter('gap-fill', ['in', ['get', 'code'], ['literal', [...highlightCodes]]] as FilterSpecification);
  }

  /** The map as drawn now (the drawing buffer is kept, so this works without forcing a repaint). */
  canvas(): HTMLCanvasElement {
    return this.map.getCanvas();
  }

  destroy(): void {
    this.map.remove();
  }
}
