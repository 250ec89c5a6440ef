import { createMemo, For, Show } from 'solid-js';
import { areaMeasureRows } from '../domain/standing';
import { availableStanding, loadedStanding, useStanding } from '../state/standing-store';

export interface AreaMeasuresProps {
  /** The area's LSOAs 2021 with their detail values (IMD score, rank, mid-2022 population). */
  lsoas: readonly Readonly<Record<string, unknown>>[];
  /** LSOAs in England (IoD 2025). */
  nationalCount: number;
  /** "this ward", for the column heading. */
  areaLabel: string;
  testId: string;
}

/**
 * An area's IMD summary measures computed by File 10's method (src/domain/iod-measures.ts), beside
 * the council's published File 10 figures. A figure that cannot be computed says why.
 */
export function AreaMeasures(p: AreaMeasuresProps) {
  const standing = useStanding();
  const measured = createMemo(() => areaMeasureRows(p.lsoas, p.nationalCount, loadedStanding(standing())));
  const council = () => availableStanding(standing());
  return (
    <table class="simple-table" data-testid={p.testId}>
      <caption>
        IoD 2025 IMD summary measures: {p.areaLabel} computed by the method of File 10 (weighted by{' '}
        {measured().weights ?? 'population, which this build does not have for every LSOA'}
        {'; ranks reversed'}, so higher = more deprived)
        <Show when={council()}>
          {(c) => (
            <>
              {'; '}
              {c().area.name} as published in File 10, with its rank of {c().districts} districts
            </>
          )}
        </Show>
        .
      </caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">{p.areaLabel.replace(/^./, (ch) => ch.toUpperCase())}</th>
          <Show when={council()}>{(c) => <th scope="col">{c().area.name}</th>}</Show>
        </tr>
      </thead>
      <tbody>
        <For each={measured().rows}>
          {(r) => (
            <tr data-measure={r.measure}>
              <th scope="row">{r.label}</th>
              <td>{r.area}</td>
              <Show when={council()}>
                <td>{r.council ?? 'not published'}</td>
              </Show>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
