import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { keptEmbedParams } from './embed-options';
import { isNavigation, parseOptions, parseState, sameOptions, serialiseOptions, serialiseState, type AppState, type DisplayOptions } from './url-state';

export interface AppStore {
  state: Accessor<AppState>;
  /** Changes state and writes it to the URL: a new history entry for navigation, a replacement for camera moves. */
  update: (patch: Partial<AppState>) => void;
  /** Outline toggles and the SPI measure and year: also in the URL, so a shared link keeps them. */
  options: Accessor<DisplayOptions>;
  updateOptions: (patch: Partial<DisplayOptions>) => void;
}

/** The query string the app writes for a state: its own parameters and the embed's valid ones from `current`. */
export function searchFor(next: AppState, options: DisplayOptions, current: string): string {
  return serialiseState(next, serialiseOptions(options, keptEmbedParams(current)));
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

