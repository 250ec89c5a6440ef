import { createSignal, For, Show } from 'solid-js';
import { NEIGHBOURHOODS } from '../data/priority-areas';
import { wardChoices } from '../domain/view-model';
import type { Atlas } from '../state/atlas';

/** The start buttons of your own area: from nothing, a copy of a ward, or of a priority neighbourhood. */
export function CustomAreaStart(props: { atlas: Atlas }) {
  const s = props.atlas.customArea;
  const wards = wardChoices(props.atlas.data.wards);
  const [ward, setWard] = createSignal(wards[0]?.code ?? '');
  const [neighbourhood, setNeighbourhood] = createSignal(NEIGHBOURHOODS[0]?.id ?? '');
  return (
    <div class="controls__group">
      <button type="button" class="button" onClick={() => s.start({ kind: 'empty' })}>
        Start an empty area
      </button>
      <label class="controls__label" for="custom-area-ward">
        Or start from a ward
      </label>
      <select id="custom-area-ward" value={ward()} onChange={(e) => setWard(e.currentTarget.value)}>
        <For each={wards}>{(w) => <option value={w.code}>{w.name}</option>}</For>
      </select>
      <button type="button" class="button button--secondary" onClick={() => s.start({ kind: 'ward', code: ward() })}>
        Start from this ward
      </button>
      <Show when={NEIGHBOURHOODS.length > 0}>
        <label class="controls__label" for="custom-area-neighbourhood">
          Or from a priority neighbourhood (approximate)
        </label>
        <select
          id="custom-area-neighbourhood"
          value={neighbourhood()}
          onChange={(e) => setNeighbourhood(e.currentTarget.value)}
        >
          <For each={NEIGHBOURHOODS}>{(n) => <option value={n.id}>{n.name}</option>}</For>
        </select>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => s.start({ kind: 'neighbourhood', id: neighbourhood() })}
        >
          Start from this neighbourhood
        </button>
      </Show>
    </div>
  );
}

/** The areas kept in this browser (open, delete), and the message when storage refuses. */
export function CustomAreaSaved(props: { atlas: Atlas }) {
  const s = props.atlas.customArea;
  return (
    <>
      <Show when={s.saved().length > 0}>
        <h3 class="profile__subtitle">Kept in this browser</h3>
        <ul data-testid="custom-area-saved">
          <For each={s.saved()}>
            {(x) => (
              <li>
                <button type="button" class="link-button" onClick={() => s.openSaved(x.id)}>
                  {x.name}
                </button>{' '}
                ({x.lsoaCodes.length} LSOAs){' '}
                <button
                  type="button"
                  class="button button--secondary button--small"
                  aria-label={`Delete ${x.name}`}
                  onClick={() => s.removeSaved(x.id)}
                >
                  Delete
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={s.storageMessage()}>
        <p class="notice" role="status">
          {s.storageMessage()}
        </p>
      </Show>
    </>
  );
}
