import { For } from 'solid-js';
import { KeyValueList } from './KeyValueList';
import type { DataMetadata } from '../data/contract';
import { AboutCouncil } from './AboutCouncil';
import { AboutComparisons } from './AboutComparisons';
import { CouncilStanding } from './CouncilStanding';
import { populationSentence } from '../domain/people';

/** Sources, releases, licences and derivations, all from the pipeline's metadata file. */
export function AboutPanel(props: { metadata: DataMetadata; onClose: () => void }) {
  const m = () => props.metadata;
  return (
    <section class="about" aria-labelledby="about-title" data-testid="about-panel">
      <div class="about__head">
        <h2 id="about-title">About the data</h2>
        <button type="button" class="button" onClick={props.onClose}>
          Close
        </button>
      </div>
      <p>
        Area: {m().area.name} ({m().area.code}). {m().counts.lsoa21} LSOAs (2021), {m().counts.lsoa11} LSOAs (2011),{' '}
        {m().counts.wards} wards ({m().council?.wards.vintage ?? 'December 2024'}).
      </p>
      <p data-testid="about-population">{populationSentence(m().people, m().population)}</p>
      <CouncilStanding />
      <h3>Releases</h3>
      <table class="simple-table">
        <thead>
          <tr>
            <th scope="col">Release</th>
            <th scope="col">Published</th>
            <th scope="col">Areas</th>
            <th scope="col">LSOAs in England</th>
            <th scope="col">Most deprived 1% here</th>
          </tr>
        </thead>
        <tbody>
          <For each={m().releases}>
            {(r) => (
              <tr>
                <th scope="row">
                  <a href={r.downloadPage} rel="noreferrer noopener" target="_blank">
                    {r.title}
                  </a>
                </th>
                <td>
                  {new Date(r.published).toLocaleDateString('en-GB', {
                    day: 'numeric',
                    month: 'long',
                    year: 'numeric',
                  })}
                </td>
                <td>LSOA {r.lsoaVintage}</td>
                <td>{r.nationalCount.toLocaleString('en-GB')}</td>
                <td>{r.mostDeprived1pc}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <h3>Sources</h3>
      <ul class="about__sources">
        <For each={m().sources}>
          {(s) => (
            <li>
              <strong>{s.title}</strong>
              {s.compiled ? ' (compiled by hand from public documents)' : ''} — {s.publisher}, {s.licence}.{' '}
              <a href={s.downloadPage} rel="noreferrer noopener" target="_blank">
                Official download page
              </a>
              {s.note ? `. ${s.note}` : ''}
            </li>
          )}
        </For>
      </ul>
      <h3>Roads, rivers, parks and place names</h3>
      <p data-testid="about-context">
        The grey roads and rail, blue rivers, canals and water, green park outlines, and the town, village,
        neighbourhood and road-number labels are there for orientation only: they are not part of any figure. Roads
        (motorway, trunk, primary, secondary), railways, rivers and canals are OpenStreetMap as of June 2018, so roads
        built since then are missing; parks and water are OpenStreetMap as of July 2023. Neighbourhood names are the
        House of Commons Library MSOA names, placed at each MSOA’s ONS population-weighted centroid; towns and villages
        are from GeoNames. Place names cover all of England; roads, rail, rivers, canals, parks and water cover West
        Yorkshire only. {m().context?.note ?? ''}
      </p>
      <h3>How derived figures are made</h3>
      <KeyValueList class="about__derivations" entries={Object.entries(m().derivations)} />
      <AboutComparisons />
      <h3>Attribution</h3>
      <ul>
        <For each={m().attribution}>{(a) => <li>{a}</li>}</For>
      </ul>
      <AboutCouncil metadata={m()} />
    </section>
  );
}
