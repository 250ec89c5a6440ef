import { createSignal, type Accessor } from 'solid-js';
import { loadStanding } from '../data/load';
import type { CouncilStanding } from '../data/standing-contract';

export type StandingState =
  | { status: 'loading' }
  | { status: 'loaded'; standing: CouncilStanding }
  | { status: 'error'; message: string };

/**
 * The council's File 10 figures for a panel that shows them: standing.json is fetched the first
 * time a panel asks (never by the first view) and shared after that.
 */
export function useStanding(): Accessor<StandingState> {
  const [state, setState] = createSignal<StandingState>({ status: 'loading' });
  loadStanding().then(
    (standing) => setState({ status: 'loaded', standing }),
    (err: unknown) => setState({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
  return state;
}

/** The standing once loaded, else null (loading or failed). */
export function loadedStanding(s: StandingState): CouncilStanding | null {
  return s.status === 'loaded' ? s.standing : null;
}

export type AvailableStanding = Extract<CouncilStanding, { available: true }>;

/** The published figures when they are there, else null. */
export function availableStanding(s: StandingState): AvailableStanding | null {
  return s.status === 'loaded' && s.standing.available ? s.standing : null;
}

/** Why there are no figures (failed load, or none for this area), else null (loading or there). */
export function standingMissing(s: StandingState): string | null {
  if (s.status === 'error') return `the district summary could not be loaded (${s.message})`;
  if (s.status === 'loaded' && !s.standing.available) return s.standing.reason;
  return null;
}
