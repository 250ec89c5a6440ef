import { PRIORITY_WARDS } from '../data/priority-areas';
import { COUNCIL } from '../data/council';
import { createMemo, For, Show } from 'solid-js';
import type { IndicatorId, LsoaProperties, ReleaseId, WardProperties } from '../data/contract';
import { RELEASE_LABEL } from '../domain/indicators';
import { profile, propsTable } from '../domain/area-profile';
import { wardAreaSet } from '../domain/area-set';
import { formatShare } from '../domain/profile';
import { AreaMeasures } from './AreaMeasures';
import { AreaWhatMoved } from './AreaWhatMoved';
import { WardEngland, type WardEnglandProps } from './WardEngland';
import { WardDecileChart, WardLsoaTable } from './WardLsoaList';
import { WardPeopleSection } from './WardPeopleSection';

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
  /** LSOAs in England in IoD 2019 and 2025: when given, what moved by domain across the ward's unchanged LSOAs. */
  changeCounts?: { from: number | null; to: number | null };
  /** England's wards, for the ward's peers and yardsticks (WardEngland). */
  england?: Omit<WardEnglandProps, 'wardCode' | 'wardName'>;
}

/** Profile of one ward: summary figures, people and scores, what moved, England comparisons, deciles and its LSOAs. */
export function WardProfile(p: WardProfileProps) {
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
  const wardLsoas21 = createMemo(() => (p.people?.areaLsoas ?? []).filter((l) => l.ward === p.props.code));
  const listProps = () => ({
    wardName: p.props.name,
    lsoas: p.lsoas,
    release: p.release,
    indicator: p.indicator,
    onSelectLsoa: p.onSelectLsoa,
    onExport: p.onExport,
  });

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
        {(pp) => <WardPeopleSection wardCode={p.props.code} wardLsoas21={wardLsoas21()} people={pp()} />}
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

      <Show when={p.changeCounts && wardLsoas21().length > 0}>
        <AreaWhatMoved
          lsoas={wardLsoas21()}
          from="2019"
          to="2025"
          fromCount={p.changeCounts?.from ?? null}
          toCount={p.changeCounts?.to ?? null}
          testId="ward-what-moved"
        />
      </Show>
      <Show when={p.england}>{(e) => <WardEngland wardCode={p.props.code} wardName={p.props.name} {...e()} />}</Show>
      <WardDecileChart {...listProps()} />
      <WardLsoaTable {...listProps()} />
    </article>
  );
}
