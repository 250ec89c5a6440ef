import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  AttributionControl,
  prewarm,
  setWorkerUrl,
  type LngLatBoundsLike,
  type StyleSpecification,
} from 'maplibre-gl';
import type { BBox } from '../domain/geometry';
import type { Camera } from '../domain/views';
import { OFFLINE_STYLE } from './base-style';
import { PointerDispatcher } from './dispatcher';
import { LayerContext, type LayerGroup } from './layers/group';
import type { LegendModel } from '../domain/legend';
import type { AtlasTestHooks, MapHandle, PngKeys } from '../state/map-handle';
import type { MapEvents, MapModel } from './model';
import { adoptEarlyWorker, MAP_WORKER_URL } from './early-worker';

setWorkerUrl(MAP_WORKER_URL);
// The worker main.tsx started at page load becomes the pool's worker (see early-worker.ts).
adoptEarlyWorker(prewarm);

export interface AtlasMapOptions {
  container: HTMLElement;
  bounds: BBox;
  basemapUrl: string | null;
  cooperativeGestures: boolean;
  reducedMotion: boolean;
  attribution: string[];
  onMoveEnd: (camera: Camera) => void;
  onBasemapError: (message: string) => void;
}

/**
 * The one owner of the MapLibre instance: it creates the map, runs the pointer dispatcher and installs
 * the layer groups (src/map/layers/), which own their sources, paint and handlers. Nothing outside
 * src/map touches MapLibre: the app gets the small MapHandle.
 */
export class AtlasMap implements MapHandle {
  private readonly map: MapLibreMap;
  private readonly reducedMotion: boolean;
  private readonly ready: Promise<void>;
  private readonly pointer = new PointerDispatcher();
  private context: LayerContext | null = null;
  /** MapLibre 'render' events so far: the tests and the benchmark count the frames a change costs. */
  private renders = 0;

  constructor(opts: AtlasMapOptions) {
    this.reducedMotion = opts.reducedMotion;
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
      // Symbols appear at once, for everyone (it was only under reduced motion): a 300 ms fade is a
      // run of extra frames after every placement, which on a slow GPU doubled a venue import's time
      // to drawn (docs/performance.md, "The frames of a venue import").
      fadeDuration: 0,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.addControl(new AttributionControl({ compact: true, customAttribution: opts.attribution }), 'bottom-right');
    // MapLibre opens the compact attribution on wide maps; start it closed so it does not cover the data.
    this.map.once('load', () =>
      this.map.getContainer().querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show'),
    );
    this.map
      .getCanvas()
      .setAttribute(
        'aria-label',
        'Map of deprivation in the area. The same information is in the table view and the area profiles.',
      );

    this.ready = new Promise((resolve) => {
      let settled = false;
      const done = () => {
        if (settled) return;
        settled = true;
        resolve();
      };
      // The style is parsed: sources and layers can be added now. Not 'load', which MapLibre fires only after
      // its first frame of the empty style (a frame later under load): the areas' tiling starts that much sooner.
      this.map.once('style.load', done);
      this.map.on('error', (e) => {
        // A basemap that fails to load must not take the data layers with it: fall back to offline.
        if (opts.basemapUrl && !this.map.isStyleLoaded() && !settled) {
          opts.onBasemapError(
            `The basemap could not be loaded (${e.error?.message ?? 'unknown error'}); showing the data without it.`,
          );
          this.map.setStyle(OFFLINE_STYLE);
          this.map.once('styledata', done);
          return;
        }
        // Any other map error (e.g. a layer MapLibre refuses) is a defect: make it visible, as
        // MapLibre itself only logs errors when nobody listens.
        console.error(`Map error: ${e.error?.message ?? String(e)}`);
      });
    });
    const at = (e: { point: { x: number; y: number }; lngLat: { lng: number; lat: number } }) => ({
      point: { x: e.point.x, y: e.point.y },
      lngLat: { lng: e.lngLat.lng, lat: e.lngLat.lat },
    });
    this.map.on('click', (e) => this.pointer.click(at(e)));
    this.map.on('mousemove', (e) => {
      this.map.getCanvas().style.cursor = this.pointer.hover(at(e)) ? 'pointer' : '';
    });
    this.map.getCanvas().addEventListener('mouseleave', () => {
      this.pointer.leave();
      this.map.getCanvas().style.cursor = '';
    });
    this.map.on('render', () => {
      this.renders++;
    });
    this.map.once('render', () => performance.mark('atlas:first-render'));
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      opts.onMoveEnd({ lat: c.lat, lon: c.lng, zoom: this.map.getZoom() });
    });
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  /** The groups' sources their layers need first (LayerGroup.prepare); install them a task later. */
  prepare(groups: readonly LayerGroup[], model: MapModel): void {
    const ctx = this.layerContext();
    for (const g of groups) g.prepare?.(ctx, model);
  }

  /**
   * Installs layer groups in order, once the style is ready, inside the component's owner; may be called
   * again for more groups (they share one context and dispatcher).
   */
  install(groups: readonly LayerGroup[], model: MapModel, events: MapEvents): void {
    const ctx = this.layerContext();
    for (const g of groups) g.install(ctx, model, events);
  }

  private layerContext(): LayerContext {
    this.context ??= new LayerContext(this.map, this.reducedMotion, (h) => this.pointer.register(h));
    return this.context;
  }

  fitTo(bbox: BBox, maxZoom = 15): void {
    this.map.fitBounds(bbox as LngLatBoundsLike, { padding: 40, maxZoom, duration: this.reducedMotion ? 0 : 600 });
  }

  jumpTo(camera: Camera): void {
    this.map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
  }

  /** Resolves when the map has drawn everything it was asked to (tiles loaded, no transition running). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
  }

  /** The map as drawn now, with its legend and attribution (the drawing buffer is kept, so no repaint is forced). */
  async toPng(
    legend: LegendModel,
    attribution: readonly string[],
    title: string,
    keys: PngKeys = { layers: [], venues: null },
  ): Promise<Blob> {
    // The PNG code and the context layer's labels load on the first export: the first view needs neither.
    const [{ mapToPng }, { drawnContextLabels }] = await Promise.all([
      import('./png-export'),
      import('./layers/context'),
    ]);
    await this.idle();
    return mapToPng(this.map.getCanvas(), legend, attribution, title, drawnContextLabels(this.map), keys);
  }

  /** Read-only: wait for the map to settle and turn a coordinate into a pixel. Nothing that changes state. */
  testHooks(): AtlasTestHooks {
    return {
      idle: () => this.idle(),
      renders: () => this.renders,
      project: (lon, lat) => {
        const p = this.map.project([lon, lat]);
        return { x: p.x, y: p.y };
      },
      unproject: (x, y) => {
        const ll = this.map.unproject([x, y]);
        return [ll.lng, ll.lat];
      },
    };
  }

  destroy(): void {
    this.context?.removeAll();
    this.map.remove();
  }
}
