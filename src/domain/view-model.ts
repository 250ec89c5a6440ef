/**
 * The view model, pure: what the map, legend, table, tooltip and search show for a state and the
 * loaded data. No Solid, no MapLibre; src/state/atlas.ts wires it to signals (as memos).
 */
import { slugify } from '../data/slug';
import type { FeatureCollection } from 'geojson';
import type { InterventionProperties, InterventionsCollection } from '../data/content-contract';
import type { DataMetadata, ReleaseId } from '../data/contract';
import type { GeographyId } from '../data/geographies';
import type { LoadedAreas, LsoaCollection, LsoaFeature, WardCollection, WardFeature } from '../data/load';
import { lsoaVintage } from './indicators';
import type { AreaSet } from './area-set';
import type { AreaIndex } from './area-index';
import { typeStyle } from './interventions';
import { buildLegend, type LegendModel } from './legend';
import { colouringFor, type MapColouring } from './measure';
import { areaCount, nationalCount } from './profile';
import type { SearchEntry } from './search';
import { tooltipLines } from './tooltip';
import { effectiveRelease, type AppState, type ViewMode } from './views';

export { effectiveRelease } from './views';

/** What an area without a value is called in the legend and the table. */
export function noDataLabel(view: ViewMode): string {
  return view === 'change' ? 'Boundary changed in 2021: not comparable' : view === 'spi' ? 'No SPI score' : 'No data';
}

export function colouring(state: AppState, meta: DataMetadata, spiLabel: string): MapColouring {
  return colouringFor(state, { areaCount: (r: ReleaseId) => areaCount(meta, r), spiLabel });
}

export type { LoadedAreas };

/** The features a colouring draws (an on-demand level, LSOA 2011, is empty until it has loaded). */
export function colouredFeatures(c: MapColouring, areas: LoadedAreas): readonly (LsoaFeature | WardFeature)[] {
  return areas[c.target]?.features ?? [];
}

/**
 * Whether the state needs an on-demand geography's areas (src/data/geographies.ts): an LSOA level is
 * needed while the release on its vintage is mapped by LSOAs (the deprivation view) or read by ward
 * profiles (the wards view). The change view maps IoD 2025's and the SPI view wards, so neither needs it.
 */
export function geographyWanted(state: Pick<AppState, 'view' | 'release'>, id: GeographyId): boolean {
  return (state.view === 'deprivation' || state.view === 'wards') && lsoaVintage(state.release) === id;
}

/** The area-like records the legend and the table read: properties plus per-ward run-time values (SPI). */
export function withWardValues(
  features: readonly (LsoaFeature | WardFeature)[],
  wardValues: ReadonlyMap<string, number>,
): { properties: Record<string, unknown>; state: Record<string, unknown> }[] {
  return features.map((f) => ({ properties: { ...f.properties }, state: { spi: wardValues.get(f.properties.code) } }));
}

export function legendFor(
  state: AppState,
  c: MapColouring,
  areas: LoadedAreas,
  wardValues: ReadonlyMap<string, number>,
): LegendModel {
  return buildLegend(
    c.scheme,
    c.measure,
    withWardValues(colouredFeatures(c, areas), wardValues),
    noDataLabel(state.view),
  );
}

/** Whether the 1% / 10% outlines apply (they outline LSOAs, not wards). */
export function flagsApply(c: MapColouring): boolean {
  return c.target !== 'wards';
}

export interface TooltipModel {
  title: string;
  code: string;
  lines: string[];
  x: number;
  y: number;
}

/** The hover card for venue markers under the pointer (the first named, the others counted). */
export function venueTooltip(
  items: readonly InterventionProperties[],
  point: { x: number; y: number },
): TooltipModel | null {
  const first = items[0];
  if (!first) return null;
  return {
    title: first.name,
    code: '',
    lines: [
      typeStyle(first.type).label,
      first.precision === 'area' ? 'Location approximate (placed in its area)' : first.precisionNote,
      ...(items.length > 1 ? [`and ${items.length - 1} more here: click to see`] : []),
    ],
    x: point.x,
    y: point.y,
  };
}

/** The hover card for an area, in the release the view shows. */
export function areaTooltip(
  state: AppState,
  feature: LsoaFeature | WardFeature,
  meta: DataMetadata,
  spiValue: number | null,
  point: { x: number; y: number },
): TooltipModel {
  const release = effectiveRelease(state);
  return {
    title: feature.properties.name,
    code: feature.properties.code,
    lines: tooltipLines(
      state.view,
      { ...feature.properties },
      state.indicator,
      release,
      nationalCount(meta, release),
      spiValue,
    ),
    x: point.x,
    y: point.y,
  };
}

/** Everything a person can find by typing a name or code: wards, venues, LSOAs. */
export function searchEntries(
  wards: WardCollection,
  lsoa21: LsoaCollection,
  venues: InterventionsCollection | undefined,
  index: AreaIndex,
  priorityWards: ReadonlySet<string>,
): SearchEntry[] {
  return [
    ...wards.features.map((w) => ({
      kind: 'ward' as const,
      id: w.properties.code,
      label: w.properties.name,
      keywords: `${w.properties.code} ward ${w.properties.committee ?? ''}`,
      detail: `Ward${priorityWards.has(w.properties.code) ? ' · priority ward' : ''}`,
    })),
    ...(venues?.features ?? []).map((v) => ({
      kind: 'venue' as const,
      id: v.properties.id,
      label: v.properties.name,
      keywords: `${typeStyle(v.properties.type).label}`,
      detail: typeStyle(v.properties.type).label,
    })),
    ...lsoa21.features.map((l) => ({
      kind: 'lsoa' as const,
      id: l.properties.code,
      label: `${l.properties.name}`,
      keywords: l.properties.code,
      detail: `LSOA ${l.properties.code} · ${index.wards.get(l.properties.ward)?.properties.name ?? ''}`,
    })),
  ];
}

/** The outline of area sets (e.g. the priority neighbourhoods): the LSOA 2021 areas they are made of. */
export function areaSetOutlines(
  lsoa21: LsoaCollection,
  sets: readonly Pick<AreaSet, 'lsoaCodes'>[],
): FeatureCollection {
  const codes = new Set(sets.flatMap((s) => s.lsoaCodes));
  return {
    type: 'FeatureCollection',
    features: lsoa21.features
      .filter((f) => codes.has(f.properties.code))
      .map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry })),
  };
}

/** Ward name labels, from the label points the pipeline computed (no geometry library in the first view). */
export function wardLabels(
  wards: WardCollection,
  priorityWards: ReadonlySet<string>,
): { code: string; name: string; lon: number; lat: number; priority: boolean }[] {
  return wards.features.flatMap((w) =>
    typeof w.properties.lx === 'number' && typeof w.properties.ly === 'number'
      ? [
          {
            code: w.properties.code,
            name: w.properties.name,
            lon: w.properties.lx,
            lat: w.properties.ly,
            priority: priorityWards.has(w.properties.code),
          },
        ]
      : [],
  );
}

/** Wards as {code, name}, alphabetical, for pickers and lists. */
export function wardChoices(wards: WardCollection): { code: string; name: string }[] {
  return wards.features
    .map((w) => ({ code: w.properties.code, name: w.properties.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** e.g. "bradford-map-deprivation-imd-iod2025.png": the council's name from the built data. */
export function pngFileName(state: AppState, areaName: string): string {
  return `${slugify(areaName)}-map-${state.view}-${state.view === 'deprivation' ? `${state.indicator}-iod${state.release}` : state.release}.png`;
}
