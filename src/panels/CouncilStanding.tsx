import { For, Match, Show, Switch } from 'solid-js';
import { SUMMARY_MEASURES_METHOD } from '../domain/iod-measures';
import { standingHeadline, standingRows } from '../domain/standing';
import { availableStanding, standingMissing, useStanding } from '../state/standing-store';

/**
 * The council summary: where the council stands among England's districts, as IoD 2025 File 10
 * publishes it (figures and ranks copied, not recomputed). One table row per measure, so it reads
 * on a 390 px phone and in a screen reader row by row.
 */
export function CouncilStanding() {
  const state = useStanding();
  return (
    <section aria-labelledby="standing-title" data-testid="council-standing">
      <h3 id="standing-title">The council’s standing in England</h3>
      <Switch>
        <Match when={state().status === 'loading'}>
          <p role="status">Loading the council’s IoD 2025 district summary…</p>
        </Match>
        <Match when={standingMissing(state())}>
          {(why) => <p data-testid="standing-unavailable">Not available for this area: {why()}.</p>}
        </Match>
        <Match when={availableStanding(state())}>
          {(s) => (
            <>
              <p data-testid="standing-headline">
                <strong>{standingHeadline(s())}</strong>
              </p>
              <table class="simple-table standing-table" data-testid="standing-table">
                <caption>
                  {s().area.name} among England’s {s().districts} local authority districts, as published in{' '}
                  {s().source.title} ({s().source.publisher}). Rank 1st = most deprived. Extent and local concentration
                  are published for the IMD only, scale for income and employment.
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Measure</th>
                    <th scope="col">Figure</th>
                    <th scope="col">Rank in England</th>
                  </tr>
                </thead>
                <For each={standingRows(s())}>
                  {(row) => (
                    <tbody data-indicator={row.indicator}>
                      <tr>
                        <th scope="colgroup" colSpan={3} class="standing-table__indicator">
                          {row.label}
                        </th>
                      </tr>
                      <For each={row.cells}>
                        {(c) => (
                          <tr data-measure={c.measure}>
                            <th scope="row">{c.label}</th>
                            <td>{c.value}</td>
                            <td>{c.rank}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  )}
                </For>
              </table>
              <p class="controls__note">
                Published figures, not recomputed.{' '}
                <a href={s().source.downloadPage} rel="noreferrer noopener" target="_blank">
                  File 10 on gov.uk
                </a>
                . Ward figures in the ward profile and briefing are computed by the same method from this atlas’s LSOA
                values: {SUMMARY_MEASURES_METHOD}
              </p>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

/** One sentence: the council's rank of average IMD score among England's districts (or why there is none). */
export function StandingHeadline(p: { testId: string }) {
  const state = useStanding();
  return (
    <Show
      when={availableStanding(state())}
      fallback={
        <p>
          {standingMissing(state())
            ? `The council’s district summary is not available: ${standingMissing(state())}.`
            : 'Loading the council’s district summary…'}
        </p>
      }
    >
      {(s) => <p data-testid={p.testId}>{standingHeadline(s())}</p>}
    </Show>
  );
}
