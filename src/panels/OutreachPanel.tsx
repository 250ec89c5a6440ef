import { For, Show } from 'solid-js';
import { CATCHMENT_RADII_M, formatDistance, type CatchmentResult } from '../domain/outreach/catchment';
import type { GapResult, GapRow, NearbyIntervention } from '../domain/outreach/gaps';
import {
  fmtCount,
  hasPeople,
  incomeDeprivedSentence as incomeDeprived,
  peopleCaveat,
  peopleCountSentence as peopleCount,
  PEOPLE_UNAVAILABLE,
} from '../domain/people';

export type OutreachMode = 'off' | 'catchment' | 'gaps';

export interface OutreachSettings {
  mode: OutreachMode;
  radiusM: number;
  maxDecile: 1 | 2;
  ward: string | null;
  /** What the gaps are measured from: 'hubs' (the council's community hubs) or an imported list's id. */
  venueSet: string;
}

/** A set of venues the gap view can measure from: the built-in hubs or one of the person's imported lists. */
export interface OutreachVenueSet {
  id: string;
  name: string;
  count: number;
}

export interface OutreachPanelProps {
  settings: OutreachSettings;
  onSettings: (s: OutreachSettings) => void;
  /** Name of the catchment centre ("Reginald Centre", "the point you picked") or null when none is chosen. */
  centreName: string | null;
  picking: boolean;
  onPick: () => void;
  catchment: CatchmentResult | null;
  gaps: (GapResult & { rows: Array<GapRow & { nearby: NearbyIntervention[] }> }) | null;
  hubCount: number;
  /** The built-in hubs first, then the imported lists kept in this browser. */
  venueSets: readonly OutreachVenueSet[];
  wards: { code: string; name: string }[];
  wardName: (code: string) => string;
  onSelectLsoa: (code: string) => void;
  onDownload: () => void;
}

/**
 * Outreach planning for Core Teams: who lives within reach of a hub (catchment) and which deprived
 * areas are far from every hub (gaps). Distances are straight lines, and the panel says so.
 */
export function OutreachPanel(p: OutreachPanelProps) {
  const set = (patch: Partial<OutreachSettings>) => p.onSettings({ ...p.settings, ...patch });
  return (
    <section class="outreach" aria-labelledby="outreach-title" data-testid="outreach-panel">
      <h2 id="outreach-title" class="panel__title">
        Outreach planning
      </h2>
      <fieldset class="controls__group">
        <legend>Show</legend>
        <label class="choice">
          <input
            type="radio"
            name="outreach-mode"
            checked={p.settings.mode === 'off'}
            onChange={() => set({ mode: 'off' })}
          />
          <span>Nothing</span>
        </label>
        <label class="choice">
          <input
            type="radio"
            name="outreach-mode"
            checked={p.settings.mode === 'catchment'}
            onChange={() => set({ mode: 'catchment' })}
          />
          <span>Catchment around a hub, venue or point</span>
        </label>
        <label class="choice">
          <input
            type="radio"
            name="outreach-mode"
            checked={p.settings.mode === 'gaps'}
            onChange={() => set({ mode: 'gaps' })}
          />
          <span>Deprived areas far from every community hub or venue of a list</span>
        </label>
      </fieldset>
      <Show when={p.settings.mode !== 'off'}>
        <fieldset class="controls__group">
          <legend>Straight-line distance</legend>
          <For each={[...CATCHMENT_RADII_M]}>
            {(r) => (
              <label class="choice">
                <input
                  type="radio"
                  name="outreach-radius"
                  checked={p.settings.radiusM === r}
                  onChange={() => set({ radiusM: r })}
                />
                <span>{formatDistance(r)}</span>
              </label>
            )}
          </For>
          <p class="controls__note">
            Measured as the crow flies, not walking distance, from each LSOA’s population-weighted centre.
          </p>
        </fieldset>
      </Show>
      <Show when={p.settings.mode === 'catchment'}>
        <CatchmentView {...p} />
      </Show>
      <Show when={p.settings.mode === 'gaps'}>
        <GapView {...p} set={set} />
      </Show>
    </section>
  );
}

