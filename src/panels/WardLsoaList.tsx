import { createMemo, For, Show } from 'solid-js';
import { valueKey, type IndicatorId, type LsoaProperties, type ReleaseId } from '../data/contract';
import { DECILE_COLOURS } from '../domain/colour-schemes';
import { indicatorInfo } from '../domain/indicators';
import { decileDistribution, deprivationFlag } from '../domain/profile';
import { sortRows } from '../domain/sort';
import { createSortState, SortHeader } from './sortable';

type SortKey = 'name' | 'decile' | 'rank' | 'change';

interface WardLsoasProps {
  wardName: string;
  lsoas: LsoaProperties[];
  release: ReleaseId;
  indicator: IndicatorId;
  onSelectLsoa: (code: string) => void;
  onExport?: () => void;
}

/** The ward's LSOAs by national decile of the mapped indicator: a bar chart with its counts as text. */
export function WardDecileChart(p: WardLsoasProps) {
  const dist = createMemo(() => decileDistribution(p.lsoas, p.release, p.indicator));
  const maxCount = () => Math.max(1, ...dist().counts);
  const label = () => indicatorInfo(p.indicator).label;
  return (
    <>
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
    </>
  );
}

/** The ward's LSOAs, sortable, each opening its profile; with the CSV download. */
export function WardLsoaTable(p: WardLsoasProps) {
  const sort = createSortState<SortKey>('rank');
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
    <>
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
        <caption class="sr-only">LSOAs in {p.wardName}, sortable by column</caption>
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
    </>
  );
}
