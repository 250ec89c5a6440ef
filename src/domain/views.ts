/**
 * The app's vocabulary: what the map can show and how a visitor points at an area. Defined here, in
 * domain, so domain rules (colouring, tooltips, tables) and the state layer share it; state imports
 * it, never the reverse.
 */
import type { LayerToggles } from './map-layers';
import { CHANGE_TARGET_RELEASE, type IndicatorId, type ReleaseId } from '../data/contract';

/** How LSOAs are classed: national decile (England) or quintile within the local authority. */
export const BANDINGS = ['national', 'local'] as const;
export type Banding = (typeof BANDINGS)[number];

/**
 * What the map colours:
 *  deprivation: LSOAs by the indicator;  change: IMD decile change 2019 → 2025;
 *  wards: wards by share of their LSOAs in national decile 1;  spi: wards by Social Progress Index.
 */
export const VIEWS = ['deprivation', 'change', 'wards', 'spi'] as const;
export type ViewMode = (typeof VIEWS)[number];

export type Selection =
  | { kind: 'lsoa'; code: string }
  | { kind: 'ward'; code: string }
  | { kind: 'venue'; id: string }
  | null;

export interface Camera {
  lat: number;
  lon: number;
  zoom: number;
}

/** Which national outlines are drawn over the LSOA colouring: the most deprived 1% and 10%. */
export interface OutlineFlags {
  p1: boolean;
  p10: boolean;
}

/** What the map shows and where: everything here is owned by the URL (see src/state/url-state.ts). */
export interface AppState {
  indicator: IndicatorId;
  release: ReleaseId;
  banding: Banding;
  view: ViewMode;
  selection: Selection;
  /** null = fit to the area (the default view). */
  camera: Camera | null;
  /** Show the table view instead of (beside) the map. */
  table: boolean;
  /** Show the printable ward briefing of the selected ward (only meaningful with a ward selected). */
  brief: boolean;
}

/**
 * Display options that also change what the map shows (and so live in the URL), kept apart from
 * AppState so the core state stays small: the layer toggles, and the SPI measure and year.
 */
export interface DisplayOptions {
  /** Which switchable layers show (src/domain/map-layers: the 1% / 10% outlines `p1`, `p10`; the orientation layer `ctx`). */
  layers: LayerToggles;
  /** SPI measure id; null = the overall index (or whatever the loaded dataset offers). */
  spiMeasure: string | null;
  /** SPI year; null = the latest year in the loaded dataset. */
  spiYear: number | null;
  /** Ids of the imported venue lists shown (`vl=id,id`): the ids only, the lists stay in this browser. */
  lists: readonly string[];
}

/** The change view compares with CHANGE_TARGET_RELEASE (IoD 2025) whatever release is chosen; every other view uses the chosen one. */
export function effectiveRelease(state: Pick<AppState, 'view' | 'release'>): ReleaseId {
  return state.view === 'change' ? CHANGE_TARGET_RELEASE : state.release;
}
