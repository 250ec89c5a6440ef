import { For, Show } from 'solid-js';
import { COUNCIL } from '../data/council';
import type { CityWideIntervention, InterventionProperties, InterventionType } from '../data/content-contract';
import { formatDates, typeStyle, type InterventionFilter } from '../domain/interventions';
import { OutcomeList } from './OutcomeList';
import { VenueKeyIcon } from './VenueKeyIcon';

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
  const toggleType = (t: InterventionType, on: boolean) => {
    const types = new Set(p.filter.types);
    if (on) types.add(t);
    else types.delete(t);
    p.onFilter({ ...p.filter, types });
  };
  const yearValue = (v: string) => (v === '' ? null : Number(v));
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
      <fieldset class="controls__group">
        <legend>Types</legend>
        <For each={COUNCIL.interventionTypes.map((t) => t.id)}>
          {(t) => (
            <label class="choice">
              <input
                type="checkbox"
                checked={p.filter.types.has(t)}
                onChange={(e) => toggleType(t, e.currentTarget.checked)}
              />
              <VenueKeyIcon style={typeStyle(t)} />
              <span>{typeStyle(t).label}</span>
            </label>
          )}
        </For>
      </fieldset>
      <fieldset class="controls__group controls__years">
        <legend>Running between</legend>
        <label>
          <span class="sr-only">From year</span>
          <select
            value={p.filter.fromYear ?? ''}
            onChange={(e) => p.onFilter({ ...p.filter, fromYear: yearValue(e.currentTarget.value) })}
          >
            <option value="">any year</option>
            <For each={p.years}>{(y) => <option value={y}>{y}</option>}</For>
          </select>
        </label>
        <span>and</span>
        <label>
          <span class="sr-only">To year</span>
          <select
            value={p.filter.toYear ?? ''}
            onChange={(e) => p.onFilter({ ...p.filter, toYear: yearValue(e.currentTarget.value) })}
          >
            <option value="">any year</option>
            <For each={p.years}>{(y) => <option value={y}>{y}</option>}</For>
          </select>
        </label>
        <label class="choice">
          <input
            type="checkbox"
            checked={p.filter.includeUndated}
            onChange={(e) => p.onFilter({ ...p.filter, includeUndated: e.currentTarget.checked })}
          />
          <span>Include items whose dates the sources do not give</span>
        </label>
      </fieldset>
      <p class="controls__note" role="status">
        {p.items.length} of {p.total} shown.
      </p>
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
      <Show when={p.cityWide.length > 0}>
        <details data-testid="citywide-list">
          <summary>{p.cityWide.length} city-wide programmes (not on the map)</summary>
          <ul>
            <For each={p.cityWide}>
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
      <Show when={p.unplaced.length > 0}>
        <details>
          <summary>{p.unplaced.length} items could not be placed on the map</summary>
          <ul>
            <For each={p.unplaced}>
              {(u) => (
                <li>
                  {u.name}: {u.reason}
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
    </section>
  );
}
