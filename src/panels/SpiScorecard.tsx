import { COUNCIL } from '../data/council';
import { For, Show } from 'solid-js';
import { wardChange, wardScorecard, type ScoreLine, type SpiDataset } from '../domain/spi';

function fmt(v: number | null): string {
  return v === null ? 'missing' : v.toFixed(1);
}

/** A range bar: the area's min–max, the median tick, and the ward's score as a marker (with the numbers in text). */
function RangeBar(props: { line: ScoreLine }) {
  const pos = (v: number | null) => (v === null ? 0 : Math.max(0, Math.min(100, v)));
  return (
    <svg class="range-bar" width="120" height="14" viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true">
      <rect
        x={pos(props.line.min)}
        y="5"
        width={Math.max(0.5, pos(props.line.max) - pos(props.line.min))}
        height="4"
        fill="#bdbdbd"
      />
      <rect x={pos(props.line.median) - 0.5} y="2" width="1" height="10" fill="#1a1a1a" />
      <Show when={props.line.value !== null}>
        <circle cx={pos(props.line.value)} cy="7" r="3.2" fill="#005ea5" stroke="#fff" stroke-width="1" />
      </Show>
    </svg>
  );
}

function Mark(props: { line: ScoreLine }) {
  return (
    <Show when={props.line.mark}>
      <span class={`badge badge--${props.line.mark}`}>
        {props.line.mark === 'strength' ? '▲ strength' : '▼ weakness'}
      </span>
    </Show>
  );
}

function Row(props: { line: ScoreLine; component?: boolean }) {
  return (
    <tr>
      <th scope="row" classList={{ bars__sub: props.component === true }}>
        {props.line.measure.label} <Mark line={props.line} />
      </th>
      <td>{fmt(props.line.value)}</td>
      <td>{fmt(props.line.median)}</td>
      <td>
        {fmt(props.line.min)}–{fmt(props.line.max)}
      </td>
      <td>
        <RangeBar line={props.line} />
      </td>
    </tr>
  );
}

/** A ward's SPI scorecard: overall, 3 dimensions and 12 components against the area's median and range. */
export function SpiScorecard(props: { data: SpiDataset; wardCode: string; year: number }) {
  const card = () => wardScorecard(props.data, props.wardCode, props.year);
  const otherYear = () => props.data.years.filter((y) => y !== props.year).at(-1) ?? null;
  const changes = () => {
    const from = otherYear();
    if (from === null) return [];
    const [a, b] = from < props.year ? [from, props.year] : [props.year, from];
    return wardChange(props.data, props.wardCode, a, b);
  };
  return (
    <section class="scorecard" aria-labelledby="scorecard-title" data-testid="spi-scorecard">
      <h3 id="scorecard-title" class="profile__subtitle">
        Social Progress Index {props.year}
      </h3>
      <Show when={card()} fallback={<p>No SPI scores for this ward in {props.year}.</p>}>
        {(c) => (
          <>
            <Show when={c().note}>
              <p class="notice notice--error">{c().note}</p>
            </Show>
            <p class="controls__note">
              Scores 0–100, higher is better. ▲ strength: in the top quarter of {COUNCIL.name} wards; ▼ weakness: in the
              bottom quarter. The bar shows the {COUNCIL.name} range (grey), median (black tick) and this ward (blue
              dot).
            </p>
            <table class="simple-table">
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">Ward</th>
                  <th scope="col">{COUNCIL.name} median</th>
                  <th scope="col">{COUNCIL.name} range</th>
                  <th scope="col">
                    <span class="sr-only">Position in range</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <Row line={c().overall} />
                <For each={c().dimensions}>
                  {(d) => (
                    <>
                      <Row line={d} />
                      <For each={d.components}>{(comp) => <Row line={comp} component />}</For>
                    </>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={changes().length > 0}>
              <h4>Change between years</h4>
              <ul>
                <For each={changes().filter((ch) => ch.measure.level !== 'component')}>
                  {(ch) => (
                    <li>
                      {ch.measure.label}: {fmt(ch.from)} → {fmt(ch.to)} (
                      {ch.change === null ? 'not comparable' : `${ch.change > 0 ? '+' : ''}${ch.change.toFixed(1)}`})
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
