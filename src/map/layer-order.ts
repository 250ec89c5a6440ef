import { GEOGRAPHIES, type GeographyDescriptor, type GeographyId } from '../data/geographies';

/** The layers each geography level has (src/data/geographies.ts); the flag layers only where it draws the 1% / 10%. */
type AreaLayerRole = 'fill' | 'nodata' | 'line' | 'hover' | 'flag10-casing' | 'flag10' | 'flag1-casing' | 'flag1';
export type AreaLayerId<G extends string = GeographyId> = `${G}-${AreaLayerRole}`;

/** The layer ids of one geography, generated from its id. */
export interface AreaLayerIds<G extends string = GeographyId> {
  fill: AreaLayerId<G>;
  nodata: AreaLayerId<G>;
  line: AreaLayerId<G>;
  hover: AreaLayerId<G>;
  /** Bottom to top: 10% casing, 10% dashes, 1% casing, 1% line (null where the level draws no flags). */
  flags: { p10: [AreaLayerId<G>, AreaLayerId<G>]; p1: [AreaLayerId<G>, AreaLayerId<G>] } | null;
}

export function areaLayerIds<G extends string>(geo: { id: G; flags: boolean }): AreaLayerIds<G> {
  const id = (role: AreaLayerRole): AreaLayerId<G> => `${geo.id}-${role}`;
  return {
    fill: id('fill'),
    nodata: id('nodata'),
    line: id('line'),
    hover: id('hover'),
    flags: geo.flags ? { p10: [id('flag10-casing'), id('flag10')], p1: [id('flag1-casing'), id('flag1')] } : null,
  };
}

/** Every layer id of one geography (fill, no-data, line, hover and its flag layers). */
export function areaLayerList<G extends string>(geo: { id: G; flags: boolean }): AreaLayerId<G>[] {
  const ids = areaLayerIds(geo);
  return [ids.fill, ids.nodata, ids.line, ids.hover, ...(ids.flags ? [...ids.flags.p10, ...ids.flags.p1] : [])];
}

// The layers that are not per geography, in the z-order slots between the area layers.
// Orientation layer (src/map/layers/context.ts): water and parks over the fills, under every outline;
// roads and rail over the LSOA lines, under the 1% / 10% outlines, ward lines and selection.
const CONTEXT_UNDER_LINES = ['context-water', 'context-parks', 'context-waterways'] as const;
const CONTEXT_OVER_LINES = [
  'context-rail',
  'context-rail-dash',
  'context-roads-casing',
  'context-roads-minor',
  'context-roads-major',
] as const;
const NEIGHBOURHOODS = ['neighbourhood-line'] as const;
const OUTREACH = ['gap-fill', 'catchment-fill', 'catchment-line'] as const;
// Imported venue lists (src/map/layers/venue-lists.ts) on top: the person's own data.
const ON_TOP = ['selection-casing', 'selection-line', 'venues', 'venue-lists'] as const;

export type OverlayLayerId =
  | (typeof CONTEXT_UNDER_LINES)[number]
  | (typeof CONTEXT_OVER_LINES)[number]
  | (typeof NEIGHBOURHOODS)[number]
  | (typeof OUTREACH)[number]
  | (typeof ON_TOP)[number];

/**
 * Every layer id, bottom to top, for a geography table: all fills, water and parks, fine (LSOA) lines,
 * roads and rail, the 10% then the 1% outlines, neighbourhoods, boundary (ward) lines, outreach, the
 * hover outlines, then selection and venues. Each slot holds the geographies in table order.
 */
export function buildLayerOrder<G extends string>(
  geographies: readonly (Pick<GeographyDescriptor, 'flags' | 'line'> & { id: G })[],
): (AreaLayerId<G> | OverlayLayerId)[] {
  const ids = geographies.map((g) => ({ geo: g, ids: areaLayerIds(g) }));
  const lines = (tier: GeographyDescriptor['line']) => ids.filter((x) => x.geo.line === tier).map((x) => x.ids.line);
  const flags = (flag: 'p10' | 'p1') => ids.flatMap((x) => x.ids.flags?.[flag] ?? []);
  return [
    ...ids.flatMap((x) => [x.ids.fill, x.ids.nodata]),
    ...CONTEXT_UNDER_LINES,
    ...lines('fine'),
    ...CONTEXT_OVER_LINES,
    ...flags('p10'),
    ...flags('p1'),
    ...NEIGHBOURHOODS,
    ...lines('boundary'),
    ...OUTREACH,
    ...ids.map((x) => x.ids.hover),
    ...ON_TOP,
  ];
}

export type LayerId = AreaLayerId | OverlayLayerId;

/**
 * Every layer id the app adds, bottom to top. Z-order is decided here and nowhere else:
 * layers are added in this order, and a layer added later (e.g. LSOA 2011 on first use) goes
 * beneath the first already-present layer that follows it in this list.
 */
export const LAYER_ORDER: readonly LayerId[] = buildLayerOrder(GEOGRAPHIES);

/** The id of the first layer after `id` in an order that is already on the map (for addLayer's beforeId). */
export function beforeIdFor(
  id: string,
  present: (id: string) => boolean,
  order: readonly string[] = LAYER_ORDER,
): string | undefined {
  const i = order.indexOf(id);
  return order.slice(i + 1).find((later) => present(later));
}