/** The catchment around a hub, venue or picked point: its LSOAs, people and CSV. */
function CatchmentView(p: OutreachPanelProps) {
  return (
    <>
      <p>
        Centre:{' '}
        <strong data-testid="catchment-centre">
          {p.centreName ?? 'none yet: choose a hub or venue (list or search), or pick a point on the map'}
        </strong>
      </p>
      <button type="button" class="button button--secondary" aria-pressed={p.picking} onClick={p.onPick}>
        {p.picking ? 'Click on the map to place the centre…' : 'Pick a point on the map'}
      </button>
      <Show when={p.catchment}>
        {(c) => (
          <div data-testid="catchment-result">
            <p role="status">
              {c().totals.lsoas} LSOAs within {formatDistance(c().radiusM)} (straight line); {c().totals.decile1} in
              national IMD decile 1
              {c().totals.mostDeprived1pc > 0 ? `, ${c().totals.mostDeprived1pc} in the most deprived 1%` : ''}.
              <Show when={!hasPeople(c().totals.people)}>
                {' '}
                Population (mid-2015): {c().totals.population.toLocaleString('en-GB')}
                {c().totals.populationUnknown > 0
                  ? ` plus ${c().totals.populationUnknown} LSOAs whose population is not known (boundary changed in 2021)`
                  : ''}
                .
              </Show>
            </p>
            <Show
              when={hasPeople(c().totals.people) || c().totals.lsoas === 0}
              fallback={<p data-testid="catchment-people">{PEOPLE_UNAVAILABLE}</p>}
            >
              <p data-testid="catchment-people">
                Within {formatDistance(c().radiusM)}: {peopleCount(c().totals.people)};{' '}
                {incomeDeprived(c().totals.people)}. Beyond it, in the rest of the area:{' '}
                {incomeDeprived(c().peopleBeyond)}.
              </p>
              <p class="controls__note">{peopleCaveat(c().totals.people.definition)}</p>
            </Show>
            <button type="button" class="button" onClick={p.onDownload}>
              Download this list (CSV)
            </button>
            <table class="simple-table" data-testid="catchment-table">
              <caption class="sr-only">LSOAs whose population-weighted centre is within the catchment</caption>
              <thead>
                <tr>
                  <th scope="col">LSOA</th>
                  <th scope="col">Distance</th>
                  <th scope="col">IMD decile</th>
                  <th scope="col">
                    {c().totals.people.definition?.figures.population.heading ?? 'Population (mid-2015, IoD 2019)'}
                  </th>
                  <th scope="col">{c().totals.people.definition?.figures.children.heading ?? 'Children'}</th>
                </tr>
              </thead>
              <tbody>
                <For each={c().rows}>
                  {(r) => (
                    <tr>
                      <th scope="row">
                        <button type="button" class="link-button" onClick={() => p.onSelectLsoa(r.code)}>
                          {r.name}
                        </button>
                        <Show when={r.flag1}>
                          <span class="badge">most deprived 1%</span>
                        </Show>
                      </th>
                      <td>{formatDistance(r.distanceM)}</td>
                      <td>{r.decile ?? '—'}</td>
                      <td>{(r.people?.population ?? r.population)?.toLocaleString('en-GB') ?? 'not known'}</td>
                      <td>{r.people ? fmtCount(r.people.children) : 'not known'}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </Show>
    </>
  );
}

/** What the gaps are measured from, the deciles counted and the ward. */
function GapChoices(p: OutreachPanelProps & { set: (patch: Partial<OutreachSettings>) => void }) {
  const set = p.set;
  return (
    <>
      <label class="controls__label" for="gap-venue-set">
        Measure from
      </label>
      <select id="gap-venue-set" value={p.settings.venueSet} onChange={(e) => set({ venueSet: e.currentTarget.value })}>
        <For each={p.venueSets}>
          {(v) => (
            <option value={v.id}>
              {v.name} ({v.count})
            </option>
          )}
        </For>
      </select>

      <fieldset class="controls__group">
        <legend>Deprivation</legend>
        <label class="choice">
          <input
            type="radio"
            name="gap-decile"
            checked={p.settings.maxDecile === 1}
            onChange={() => set({ maxDecile: 1 })}
          />
          <span>National IMD decile 1 (most deprived 10%)</span>
        </label>
        <label class="choice">
          <input
            type="radio"
            name="gap-decile"
            checked={p.settings.maxDecile === 2}
            onChange={() => set({ maxDecile: 2 })}
          />
          <span>Deciles 1–2 (most deprived 20%)</span>
        </label>
      </fieldset>
      <label class="controls__label" for="gap-ward">
        Ward
      </label>
      <select
        id="gap-ward"
        value={p.settings.ward ?? ''}
        onChange={(e) => set({ ward: e.currentTarget.value || null })}
      >
        <option value="">All wards</option>
        <For each={p.wards}>{(w) => <option value={w.code}>{w.name}</option>}</For>
      </select>
    </>
  );
}

/** "community hubs" or "venues of “Warm spaces”": what the gap view measures from, in its sentences. */
function setNoun(p: OutreachPanelProps): string {
  if (p.settings.venueSet === 'hubs') return 'community hubs';
  const name = p.venueSets.find((v) => v.id === p.settings.venueSet)?.name ?? 'the chosen list';
  return `venues of “${name}”`;
}

/** Deprived LSOAs farther than the distance from every venue of the chosen set, with the people counts. */
function GapView(p: OutreachPanelProps & { set: (patch: Partial<OutreachSettings>) => void }) {
  return (
    <>
      <GapChoices {...p} />
      <Show when={p.gaps}>
        {(g) => (
          <div data-testid="gap-result">
            <p role="status">
              {g().rows.length} of {g().candidates} LSOAs in {p.settings.maxDecile === 1 ? 'decile 1' : 'deciles 1–2'}
              {p.settings.ward ? ` in ${p.wardName(p.settings.ward)}` : ''} are more than{' '}
              {formatDistance(p.settings.radiusM)} (straight line) from all {p.hubCount} {setNoun(p)} with a known
              location. Outlined in blue on the map.
            </p>
            <Show
              when={hasPeople(g().people.within) || hasPeople(g().people.beyond)}
              fallback={<p data-testid="gap-people">{PEOPLE_UNAVAILABLE}</p>}
            >
              <p data-testid="gap-people">
                In these {g().rows.length} LSOAs: {peopleCount(g().people.gaps)}. Across all LSOAs
                {p.settings.ward ? ` of ${p.wardName(p.settings.ward)}` : ''}, within{' '}
                {formatDistance(p.settings.radiusM)} of {p.settings.venueSet === 'hubs' ? 'a hub' : 'a venue'}:{' '}
                {incomeDeprived(g().people.within)}; beyond {formatDistance(p.settings.radiusM)} of every{' '}
                {p.settings.venueSet === 'hubs' ? 'hub' : 'venue'}: {incomeDeprived(g().people.beyond)}.
              </p>
              <p class="controls__note">{peopleCaveat(g().people.gaps.definition ?? g().people.within.definition)}</p>
            </Show>
            <button type="button" class="button" onClick={p.onDownload}>
              Download this list (CSV)
            </button>
            <ul class="gap-list" data-testid="gap-list">
              <For each={g().rows}>
                {(r) => (
                  <li>
                    <button type="button" class="link-button" onClick={() => p.onSelectLsoa(r.code)}>
                      {r.name}
                    </button>{' '}
                    <span class="venue-list__meta">
                      {p.wardName(r.ward)} · decile {r.decile}
                      {r.people
                        ? ` · ${fmtCount(r.people.population)} people, ${fmtCount(r.people.children)} ${r.people.definition.figures.children.what} (${r.people.definition.source})`
                        : ''}{' '}
                      · nearest {p.settings.venueSet === 'hubs' ? 'hub' : 'venue'}{' '}
                      {r.nearestHub ? `${r.nearestHub.name}, ${formatDistance(r.nearestHub.distanceM)}` : 'none'}
                    </span>
                    <span class="venue-list__meta">
                      {r.nearby.length === 0
                        ? `Nothing recorded within ${formatDistance(p.settings.radiusM)}.`
                        : `Within ${formatDistance(p.settings.radiusM)}: ${r.nearby.map((n) => `${n.name}${n.precision === 'area' ? ' (location approximate)' : ''}`).join('; ')}`}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </div>
        )}
      </Show>
    </>
  );
}
