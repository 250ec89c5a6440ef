import { For, Show } from 'solid-js';
import { RELEASES_OLDEST_FIRST, type LsoaProperties, type ReleaseId } from '../data/contract';
import { COUNCIL } from '../data/council';
import { RELEASE_LABEL } from '../domain/indicators';
import { fmtCount, lsoaPeople } from '../domain/people';
import { changeSummary, deprivationFlag, describeDecileChange, formatRank, indicatorRows } from '../domain/profile';
import { DECILE_COLOURS } from '../domain/colour-schemes';
import { WhatMoved } from './WhatMoved';

export interface LsoaProfileProps {
  props: LsoaProperties;
  release: ReleaseId;
  nationalCount: number | null;
  areaCount: number;
  wardName: string | null;
  onSelectWard: () => void;
  /** Set when the LSOA shown is the 2021 area while a 2011-based release is selected, or vice versa. */
  vintageNote: string | null;
  /** LSOAs in England in IoD 2019 and 2025 (the "what moved" section's ranks are out of these). */
  changeCounts?: { from: number | null; to: number | null };
}

/** Profile of one LSOA: every indicator's decile as a bar chart, ranks, ward and comparable change. */
export function LsoaProfile(p: LsoaProfileProps) {
  const rows = () => indicatorRows(p.props, p.release);
  const flag = () => deprivationFlag(p.props, p.release);
  const change = () => changeSummary(p.props);
  const imd = () => rows().find((r) => r.indicator === 'imd');
  return (
    <article class="profile" aria-labelledby="profile-title" data-testid="lsoa-profile">
      <h2 id="profile-title" class="profile__title">
        {p.props.name} <span class="profile__code">({p.props.code})</span>
      </h2>
      <p class="profile__meta">
        LSOA in{' '}
        <Show when={p.wardName} fallback="an unknown ward">
          <button type="button" class="link-button" onClick={p.onSelectWard}>
            {p.wardName} ward
          </button>
        </Show>
        . {RELEASE_LABEL[p.release]}.
      </p>
      <Show when={p.vintageNote}>
        <p class="notice">{p.vintageNote}</p>
      </Show>
      <Show when={flag()}>
        <p class="profile__flag">
          <strong>In the most deprived {flag()} of areas in England</strong> on the IMD ({RELEASE_LABEL[p.release]}).
        </p>
      </Show>
      <dl class="profile__facts">
        <dt>IMD national decile</dt>
        <dd>{imd()?.decile ?? 'not published'}</dd>
        <dt>IMD national rank</dt>
        <dd>{formatRank(imd()?.rank ?? null, p.nationalCount)} (1 = most deprived)</dd>
        <dt>IMD rank within {COUNCIL.name}</dt>
        <dd>{formatRank(imd()?.localRank ?? null, p.areaCount)}</dd>
        <Show when={imd()?.score !== null && imd()?.score !== undefined}>
          <dt>IMD score</dt>
          <dd>{imd()!.score}</dd>
        </Show>
        <Show when={lsoaPeople(p.props)}>
          {(pp) => (
            <>
              <dt>{pp().definition.figures.population.heading}</dt>
              <dd data-testid="lsoa-people">
                {fmtCount(pp().population)}: {fmtCount(pp().children)} {pp().definition.figures.children.what},{' '}
                {fmtCount(pp().olderPeople)} {pp().definition.figures.olderPeople.what}
                {pp().olderPeople65 !== null
                  ? `, ${fmtCount(pp().olderPeople65 ?? 0)} ${pp().definition.figures.olderPeople65?.what ?? ''}`
                  : ''}
              </dd>
            </>
          )}
        </Show>
        <Show when={typeof p.props.pop === 'number'}>
          <dt>Population (mid-2015, IoD 2019)</dt>
          <dd>{p.props.pop!.toLocaleString('en-GB')}</dd>
        </Show>
      </dl>

      <h3 class="profile__subtitle">National decile by domain</h3>
      <p class="controls__note">Shorter bar = more deprived. Decile 1 is the most deprived 10% in England.</p>
      <DomainDecileBars rows={rows()} release={p.release} />

      <h3 class="profile__subtitle">Change over time (IMD)</h3>
      <Show
        when={change().comparable}
        fallback={
          <p>
            This LSOA’s boundary changed between the 2011 and 2021 censuses (ONS change code “{p.props.chg}”), so its
            IoD 2015 and 2019 figures describe a different area and no change is computed.
          </p>
        }
      >
        <table class="simple-table">
          <thead>
            <tr>
              <th scope="col">Release</th>
              <th scope="col">National decile</th>
              <th scope="col">National rank</th>
            </tr>
          </thead>
          <tbody>
            <For each={[...RELEASES_OLDEST_FIRST]}>
              {(r) => (
                <tr>
                  <th scope="row">IoD {r}</th>
                  <td>{change().deciles[r] ?? 'not published'}</td>
                  <td>{change().ranks[r]?.toLocaleString('en-GB') ?? '—'}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <p>
          2019 → 2025: {describeDecileChange(change().change19to25)}. 2015 → 2025:{' '}
          {describeDecileChange(change().change15to25)}.
        </p>
        <WhatMoved
          props={p.props}
          from="2019"
          to="2025"
          fromCount={p.changeCounts?.from ?? null}
          toCount={p.changeCounts?.to ?? null}
        />
      </Show>
    </article>
  );
}

/** Each indicator's national decile as a bar (shorter = more deprived) with its decile and rank as text. */
function DomainDecileBars(p: { rows: ReturnType<typeof indicatorRows>; release: LsoaProfileProps['release'] }) {
  return (
    <table class="bars" aria-label={`National decile of each indicator, ${RELEASE_LABEL[p.release]}`}>
      <thead>
        <tr>
          <th scope="col">Indicator</th>
          <th scope="col">Decile</th>
          <th scope="col">National rank</th>
        </tr>
      </thead>
      <tbody>
        <For each={p.rows}>
          {(r) => (
            <tr>
              <th scope="row" classList={{ bars__sub: r.subdomain }}>
                {r.label}
              </th>
              <td class="bars__cell">
                <Show when={r.decile !== null} fallback={<span>not published</span>}>
                  <span
                    class="bars__bar"
                    style={{ width: `${(r.decile! / 10) * 100}%`, 'background-color': DECILE_COLOURS[r.decile! - 1] }}
                    aria-hidden="true"
                  />
                  <span class="bars__value">{r.decile}</span>
                </Show>
              </td>
              <td>{r.rank === null ? '—' : r.rank.toLocaleString('en-GB')}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
