import { INDICATORS, RELEASES } from '../data/contract';
import { parseDecimal } from '../domain/decimal';
import { indicatorsIn } from '../domain/indicators';
import { LAYER_URL } from '../domain/map-layers';
import { BANDINGS, VIEWS, type AppState, type Camera, type DisplayOptions, type Selection } from '../domain/views';

export { BANDINGS, VIEWS } from '../domain/views';
export type { AppState, Banding, Camera, DisplayOptions, OutlineFlags, Selection, ViewMode } from '../domain/views';

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

/** `lat,lon,zoom`, each a strict decimal (src/domain/decimal.ts): an empty part (`at=,,`) is not 0. */
export function parseCamera(raw: string | null): Camera | null {
  if (!raw) return null;
  const parts = raw.split(',').map(parseDecimal);
  if (parts.length !== 3) return null;
  const [lat, lon, zoom] = parts;
  if (lat == null || lon == null || zoom == null) return null;
  if (lat < -85 || lat > 85 || lon < -180 || lon > 180 || zoom < 0 || zoom > 22) return null;
  return { lat, lon, zoom };
}

/**
 * A camera kept within reach of the area: its centre is moved into the area's bounding box grown by
 * `margin` of its size on each side (a link aimed at the other side of the world would show an empty
 * map with no way back). Zoom is kept.
 */
export function cameraWithinReach(c: Camera, bbox: readonly [number, number, number, number], margin = 0.5): Camera {
  const [w, s, e, n] = bbox;
  const mx = (e - w) * margin;
  const my = (n - s) * margin;
  const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
  return { lat: clamp(c.lat, s - my, n + my), lon: clamp(c.lon, w - mx, e + mx), zoom: c.zoom };
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

// --- display options: layer toggles (the registry's: p1, p10, ctx), SPI measure and year (spim, spiy), lists (vl)

export const DEFAULT_OPTIONS: DisplayOptions = {
  layers: LAYER_URL.defaults,
  spiMeasure: null,
  spiYear: null,
  lists: [],
};

/** SPI measure ids are short slugs from the framework file; anything else is not one of ours. */
const SPI_MEASURE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const SPI_YEAR = /^(19|20)\d\d$/;

/** A venue list id (src/state/venue-lists.ts makes them): 8–32 lower-case letters and digits. */
const LIST_ID = /^[a-z0-9]{8,32}$/;

/** `vl=a,b`: the shown imported lists; bad ids are dropped, at most 20, no repeats. */
export function parseListIds(raw: string | null): string[] {
  if (!raw) return [];
  return [...new Set(raw.split(',').filter((id) => LIST_ID.test(id)))].slice(0, 20);
}

/** Parse the display options; a bad value falls back to its default (a measure or year the data lacks is the SPI store's call). */
export function parseOptions(search: string): DisplayOptions {
  const q = new URLSearchParams(search);
  const measure = q.get('spim');
  const year = q.get('spiy');
  return {
    // Each layer's own parameter (src/domain/map-layers): only its exact "other" value leaves the default.
    layers: LAYER_URL.parse(q),
    spiMeasure: measure !== null && SPI_MEASURE.test(measure) ? measure : null,
    spiYear: year !== null && SPI_YEAR.test(year) ? Number(year) : null,
    lists: parseListIds(q.get('vl')),
  };
}

/** Writes the options into `q` (only what differs from the defaults) and returns it. */
export function serialiseOptions(options: DisplayOptions, q: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const set = (key: string, value: string | null) => (value === null ? q.delete(key) : q.set(key, value));
  LAYER_URL.serialise(options.layers, q);
  set('spim', options.spiMeasure !== null && SPI_MEASURE.test(options.spiMeasure) ? options.spiMeasure : null);
  set('spiy', options.spiYear !== null && SPI_YEAR.test(String(options.spiYear)) ? String(options.spiYear) : null);
  const lists = parseListIds(options.lists.join(','));
  set('vl', lists.length > 0 ? lists.join(',') : null);
  return q;
}

export function sameOptions(a: DisplayOptions, b: DisplayOptions): boolean {
  return (
    LAYER_URL.same(a.layers, b.layers) &&
    a.spiMeasure === b.spiMeasure &&
    a.spiYear === b.spiYear &&
    a.lists.join(',') === b.lists.join(',')
  );
}
