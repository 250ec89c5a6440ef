/**
 * Every layer id the app adds, bottom to top. Z-order is decided here and nowhere else:
 * layers are added in this order, and a layer added later (e.g. LSOA 2011 on first use) goes
 * beneath the first already-present layer that follows it in this list.
 */
export const LAYER_ORDER = [
  'lsoa21-fill',
  'lsoa21-nodata',
  'lsoa11-fill',
  'lsoa11-nodata',
  'wards-fill',
  'wards-nodata',
  // Orientation layer (src/map/layers/context.ts): water and parks over the fills, under every outline;
  // roads and rail over the LSOA lines, under the 1% / 10% outlines, ward lines and selection.
  'context-water',
  'context-parks',
  'context-waterways',
  'lsoa21-line',
  'lsoa11-line',
  'context-rail',
  'context-rail-dash',
  'context-roads-casing',
  'context-roads-minor',
  'context-roads-major',
  'lsoa21-flag10-casing',
  'lsoa21-flag10',
  'lsoa11-flag10-casing',
  'lsoa11-flag10',
  'lsoa21-flag1-casing',
  'lsoa21-flag1',
  'lsoa11-flag1-casing',
  'lsoa11-flag1',
  'neighbourhood-line',
  'wards-line',
  'gap-fill',
  'catchment-fill',
  'catchment-line',
  'lsoa21-hover',
  'lsoa11-hover',
  'wards-hover',
  'selection-casing',
  'selection-line',
  'venues',
  // Imported venue lists (src/map/layers/venue-lists.ts) on top: the person's own data.
  'venue-lists',
] as const;

export type LayerId = (typeof LAYER_ORDER)[number];

/** The id of the first layer after `id` in LAYER_ORDER that is already on the map (for addLayer's beforeId). */
export function beforeIdFor(id: LayerId, present: (id: string) => boolean): string | undefined {
  const i = LAYER_ORDER.indexOf(id);
  return LAYER_ORDER.slice(i + 1).find((later) => present(later));
}
