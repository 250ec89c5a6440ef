import { PRIORITY_WARDS } from '../data/priority-areas';
import { COUNCIL } from '../data/council';
import { createMemo, For, Show } from 'solid-js';
import { valueKey, type IndicatorId, type LsoaProperties, type ReleaseId, type WardProperties } from '../data/contract';
import { DECILE_COLOURS } from '../domain/colour-schemes';
import { indicatorInfo, RELEASE_LABEL } from '../domain/indicators';
import { profile, propsTable } from '../domain/area-profile';
import { wardAreaSet } from '../domain/area-set';
import { decileDistribution, deprivationFlag, formatShare } from '../domain/profile';
import { sortRows } from '../domain/sort';
import { fmtCount } from '../domain/people';
import { wardPeople, wardScores, wardWeightsNote } from '../domain/ward-people';
import { createSortState, SortHeader } from './sortable';
import { AreaMeasures } from './AreaMeasures';

export interface WardProfileProps {
  props: WardProperties;
  lsoas: LsoaProperties[];
  release: ReleaseId;
  indicator: IndicatorId;
  priority: boolean;
  neighbourhoods: { name: string; note: string }[];
  onSelectLsoa: (code: string) => void;
  onExport?: () => void;
  /** IoD 2025 people figures: every LSOA 2021 of the area (for ward ranks), or why there are none. */
  people?: { areaLsoas: LsoaProperties[]; unavailable: string | null };
  /** Opens the printable ward briefing. */
  onBriefing?: () => void;
  /** LSOAs in England in IoD 2025: when given, the ward's IoD summary measures are shown (AreaMeasures). */
  nationalCount?: number;
}

type SortKey = 'name' | 'decile' | 'rank' | 'change';

