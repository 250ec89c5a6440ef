import { INDICATORS, RELEASES, type IndicatorId, type ReleaseId } from '../data/contract';
import { indicatorsIn } from '../domain/indicators';

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

export const DEFAULT_STATE: AppState = {
  indicator: 'imd',
  release: '2025',
  banding: 'national',
  view: 'deprivation',
  selection: null,
  camera: null,
  table: false,
  brief: false,
};

function oneOf<T extends string>(options: readonly T[], value: string | null): T | undefined {
  return options.find((o) => o === value);
}

const CODE = /^[EW]\d{8}$/;
const VENUE_ID = /^[a-z0-9][a-z0-9-]{0,80}$/;

export function parseSelection(raw: string | null): Selection {
  if (!raw) return null;
  const [kind, id] = raw.split(':', 2);
  if (!id) return null;
  if ((kind === 'lsoa' || kind === 'ward') && CODE.test(id)) return { kind, code: id };
  if (kind === 'venue' && VENUE_ID.test(id)) return { kind, id };
  return null;
}

export function serialiseSelection(sel: Selection): string | null {
  if (!sel) return null;
  return sel.kind === 'venue' ? `venue:${sel.id}` : `${sel.kind}:${sel.code}`;
}

export function parseCamera(raw: string | null): Camera | null {
  if (!raw) return null;
  const parts = raw.split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lat, lon, zoom] = parts as [number, number, number];
  if (lat < -85 || lat > 85 || lon < -180 || lon > 180 || zoom < 0 || zoom > 22) return null;
  return { lat, lon, zoom };
}

export function serialiseCamera(c: Camera): string {
  return `${c.lat.toFixed(5)},${c.lon.toFixed(5)},${c.zoom.toFixed(2)}`;
}

/** Parse a query string; any unknown or invalid value falls back to its default, silently. */
export function parseState(search: string): AppState {
  const q = new URLSearchParams(search);
  const release = oneOf(RELEASES, q.get('rel')) ?? DEFAULT_STATE.release;
  let indicator = oneOf(INDICATORS, q.get('ind')) ?? DEFAULT_STATE.indicator;
  // An indicator the release does not publish would colour nothing: fall back to the IMD.
  if (!indicatorsIn(release).includes(indicator)) indicator = 'imd';
  const selection = parseSelection(q.get('sel'));
  return {
    indicator,
    release,
    banding: oneOf(BANDINGS, q.get('band')) ?? DEFAULT_STATE.banding,
    view: oneOf(VIEWS, q.get('view')) ?? DEFAULT_STATE.view,
    selection,
    camera: parseCamera(q.get('at')),
    table: q.get('table') === '1',
    brief: parseBriefing(q.get('brief'), selection),
  };
}

/** `brief=1` opens the ward briefing; it needs a ward selected, so with anything else it is ignored. */
export function parseBriefing(raw: string | null, selection: Selection): boolean {
  return raw === '1' && selection?.kind === 'ward';
}

export function serialiseBriefing(brief: boolean, selection: Selection): string | null {
  return brief && selection?.kind === 'ward' ? '1' : null;
}

/** Serialise only what differs from the defaults, so shared links stay short. */
export function serialiseState(state: AppState, keep: URLSearchParams = new URLSearchParams()): string {
  const q = new URLSearchParams(keep);
  const set = (key: string, value: string | null, fallback: string | null) => {
    if (value === null || value === fallback) q.delete(key);
    else q.set(key, value);
  };
  set('ind', state.indicator, DEFAULT_STATE.indicator);
  set('rel', state.release, DEFAULT_STATE.release);
  set('band', state.banding, DEFAULT_STATE.banding);
  set('view', state.view, DEFAULT_STATE.view);
  set('sel', serialiseSelection(state.selection), null);
  set('at', state.camera ? serialiseCamera(state.camera) : null, null);
  set('table', state.table ? '1' : null, null);
  set('brief', serialiseBriefing(state.brief, state.selection), null);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Whether two states differ in something that deserves its own history entry (not just the camera). */
export function isNavigation(a: AppState, b: AppState): boolean {
  return (
    a.indicator !== b.indicator ||
    a.release !== b.release ||
    a.banding !== b.banding ||
    a.view !== b.view ||
    a.table !== b.table ||
    a.brief !== b.brief ||
    serialiseSelection(a.selection) !== serialiseSelection(b.selection)
  );
}
