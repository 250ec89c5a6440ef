import { For } from 'solid-js';
import { COUNCIL } from '../data/council';
import type { InterventionType } from '../data/content-contract';
import { typeStyle, type InterventionFilter } from '../domain/interventions';
import { VenueKeyIcon } from './VenueKeyIcon';

/** An empty year choice means "any year". */
const yearValue = (v: string) => (v === '' ? null : Number(v));

/**
 * The interventions filter as controls: the council's types (with their map symbols), and the years an
 * item must be running between. Each change hands the whole new filter to onFilter.
 */
export function InterventionFilters(p: {
  filter: InterventionFilter;
  years: number[];
  onFilter: (f: InterventionFilter) => void;
}) {
  const toggleType = (t: InterventionType, on: boolean) => {
    const types = new Set(p.filter.types);
    if (on) types.add(t);
    else types.delete(t);
    p.onFilter({ ...p.filter, types });
  };
  return (
    <>
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
        <YearBound
          label="From year"
          value={p.filter.fromYear}
          years={p.years}
          onChange={(fromYear) => p.onFilter({ ...p.filter, fromYear })}
        />
        <span>and</span>
        <YearBound
          label="To year"
          value={p.filter.toYear}
          years={p.years}
          onChange={(toYear) => p.onFilter({ ...p.filter, toYear })}
        />
        <label class="choice">
          <input
            type="checkbox"
            checked={p.filter.includeUndated}
            onChange={(e) => p.onFilter({ ...p.filter, includeUndated: e.currentTarget.checked })}
          />
          <span>Include items whose dates the sources do not give</span>
        </label>
      </fieldset>
    </>
  );
}

/** One end of the "running between" range: a year of the data, or any year (null). */
function YearBound(p: {
  label: string;
  value: number | null;
  years: number[];
  onChange: (year: number | null) => void;
}) {
  return (
    <label>
      <span class="sr-only">{p.label}</span>
      <select value={p.value ?? ''} onChange={(e) => p.onChange(yearValue(e.currentTarget.value))}>
        <option value="">any year</option>
        <For each={p.years}>{(y) => <option value={y}>{y}</option>}</For>
      </select>
    </label>
  );
}
