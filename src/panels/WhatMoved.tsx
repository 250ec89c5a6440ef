import { For, Show } from 'solid-js';
import type { LsoaProperties, ReleaseId } from '../data/contract';
import { ranksAreRelative, whatMoved, type Standing } from '../domain/what-moved';

const cell = (s: Standing | null) =>
  s ? `decile ${s.decile} (rank ${s.rank.toLocaleString('en-GB')})` : 'not published';

/**
 * What moved between two releases, domain by domain, for an LSOA whose boundary did not change (the
 * profile's IMD change table says so for the others). Text and a table; no colour needed.
 */
export function WhatMoved(p: {
  props: LsoaProperties;
  from: ReleaseId;
  to: ReleaseId;
  fromCount: number | null;
  toCount: number | null;
}) {
  const moved = () => whatMoved(p.props, p.from, p.to);
  return (
    <Show
      when={(() => {
        const m = moved();
        return m.comparable && m.rows.some((r) => r.before && r.after) ? m : null;
      })()}
    >
      {(m) => (
        <section data-testid="what-moved" aria-labelledby="what-moved-title">
          <h3 class="profile__subtitle" id="what-moved-title">
            What moved, IoD {p.from} → {p.to}, by domain
          </h3>
          <p data-testid="what-moved-summary">
            {m().moreDeprived.length > 0
              ? `Towards more deprived: ${m().moreDeprived.join(', ')}. `
              : 'No domain moved towards more deprived. '}
            {m().lessDeprived.length > 0
              ? `Towards less deprived: ${m().lessDeprived.join(', ')}. `
              : 'No domain moved towards less deprived. '}
            Same decile: {m().unchanged} of {m().rows.length}.
          </p>
          <table class="simple-table" data-testid="what-moved-table">
            <caption class="sr-only">
              National decile and rank of each domain in IoD {p.from} and IoD {p.to}, and the change in decile
            </caption>
            <thead>
              <tr>
                <th scope="col">Domain</th>
                <th scope="col">IoD {p.from}</th>
                <th scope="col">IoD {p.to}</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              <For each={m().rows}>
                {(r) => (
                  <tr data-indicator={r.indicator}>
                    <th scope="row">{r.label}</th>
                    <td>{cell(r.before)}</td>
                    <td>{cell(r.after)}</td>
                    <td>{r.description}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <p class="controls__note">
            {ranksAreRelative(p.fromCount, p.toCount)} Decile 1 = most deprived 10% in England.
          </p>
        </section>
      )}
    </Show>
  );
}
