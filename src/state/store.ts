import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { isNavigation, parseState, serialiseState, type AppState } from './url-state';

export interface AppStore {
  state: Accessor<AppState>;
  /** Changes state and writes it to the URL: a new history entry for navigation, a replacement for camera moves. */
  update: (patch: Partial<AppState>) => void;
}

/** Query parameters that belong to the embed options; kept as they are when the app state is written. */
const PRESERVED_PARAMS = ['embed', 'lock', 'controls', 'fit'];

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
  const onPop = () => setState(parseState(window.location.search));
  window.addEventListener('popstate', onPop);
  onCleanup(() => window.removeEventListener('popstate', onPop));

  const update = (patch: Partial<AppState>) => {
    const prev = state();
    const next = { ...prev, ...patch };
    const search = serialiseState(next, preserved(window.location.search));
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (isNavigation(prev, next)) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    setState(next);
  };
  return { state, update };
}
