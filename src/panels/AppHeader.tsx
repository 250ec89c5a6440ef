import { Show } from 'solid-js';
import { fullMapUrl } from '../state/embed-options';
import { COUNCIL } from '../data/council';

export interface AppHeaderProps {
  embed: boolean;
  tableShown: boolean;
  aboutOpen: boolean;
  mapReady: boolean;
  onToggleTable: () => void;
  onToggleAbout: () => void;
  onSavePng: () => void;
  onEmbed: () => void;
}

/** Title and the app's tools; in embed mode just the title and a link to the full map. */
export function AppHeader(p: AppHeaderProps) {
  return (
    <header class="app-header">
      <h1 class="app-header__title">Neighbourhood Atlas</h1>
      <Show
        when={!p.embed}
        fallback={
          <a class="app-header__full" href={fullMapUrl(window.location.href)} target="_blank" rel="noopener">
            Open full map<span class="sr-only"> (opens in a new tab)</span>
          </a>
        }
      >
        <p class="app-header__tagline">
          Where deprivation is deepest in {COUNCIL.name}, how it has changed, and what is being done there.
        </p>
        <nav class="app-header__nav" aria-label="Views and tools">
          <button type="button" class="button" aria-pressed={p.tableShown} onClick={() => p.onToggleTable()}>
            {p.tableShown ? 'Show the map' : 'Table view'}
          </button>
          <button
            type="button"
            class="button"
            aria-expanded={p.aboutOpen}
            aria-controls="about"
            onClick={() => p.onToggleAbout()}
          >
            About the data
          </button>
          <button type="button" class="button" onClick={() => p.onSavePng()} disabled={!p.mapReady}>
            Save map as PNG
          </button>
          <button type="button" class="button" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" class="button" aria-haspopup="dialog" onClick={() => p.onEmbed()}>
            Embed this map
          </button>
          <a class="app-header__link" href="./accessibility.html">
            Accessibility
          </a>
        </nav>
      </Show>
    </header>
  );
}
