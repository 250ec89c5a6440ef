import { For, Show } from 'solid-js';
import { COUNCIL } from '../data/council';
import type { CityWideIntervention, InterventionProperties } from '../data/content-contract';
import { formatDates, typeStyle, type InterventionFilter } from '../domain/interventions';
import { InterventionFilters } from './InterventionFilters';
import { OutcomeList } from './OutcomeList';

export interface InterventionsPanelProps {
  items: InterventionProperties[];
  total: number;
  unplaced: { name: string; reason: string }[];
  /** City-wide programmes and figures from the reports: no place, so listed here and not filtered. */
  cityWide: CityWideIntervention[];
  years: number[];
  filter: InterventionFilter;
  shown: boolean;
  onShown: (shown: boolean) => void;
  onFilter: (f: InterventionFilter) => void;
  onSelect: (id: string) => void;
  wardName: (code: string | undefined) => string;
}

/** The interventions layer's controls and its list view: the same filter drives both. */
export function InterventionsPanel(p: InterventionsPanelProps) {
  return (
    <section class="interventions" aria-labelledby="interventions-title">
      <h2 id="interventions-title" class="panel__title">
        What is running
      </h2>
      <Show when={COUNCIL.contentFolder === null}>
        <p class="notice" data-testid="interventions-none">
          {COUNCIL.name} has not added its interventions to this atlas yet, so none are shown. “About the data” says how
          a council adds them.
        </p>
      </Show>
      <label class="choice">
        <input type="checkbox" checked={p.shown} onChange={(e) => p.onShown(e.currentTarget.checked)} />
        <span>Show hubs, events and projects on the map</span>
      </label>
      <InterventionFilters filter={p.filter} years={p.years} onFilter={p.onFilter} />
      <p class="controls__note" role="status">
        {p.items.length} of {p.total} shown.
      </p>
      <InterventionList items={p.items} onSelect={p.onSelect} wardName={p.wardName} />
      <CityWideList items={p.cityWide} />
      <UnplacedList items={p.unplaced} />
    </section>
  );
}

/** The filtered items, each a button that selects it on the map. */
function InterventionList(p: Pick<InterventionsPanelProps, 'items' | 'onSelect' | 'wardName'>) {
  return (
    <ul class="venue-list" data-testid="venue-list">
      <For each={p.items}>
        {(v) => (
          <li>
            <button type="button" class="link-button" onClick={() => p.onSelect(v.id)}>
              {v.name}
            </button>
            <span class="venue-list__meta">
              {typeStyle(v.type).label} · {formatDates(v)} · {p.wardName(v.ward)}
              {v.precision === 'area' ? ' · location approximate' : ''}
            </span>
          </li>
        )}
      </For>
    </ul>
  );
}

/** The city-wide programmes, collapsed: what they are, their outcomes and their source. */
function CityWideList(p: { items: CityWideIntervention[] }) {
  return (
    <Show when={p.items.length > 0}>
      <details data-testid="citywide-list">
        <summary>{p.items.length} city-wide programmes (not on the map)</summary>
        <ul>
          <For each={p.items}>
            {(c) => (
              <li>
                <strong>{c.name}</strong>
                <span class="venue-list__meta">
                  {' '}
                  {typeStyle(c.type).label} · {c.dateNote ?? formatDates(c)}
                </span>
                <p>{c.description}</p>
                <Show when={c.outcomes.length > 0}>
                  <OutcomeList outcomes={c.outcomes} />
                </Show>
                <p class="profile__source">Source: {c.source}</p>
              </li>
            )}
          </For>
        </ul>
      </details>
    </Show>
  );
}

/** Items the content names but the atlas could not place, with the reason for each. */
function UnplacedList(p: { items: { name: string; reason: string }[] }) {
  return (
    <Show when={p.items.length > 0}>
      <details>
        <summary>{p.items.length} items could not be placed on the map</summary>
        <ul>
          <For each={p.items}>
            {(u) => (
              <li>
                {u.name}: {u.reason}
              </li>
            )}
          </For>
        </ul>
      </details>
    </Show>
  );
}
