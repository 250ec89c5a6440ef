import { createMemo, For, Show } from 'solid-js';
import type { ReleaseId } from '../data/contract';
import { areaWhatMoved, NO_EARLIER_SCORES, ranksAreRelative } from '../domain/what-moved';

/**
 * What moved across an area (a ward or your own area), IoD 2019 → 2025 by domain: how many of its
 * unchanged LSOAs were in England's most deprived 10% and 20%, and which LSOAs cannot be compared.
 */
export function AreaWhatMoved(p: {
  lsoas: readonly Readonly<Record<string, unknown>>[];
  from: ReleaseId;
  to: ReleaseId;
  fromCount: number | null;
  toCount: number | null;
  testId: string;
}) {
  const m = createMemo(() => areaWhatMoved(p.lsoas, p.from, p.to));
  const titleId = `${p.testId}-title`;
  return (
    <section data-testid={p.testId} aria-labelledby={titleId}>
      <h3 class="profile__subtitle" id={titleId}>
        What moved, IoD {p.from} → {p.to}, by domain
      </h3>
      <Show
        when={m().comparable > 0}
        fallback={
          <p data-testid={`${p.testId}-none`}>
            None of these {p.lsoas.length} LSOAs can be compared between IoD {p.from} and {p.to}, so no change by domain
            is given.
          </p>
        }
      >
        <table class="simple-table" data-testid={`${p.testId}-table`}>
          <caption>
            Of the {m().comparable} LSOAs whose boundary did not change in 2021: how many were in England’s most
            deprived 10% (decile 1) and 20% (deciles 1–2) of each domain
          </caption>
          <thead>
            <tr>
              <th scope="col">Domain</th>
              <th scope="col">
                In the most deprived 10%, {p.from} → {p.to}
              </th>
              <th scope="col">
                In the most deprived 20%, {p.from} → {p.to}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={m().rows}>
              {(r) => (
                <tr data-indicator={r.indicator}>
                  <th scope="row">{r.label}</th>
                  <td data-before={r.before.in10} data-after={r.after.in10}>
                    {r.before.in10} → {r.after.in10}
                  </td>
                  <td data-before={r.before.in20} data-after={r.after.in20}>
                    {r.before.in20} → {r.after.in20}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={m().notComparable.length > 0}>
        <details data-testid={`${p.testId}-not-comparable`}>
          <summary>
            {m().notComparable.length} LSOA{m().notComparable.length === 1 ? ' is' : 's are'} not comparable
          </summary>
          <ul>
            <For each={m().notComparable}>
              {(l) => (
                <li>
                  {l.name} <span class="profile__code">{l.code}</span>: {l.why}
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
      <p class="controls__note">
        {ranksAreRelative(p.fromCount, p.toCount)} {NO_EARLIER_SCORES}
      </p>
    </section>
  );
}
