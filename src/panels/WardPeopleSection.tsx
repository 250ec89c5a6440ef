import { createMemo, For, Show } from 'solid-js';
import type { LsoaProperties } from '../data/contract';
import { indicatorInfo } from '../domain/indicators';
import { fmtCount } from '../domain/people';
import { wardPeople, wardScores, wardWeightsNote } from '../domain/ward-people';

/** A ward's people (File 7 or Census 2021, labelled) and its population-weighted scores with ranks among the area's wards. */
export function WardPeopleSection(p: {
  wardCode: string;
  wardLsoas21: LsoaProperties[];
  people: { areaLsoas: LsoaProperties[]; unavailable: string | null };
}) {
  const people = createMemo(() => wardPeople(p.wardLsoas21));
  const scores = createMemo(() => wardScores(p.people.areaLsoas).get(p.wardCode) ?? []);
  const wardLsoas21 = () => p.wardLsoas21;
  return (
    <>
      <h3 class="profile__subtitle">People{people() ? ` (${people()!.definition.source})` : ''}</h3>
      <Show
        when={people()}
        fallback={
          <p data-testid="ward-people-unavailable">
            {wardLsoas21().length === 0 && p.people.areaLsoas.length
              ? 'No LSOA 2021 is in this ward by the ONS best-fit lookup (normal for best-fit), so it has no population figures.'
              : `Population figures are unavailable${p.people.unavailable ? `: ${p.people.unavailable}` : ' for this ward'}.`}
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
              {w().definition.figures.population.label}) of this ward live in LSOAs in the most deprived 10% in England
              (IMD, IoD 2025).
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
    </>
  );
}
