import type { LegendModel } from '../domain/legend';
import type { VenueMapKey } from '../domain/venue-lists/styles';

/**
 * The little the rest of the app may do with a running map. The map (src/map/atlas-map.ts) implements
 * it; MapLibre itself stays inside src/map.
 */
export interface MapHandle {
  /** Resolves when the map has drawn everything it was asked to. */
  idle: () => Promise<void>;
  /** The map view as a PNG with the legend, the imported venues' key (when shown) and attribution drawn on it. */
  toPng: (
    legend: LegendModel,
    attribution: readonly string[],
    title: string,
    venueKey?: VenueMapKey | null,
  ) => Promise<Blob>;
  /** Read-only hooks for the browser tests and the benchmark. */
  testHooks: () => {
    idle: () => Promise<void>;
    renders: () => number;
    project: (lon: number, lat: number) => { x: number; y: number };
  };
}
