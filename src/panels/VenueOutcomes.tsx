import { For, Show } from 'solid-js';
import { ROW_STATUS_LABEL, type RowOutcome, type RowStatus } from '../domain/venue-lists/place';

const ORDER: readonly RowStatus[] = [
  'placed',
  'placed-postcode',
  'postcode-not-found',
  'outside-council',
  'outside-england',
  'no-location',
  'duplicate',
  'missing-name',
];
const PROBLEM_LIMIT = 500;

/** What happened to each row: counts by outcome, then every row that was not drawn, by row number. */
export function VenueOutcomes(p: { counts: Record<RowStatus, number>; outcomes: readonly RowOutcome[] }) {
  const problems = () => p.outcomes.filter((o) => o.status !== 'placed' && o.status !== 'placed-postcode');
  return (
    <div data-testid="venue-outcomes">
      <ul class="venue-counts">
        <For each={ORDER.filter((s) => p.counts[s] > 0)}>
          {(s) => (
            <li data-status={s}>
              {p.counts[s]} {ROW_STATUS_LABEL[s]}
            </li>
          )}
        </For>
      </ul>
      <Show when={problems().length > 0}>
        <details open={problems().length <= 50}>
          <summary>Rows not drawn ({problems().length})</summary>
          <ol class="venue-problems" data-testid="venue-problems">
            <For each={problems().slice(0, PROBLEM_LIMIT)}>
              {(o) => (
                <li data-row={o.row} data-status={o.status}>
                  {ROW_STATUS_LABEL[o.status]}: {o.message}
                  {o.name ? ` (${o.name})` : ''}
                </li>
              )}
            </For>
          </ol>
          <Show when={problems().length > PROBLEM_LIMIT}>
            <p class="controls__note">
              … and {problems().length - PROBLEM_LIMIT} more; download the outcomes to see them all.
            </p>
          </Show>
        </details>
      </Show>
    </div>
  );
}
