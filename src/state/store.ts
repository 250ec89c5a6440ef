import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { keptEmbedParams } from './embed-options';
import {
  isNavigation,
  parseOptions,
  parseState,
  sameOptions,
  serialiseOptions,
  serialiseState,
  type AppState,
  type DisplayOptions,
} from './url-state';
import { flushUrlWrite } from './url-later';

export interface AppStore {
  state: Accessor<AppState>;
  /** Changes state and writes it to the URL: a new history entry for navigation, a replacement for camera moves. */
  update: (patch: Partial<AppState>) => void;
  /** Outline toggles and the SPI measure and year: also in the URL, so a shared link keeps them. */
  options: Accessor<DisplayOptions>;
  updateOptions: (patch: Partial<DisplayOptions>) => void;
}

/**
 * The custom area (`area`, `aname`) is written by its own store (src/state/custom-area-store.ts), which checks
 * a linked area at start and removes a bad one, so the app's writes keep these keys as they are.
 */
const CUSTOM_AREA_PARAMS = ['area', 'aname'];

/**
 * The query string the app writes for a state: its own parameters, the embed's valid ones from `current`
 * and the custom area's keys.
 */
export function searchFor(next: AppState, options: DisplayOptions, current: string): string {
  const kept = keptEmbedParams(current);
  const q = new URLSearchParams(current);
  for (const k of CUSTOM_AREA_PARAMS) {
    const v = q.get(k);
    if (v !== null) kept.set(k, v);
  }
  return serialiseState(next, serialiseOptions(options, kept));
}

/** The URL owns the state: read it at start and on back/forward, write it on every change. */
export function createAppStore(): AppStore {
  const [state, setState] = createSignal<AppState>(parseState(window.location.search));
  const [options, setOptions] = createSignal<DisplayOptions>(parseOptions(window.location.search));
  const onPop = () => {
    setState(parseState(window.location.search));
    setOptions(parseOptions(window.location.search));
  };
  window.addEventListener('popstate', onPop);
  onCleanup(() => window.removeEventListener('popstate', onPop));

  const write = (next: AppState, nextOptions: DisplayOptions, push: boolean) => {
    // A queued write of the custom area's keys first, so this entry carries the current area.
    flushUrlWrite();
    const search = searchFor(next, nextOptions, window.location.search);
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  };
  const update = (patch: Partial<AppState>) => {
    const prev = state();
    const next = { ...prev, ...patch };
    write(next, options(), isNavigation(prev, next));
    setState(next);
  };
  const updateOptions = (patch: Partial<DisplayOptions>) => {
    const prev = options();
    const next = { ...prev, ...patch };
    write(state(), next, !sameOptions(prev, next));
    setOptions(next);
  };
  return { state, update, options, updateOptions };
}