/** Profile of one ward: decile distribution chart, summary figures, and a sortable list of its LSOAs. */
export function WardProfile(p: WardProfileProps) {
  const sort = createSortState<SortKey>('rank');
  // The ward's figures by the one area-set profile (the same function baked the ward summaries).
  const summary = createMemo(() =>
    profile(
      wardAreaSet(
        p.props,
        p.lsoas.map((l) => ({ properties: l })),
      ),
      propsTable(p.lsoas),
      p.release,
    ),
  );
  const dist = createMemo(() => decileDistribution(p.lsoas, p.release, p.indicator));
  const maxCount = () => Math.max(1, ...dist().counts);
  const label = () => indicatorInfo(p.indicator).label;
  const wardLsoas21 = createMemo(() => (p.people?.areaLsoas ?? []).filter((l) => l.ward === p.props.code));
  const people = createMemo(() => wardPeople(wardLsoas21()));
  const scores = createMemo(() => (p.people ? (wardScores(p.people.areaLsoas).get(p.props.code) ?? []) : []));

  const rows = createMemo(() =>
    sortRows(
      p.lsoas.map((l) => ({
        code: l.code,
        name: l.name,
        decile: (l[valueKey(p.release, p.indicator, 'd')] as number | undefined) ?? null,
        rank: (l[valueKey(p.release, p.indicator, 'r')] as number | undefined) ?? null,
        flag: deprivationFlag(l, p.release),
        // IMD decile change 2019 → 2025 (only for LSOAs whose boundary did not change).
        change: p.release === '2025' && typeof l.dchg_19_25 === 'number' ? l.dchg_19_25 : null,
        comparable: l.chg === 'U',
      })),
      sort.key(),
      sort.direction(),
    ),
  );

  return (
    <article class="profile" aria-labelledby="profile-title" data-testid="ward-profile">
      <h2 id="profile-title" class="profile__title">
        {p.props.name}
      </h2>
      <p class="profile__meta">
        Electoral ward ({COUNCIL.wardMethod?.vintage ?? 'December 2024'} boundaries), {p.props.code}.{' '}
        <Show when={p.priority}>
          <strong>One of the {PRIORITY_WARDS.length} priority wards</strong> named in the council’s 2019 Locality
          Working report.{' '}
        </Show>
      </p>
      <Show when={p.onBriefing}>
        <p>
          <button type="button" id="ward-briefing-button" class="button" onClick={() => p.onBriefing?.()}>
            Ward briefing (print or PDF)
          </button>
        </p>
      </Show>
      <dl class="profile__facts">
        <dt>Community committee</dt>
        <dd>{p.props.committee ?? 'not known'}</dd>
        <dt>LSOAs ({RELEASE_LABEL[p.release]})</dt>
        <dd>{summary().lsoas}</dd>
        <dt>In the most deprived 10% nationally (IMD)</dt>
        <dd>
          {summary().decile1} ({formatShare(summary().decile1Share)})
        </dd>
        <dt>In the most deprived 1% nationally (IMD)</dt>
        <dd>{summary().in1pc}</dd>
        <dt>Median national IMD rank of its LSOAs</dt>
        <dd>{summary().medianRank?.toLocaleString('en-GB') ?? 'not available'}</dd>
      </dl>
      <Show when={p.people}>
        <h3 class="profile__subtitle">People{people() ? ` (${people()!.definition.source})` : ''}</h3>
        <Show
          when={people()}
          fallback={
            <p data-testid="ward-people-unavailable">
              {wardLsoas21().length === 0 && p.people?.areaLsoas.length
                ? 'No LSOA 2021 is in this ward by the ONS best-fit lookup (normal for best-fit), so it has no population figures.'
                : `Population figures are unavailable${p.people?.unavailable ? `: ${p.people.unavailable}` : ' for this ward'}.`}
            </p>
          }
        >
          {(w) => (
            <>
              <dl class="profile__facts" data-testid="ward-people">
                <dt>{w().definition.figures.population.heading}</dt>
                <dd data-testid="ward-population">{fmtCount(w().population)}</dd>
                <dt>{w().definition.figures.children.heading}</dt>
                <dd>{fmtCount(w().children)}</dd>
                <dt>{w().definition.figures.olderPeople.heading}</dt>
                <dd>{fmtCount(w().olderPeople)}</dd>
                <Show when={w().olderPeople65 !== null && w().definition.figures.olderPeople65}>
                  <dt>{w().definition.figures.olderPeople65?.heading}</dt>
                  <dd>{fmtCount(w().olderPeople65 ?? 0)}</dd>
                </Show>
              </dl>
              <p data-testid="ward-people-10pc">
                {fmtCount(w().inMostDeprived10)} people ({Math.round(w().shareMostDeprived10 * 100)}%;{' '}
                {w().definition.figures.population.label}) of this ward live in LSOAs in the most deprived 10% in
                England (IMD, IoD 2025).
              </p>
              <p class="controls__note">
                {w().definition.source} figures for whole LSOAs ({w().definition.description}), summed over the ward’s
                LSOAs 2021.
              </p>
            </>
          )}
        </Show>
        <Show when={scores().length > 0}>
          <table class="simple-table" data-testid="ward-scores">
            <caption>
              Ward scores: the mean of its LSOAs’ IoD 2025 scores weighted by population, as the IoD technical report
              summarises larger areas (from scores rounded to 3 significant figures). Rank 1 = most deprived ward of the
              area.{people() ? ` ${wardWeightsNote(people()!.definition)}` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Score</th>
                <th scope="col">Rank among wards</th>
                <th scope="col">Weighted by</th>
              </tr>
            </thead>
            <tbody>
              <For each={scores()}>
                {(s) => (
                  <tr>
                    <th scope="row">{indicatorInfo(s.indicator).label}</th>
                    <td>{Number(s.score.toPrecision(3)).toLocaleString('en-GB')}</td>
                    <td>
                      {s.rank} of {s.of}
                    </td>
                    <td>{s.weightLabel}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </Show>
      <Show when={p.people && p.nationalCount}>
        {(n) => (
          <>
            <h3 class="profile__subtitle">IoD summary measures</h3>
            <AreaMeasures lsoas={wardLsoas21()} nationalCount={n()} areaLabel="this ward" testId="ward-measures" />
          </>
        )}
      </Show>
      <Show when={p.neighbourhoods.length > 0}>
        <h3 class="profile__subtitle">Priority neighbourhoods</h3>
        <ul>
          <For each={p.neighbourhoods}>
            {(n) => (
              <li>
                <strong>{n.name}</strong> — {n.note}
              </li>
            )}
          </For>
        </ul>
      </Show>

      <h3 class="profile__subtitle" id="ward-dist-title">
        LSOAs by national decile: {label()}
      </h3>
      <div class="histogram" role="img" aria-labelledby="ward-dist-title" aria-describedby="ward-dist-desc">
        <For each={dist().counts}>
          {(count, i) => (
            <div class="histogram__col">
              <span class="histogram__count">{count}</span>
              <span
                class="histogram__bar"
                style={{ height: `${(count / maxCount()) * 80}px`, 'background-color': DECILE_COLOURS[i()] }}
              />
              <span class="histogram__label">{i() + 1}</span>
            </div>
          )}
        </For>
      </div>
      <p id="ward-dist-desc" class="sr-only">
        {dist()
          .counts.map((c, i) => `decile ${i + 1}: ${c}`)
          .join(', ')}
        {dist().missing > 0 ? `, not published: ${dist().missing}` : ''}.
      </p>
      <p class="controls__note">Decile 1 = most deprived 10% in England.</p>

      <h3 class="profile__subtitle">LSOAs in this ward</h3>
      <Show when={p.onExport}>
        <button type="button" class="button" onClick={() => p.onExport?.()}>
          Download this list (CSV)
        </button>
      </Show>
      <Show when={p.release === '2025'}>
        <p class="controls__note">
          Change since 2019: − means the LSOA moved towards decile 1 (more deprived), + towards decile 10; only for
          LSOAs whose boundary did not change in 2021.
        </p>
      </Show>
      <table class="simple-table sortable" data-testid="ward-lsoa-table">
        <caption class="sr-only">LSOAs in {p.props.name}, sortable by column</caption>
        <thead>
          <tr>
            <SortHeader sort={sort} column="name">
              LSOA
            </SortHeader>
            <SortHeader sort={sort} column="decile">
              Decile
            </SortHeader>
            <SortHeader sort={sort} column="rank">
              National rank
            </SortHeader>
            <Show when={p.release === '2025'}>
              <SortHeader sort={sort} column="change">
                IMD decile change since 2019
              </SortHeader>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(r) => (
              <tr>
                <th scope="row">
                  <button type="button" class="link-button" onClick={() => p.onSelectLsoa(r.code)}>
                    {r.name}
                  </button>{' '}
                  <span class="profile__code">{r.code}</span>
                  <Show when={r.flag}>
                    <span class="badge">most deprived {r.flag}</span>
                  </Show>
                </th>
                <td>{r.decile ?? '—'}</td>
                <td>{r.rank?.toLocaleString('en-GB') ?? '—'}</td>
                <Show when={p.release === '2025'}>
                  <td>
                    {r.change === null
                      ? r.comparable
                        ? '—'
                        : 'boundary changed'
                      : r.change === 0
                        ? 'no change'
                        : `${r.change > 0 ? '+' : '−'}${Math.abs(r.change)}`}
                  </td>
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </article>
  );
}
