import type { LegendModel } from '../domain/legend';
import type { LayerKeyEntry } from '../domain/map-layers/registry';
import type { VenueMapKey } from '../domain/venue-lists/styles';

/** What the PNG draws beside the legend: the shown layers' key entries and the imported venues' key. */
export interface PngKeys {
  layers: readonly LayerKeyEntry[];
  venues: VenueMapKey | null;
}

/**
 * Read-only hooks for the browser tests and the benchmark: wait for the map to settle, count its frames,
 * turn a coordinate into a pixel. Nothing that changes state. Only the test-hooks build puts them on
 * `window.__atlas` (src/test-hooks.d.ts); the production build has none.
 */
export interface AtlasTestHooks {
  idle: () => Promise<void>;
  renders: () => number;
  project: (lon: number, lat: number) => { x: number; y: number };
  /** A pixel of the map canvas back to [lon, lat]. */
  unproject: (x: number, y: number) => [number, number];
}

/**
 * The little the rest of the app may do with a running map. The map (src/map/atlas-map.ts) implements
 * it; MapLibre itself stays inside src/map.
 */
export interface MapHandle {
  /** Resolves when the map has drawn everything it was asked to. */
  idle: () => Promise<void>;
  /** The map view as a PNG with the legend, the shown layers' key entries, the imported venues' key (when shown) and attribution drawn on it. */
  toPng: (legend: LegendModel, attribution: readonly string[], title: string, keys?: PngKeys) => Promise<Blob>;
  /** Read-only hooks for the browser tests and the benchmark. */
  testHooks: () => AtlasTestHooks;
}
