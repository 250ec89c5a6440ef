import { For, Show } from 'solid-js';
import type { LayerToggleId, LayerToggles } from '../domain/map-layers';
import type { LayerControl } from '../domain/map-layers/registry';

export interface LayerControlsProps {
  /** controlEntries(LAYER_REGISTRY, metadata): one fieldset per group, one checkbox per layer. */
  groups: readonly { group: string; layers: readonly LayerControl<LayerToggleId>[] }[];
  shown: LayerToggles;
  onLayer: (id: LayerToggleId, shown: boolean) => void;
}

/** The layer switches, one checkbox per layer of the registry (src/domain/map-layers). */
export function LayerControls(props: LayerControlsProps) {
  return (
    <For each={props.groups}>
      {(g) => (
        <fieldset class="controls__group">
          <legend>{g.group}</legend>
          <For each={g.layers}>
            {(l) => (
              <>
                <label class="choice">
                  <input
                    type="checkbox"
                    data-testid={`${l.id}-toggle`}
                    checked={props.shown[l.id] && l.available}
                    disabled={!l.available}
                    aria-describedby={l.note ? `${l.id}-note` : undefined}
                    onChange={(e) => props.onLayer(l.id, e.currentTarget.checked)}
                  />
                  <span>{l.label}</span>
                </label>
                <Show when={l.note}>
                  {(note) => (
                    <p id={`${l.id}-note`} class="controls__note">
                      {note()}
                    </p>
                  )}
                </Show>
              </>
            )}
          </For>
        </fieldset>
      )}
    </For>
  );
}
