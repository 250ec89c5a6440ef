import { For, Show } from 'solid-js';
import type { AreaFeatureId, DataMetadata } from '../data/contract';

const FEATURE_NAME: Record<AreaFeatureId, string> = {
  postcodes: 'Postcode search',
  committees: 'Community committees',
  spi: 'Social Progress Index scores',
  file7: 'IoD 2025 File 7: IDACI and IDAOPI scores and mid-2022 population',
  context: 'Roads, rail, rivers and place names on the map',
};

/**
 * The council-specific part of About: how LSOAs were put in wards, where the council's own content
 * comes from (or what it can add and how), and which features the sources lack for this area.
 */
export function AboutCouncil(props: { metadata: DataMetadata }) {
  const council = () => props.metadata.council;
  const missing = () => Object.entries(council()?.unavailable ?? {}) as Array<[AreaFeatureId, string]>;
  return (
    <div data-testid="about-council">
      <h3>Wards and council content</h3>
      <Show when={council()?.wards.note}>{(note) => <p data-testid="about-wards">{note()}</p>}</Show>
      <Show
        when={council()?.content}
        fallback={
          <p data-testid="about-no-content">
            {props.metadata.area.name} has no priority areas, committees or interventions in this atlas yet, so none are
            shown. The council can add its priority wards and neighbourhoods, the interventions it runs (with a citation
            for each) and its own lists of places as data files in a folder named after its district code,{' '}
            <code>content/{props.metadata.area.code}/</code>, and rebuild; the atlas’s source code explains how in
            docs/adding-council-content.md.
          </p>
        }
      >
        {(c) => (
          <p>
            Priority wards and neighbourhoods come from {props.metadata.area.name} council reports (see each item’s
            citation; built from {c().folder}). Neighbourhood areas are approximate: no official boundary is published,
            so each is shown as the LSOAs of its ward that were in the most deprived 1% nationally in IoD 2015.
          </p>
        )}
      </Show>
      <Show when={missing().length > 0}>
        <p>Not available for this area, and why:</p>
        <ul data-testid="about-unavailable">
          <For each={missing()}>
            {([id, why]) => (
              <li>
                <strong>{FEATURE_NAME[id]}</strong>: {why}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
