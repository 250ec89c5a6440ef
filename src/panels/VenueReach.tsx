import { createEffect, createSignal, For, onCleanup, Show } from 'solid-js';
import type { LsoaCollection } from '../data/load';
import { CATCHMENT_RADII_M, formatDistance } from '../domain/outreach/catchment';
import {
  fmtCount,
  hasPeople,
  PEOPLE_UNAVAILABLE,
  peopleCaveat,
  peopleCountSentence,
  type PeopleTotals,
} from '../domain/people';
import type { ReachExportContext } from '../domain/venue-lists/export';
import { listReach, type GapArea, type ListReach, type ReachVenue } from '../domain/outreach/reach';
import { latestInOwnTask } from '../state/latest-in-own-task';
import { downloadText } from './download';

// The figures' own definition names the source, year and age bands (Census 2021 or mid-2022 File 7).
const people = (t: PeopleTotals) => peopleCountSentence(t);

/** The distance and the deciles counted as deprived. */
function VenueReachControls(p: {
  radiusM: number;
  maxDecile: number;
  onRadius: (m: number) => void;
  onMaxDecile: (d: number) => void;
}) {
  return (
    <>
      <fieldset class="controls__group">
        <legend>Straight-line distance from each venue</legend>
        <For each={[...CATCHMENT_RADII_M]}>
          {(r) => (
            <label class="choice">
              <input type="radio" name="venue-reach-radius" checked={p.radiusM === r} onChange={() => p.onRadius(r)} />
              <span>{formatDistance(r)}</span>
            </label>
          )}
        </For>
      </fieldset>
      <label class="venue-mapping__key">
        <span>Deprived areas: IMD national decile</span>
        <select
          id="venue-gap-decile"
          value={String(p.maxDecile)}
          onChange={(e) => p.onMaxDecile(Number(e.currentTarget.value))}
        >
          <option value="1">1 (most deprived 10%)</option>
          <option value="2">1–2 (most deprived 20%)</option>
          <option value="3">1–3 (most deprived 30%)</option>
        </select>
      </label>
    </>
  );
}

const GAPS_SHOWN = 20;

/** The deprived LSOAs beyond every venue, most people first: the first 20 (the CSV has them all). */
function VenueGapsTable(p: { gaps: readonly GapArea[]; radiusM: number; onSelectLsoa: (code: string) => void }) {
  return (
    <Show
      when={p.gaps.length > 0}
      fallback={<p>Every LSOA in the chosen deciles is within {formatDistance(p.radiusM)} of a venue.</p>}
    >
      <div class="table-scroll" tabindex="0" role="region" aria-label="Deprived areas beyond every venue">
        <table class="simple-table" data-testid="venue-gaps">
          <caption class="sr-only">
            LSOAs in the chosen IMD deciles farther than {formatDistance(p.radiusM)} from every venue, most people first
          </caption>
          <thead>
            <tr>
              <th scope="col">LSOA</th>
              <th scope="col">IMD decile</th>
              <th scope="col">People</th>
              <th scope="col">Nearest venue</th>
            </tr>
          </thead>
          <tbody>
            <For each={p.gaps.slice(0, GAPS_SHOWN)}>
              {(g) => (
                <tr>
                  <td>
                    <button type="button" class="link-button" onClick={() => p.onSelectLsoa(g.code)}>
                      {g.name}
                    </button>
                  </td>
                  <td>{g.decile}</td>
                  <td>{g.people ? fmtCount(g.people.population) : 'not known'}</td>
                  <td>
                    {g.nearest
                      ? `${g.nearest.name} (${formatDistance(Math.round(g.nearest.distanceM / 10) * 10)})`
                      : 'none'}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={p.gaps.length > GAPS_SHOWN}>
        <p class="controls__note">
          The {GAPS_SHOWN} with most people are shown; the CSV holds all {p.gaps.length}.
        </p>
      </Show>
    </Show>
  );
}

/**
 * Who the shown lists reach within a distance, and the deprived areas none of them reaches. The
 * figures are worked out in a task of their own after the venues change (latestInOwnTask), so a
 * new 5,000-venue list is saved and listed in one task and counted in the next.
 */
export function VenueReach(p: {
  venues: readonly ReachVenue[];
  lsoa21: LsoaCollection | null;
  listName: string;
  exportContext: Omit<ReachExportContext, 'listName'>;
  wardName: (code: string) => string;
  onSelectLsoa: (code: string) => void;
}) {
  const [radiusM, setRadius] = createSignal(800);
  const [maxDecile, setMaxDecile] = createSignal(2);
  const [result, setResult] = createSignal<ListReach | null>(null);
  let live = true;
  onCleanup(() => (live = false));
  const count = latestInOwnTask((run: () => ListReach | null) => {
    if (live) setResult(run());
  });
  createEffect(() => {
    const [venues, areas, r, d] = [p.venues, p.lsoa21, radiusM(), maxDecile()];
    count(() => (areas && venues.length > 0 ? listReach(venues, areas.features, r, d, '2025') : null));
  });
  const ctx = (): ReachExportContext => ({ ...p.exportContext, listName: p.listName });
  // The CSV writers load when a download is asked for, never with the panel (first-view code stays small).
  const download = async (kind: 'reach' | 'gaps', r: ListReach) => {
    const [{ gapListCsv, reachCsv, reachFileName }, { CSV_MIME, UTF8_BOM }] = await Promise.all([
      import('../domain/venue-lists/export'),
      import('../domain/export/csv'),
    ]);
    const body = kind === 'reach' ? reachCsv(r, ctx()) : gapListCsv(r, ctx(), p.wardName);
    downloadText(reachFileName(ctx().area, p.listName, kind, r.radiusM), UTF8_BOM + body, CSV_MIME);
  };
  return (
    <section class="venue-reach" aria-labelledby="venue-reach-title" data-testid="venue-reach">
      <h3 id="venue-reach-title">Who these venues reach, and who they miss</h3>
      <VenueReachControls radiusM={radiusM()} maxDecile={maxDecile()} onRadius={setRadius} onMaxDecile={setMaxDecile} />
      <Show when={p.lsoa21} fallback={<p class="controls__note">Loading the areas’ population-weighted centres…</p>}>
        <Show when={result()} fallback={<p class="controls__note">Counting the people these venues reach…</p>}>
          {(r) => (
            <>
              <Show when={hasPeople(r().reached) || r().reached.lsoas === 0} fallback={<p>{PEOPLE_UNAVAILABLE}</p>}>
                <p role="status" data-testid="venue-reach-total">
                  Within {formatDistance(r().radiusM)} of at least one venue: {r().reached.lsoas} LSOAs,{' '}
                  {people(r().reached)}. Beyond every venue: {people(r().beyond)}.
                </p>
                <p class="controls__note">
                  {peopleCaveat(r().reached.definition ?? r().beyond.definition)} An area reached by several venues is
                  counted once.
                </p>
              </Show>
              <div class="venue-mapping__actions">
                <button type="button" class="button" onClick={() => void download('reach', r())}>
                  Download people per venue (CSV)
                </button>
                <button type="button" class="button" onClick={() => void download('gaps', r())}>
                  Download the gap list (CSV)
                </button>
              </div>
              <h4>Deprived areas beyond every venue ({r().gaps.length})</h4>
              <VenueGapsTable gaps={r().gaps} radiusM={r().radiusM} onSelectLsoa={p.onSelectLsoa} />
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
