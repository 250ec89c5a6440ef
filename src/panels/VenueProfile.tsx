import { For, Show } from 'solid-js';
import { parseOutcomes, type InterventionProperties } from '../data/content-contract';
import { formatDates, typeStyle } from '../domain/interventions';
import { OutcomeList } from './OutcomeList';

export interface VenueProfileProps {
  venue: InterventionProperties;
  wardName: string | null;
  neighbourhoodName: string | null;
  /** Others placed at exactly the same point (e.g. several projects placed in one neighbourhood). */
  samePlace: InterventionProperties[];
  onSelectVenue: (id: string) => void;
}

/** Details of one intervention: what, when, where (and how precisely), outcomes as reported, source. */
export function VenueProfile(p: VenueProfileProps) {
  const outcomes = () => parseOutcomes(p.venue);
  return (
    <article class="profile" aria-labelledby="profile-title" data-testid="venue-profile">
      <h2 id="profile-title" class="profile__title">
        {p.venue.name}
      </h2>
      <p class="profile__meta">
        {typeStyle(p.venue.type).label} · {formatDates(p.venue)}
      </p>
      <Show when={p.venue.dateNote}>{(note) => <p data-testid="venue-date-note">When: {note()}</p>}</Show>
      <p>{p.venue.description}</p>
      <dl class="profile__facts">
        <dt>Ward</dt>
        <dd>{p.wardName ?? 'not known'}</dd>
        <Show when={p.neighbourhoodName}>
          <dt>Priority neighbourhood</dt>
          <dd>{p.neighbourhoodName}</dd>
        </Show>
      </dl>
      <p class="notice" data-testid="venue-precision">
        <strong>Location:</strong> {p.venue.precisionNote}
      </p>
      <h3 class="profile__subtitle">Outcomes as reported</h3>
      <Show when={outcomes().length > 0} fallback={<p>The source reports no outcome figures for this item.</p>}>
        <OutcomeList outcomes={outcomes()} />
      </Show>
      <h3 class="profile__subtitle">Source</h3>
      <p class="profile__source">{p.venue.source}</p>
      <Show when={p.samePlace.length > 0}>
        <h3 class="profile__subtitle">Also placed at this point</h3>
        <ul>
          <For each={p.samePlace}>
            {(v) => (
              <li>
                <button type="button" class="link-button" onClick={() => p.onSelectVenue(v.id)}>
                  {v.name}
                </button>{' '}
                ({typeStyle(v.type).label})
              </li>
            )}
          </For>
        </ul>
      </Show>
    </article>
  );
}
