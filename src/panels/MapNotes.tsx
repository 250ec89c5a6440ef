import { For, Show } from 'solid-js';
import { NEIGHBOURHOODS, PRIORITY_WARDS } from '../data/priority-areas';

/**
 * The notes under the legend: each switchable layer's (mapNotes: why the orientation layer is absent or partial here), and the key to the
 * council's own priority markings — only when its content folder names priority areas, and with
 * its own counts (a council without content has no stars or neighbourhood outlines to explain).
 */
export function MapNotes(props: { layerNotes: readonly { id: string; text: string }[] }) {
  const wards = PRIORITY_WARDS.length;
  return (
    <>
      <For each={props.layerNotes}>
        {(note) => (
          <p class="map-note" data-testid={`${note.id}-note`}>
            {note.text}
          </p>
        )}
      </For>
      <Show when={NEIGHBOURHOODS.length > 0 || wards > 0}>
        <p class="map-note">
          <Show when={NEIGHBOURHOODS.length > 0}>
            <span class="map-note__swatch map-note__swatch--neighbourhood" aria-hidden="true" /> Orange dotted outline:
            priority neighbourhoods (approximate).{' '}
          </Show>
          <Show when={wards > 0}>
            ★ marks the {wards} priority ward{wards === 1 ? '' : 's'}.
          </Show>
        </p>
      </Show>
    </>
  );
}
