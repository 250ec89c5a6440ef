import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { isNavigation, parseOptions, parseState, sameOptions, serialiseOptions, serialiseState, type AppState, type DisplayOptions } from './url-state';

export interface AppStore {
  state: Accessor<AppState>;
  /** Changes state and writes it to the URL: a new history entry for navigation, a replacement for camera moves. */
  update: (patch: Partial<AppState>) => void;
  /** Outline toggles and the SPI measure and year: also in the URL, so a shared link keeps them. */
  options: Accessor<DisplayOptions>;
  updateOptions: (patch: Partial<DisplayOptions>) => void;
}

/**
 * Query parameters kept as they are when the app state is written: the embed options, and the
 * custom area (`area`, `aname`), which its own store writes (src/state/custom-area-store.ts).
 */
const PRESERVED_PARAMS = ['embed', 'lock', 'controls', 'fit', 'area', 'aname'];

function preserved(search: string): URLSearchParams {
  const q = new URLSearchParams(search);
  const keep = new URLSearchParams();
  for (const k of PRESERVED_PARAMS) {
    const v = q.get(k);
    if (v !== null) keep.set(k, v);
  }
  return keep;
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
    const search = serialiseState(next, serialiseOptions(nextOptions, preserved(window.location.search)));
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

