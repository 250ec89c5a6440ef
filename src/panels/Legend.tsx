import { For, Show } from 'solid-js';
import type { LegendModel } from '../domain/legend';
import type { LayerKeyEntry } from '../domain/map-layers/registry';

export interface LegendProps {
  model: LegendModel;
  /** The key entries of the switchable layers shown (legendEntries over src/domain/map-layers). */
  layers: readonly LayerKeyEntry[];
  areaNoun: string;
}

/** The key: one swatch per class of the same scale the map uses, with counts of areas. */
export function Legend(props: LegendProps) {
  return (
    <section class="legend" aria-labelledby="legend-title" data-testid="legend">
      <h2 id="legend-title" class="legend__title">
        {props.model.title}
      </h2>
      <ul class="legend__rows">
        <For each={props.model.rows}>
          {(row) => (
            <li class="legend__row">
              <svg class="legend__swatch" width="24" height="16" aria-hidden="true">
                <rect x="0.5" y="0.5" width="23" height="15" fill={row.colour} stroke="#444" />
              </svg>
              <span class="legend__label">{row.label}</span>
              <span class="legend__count">
                {row.count} {props.areaNoun}
              </span>
            </li>
          )}
        </For>
        <Show when={props.model.noData.count > 0}>
          <li class="legend__row">
            <svg class="legend__swatch" width="24" height="16" aria-hidden="true">
              <defs>
                <pattern
                  id="legend-hatch"
                  width="6"
                  height="6"
                  patternUnits="userSpaceOnUse"
                  patternTransform="rotate(45)"
                >
                  <rect width="6" height="6" fill="#d9d9d9" />
                  <rect width="2" height="6" fill="#737373" />
                </pattern>
              </defs>
              <rect x="0.5" y="0.5" width="23" height="15" fill="url(#legend-hatch)" stroke="#444" />
            </svg>
            <span class="legend__label">{props.model.noData.label}</span>
            <span class="legend__count">
              {props.model.noData.count} {props.areaNoun}
            </span>
          </li>
        </Show>
      </ul>
      <Show when={props.layers.length > 0}>
        <ul class="legend__rows legend__flags">
          <For each={props.layers}>
            {(l) => (
              <li class="legend__row" data-testid={`legend-${l.id}`}>
                <svg class="legend__swatch" width="24" height="16" aria-hidden="true">
                  <For each={l.strokes}>
                    {(st) => (
                      <rect
                        x="2"
                        y="2"
                        width="20"
                        height="12"
                        fill="none"
                        stroke={st.colour}
                        stroke-width={st.width}
                        stroke-dasharray={st.dash}
                      />
                    )}
                  </For>
                </svg>
                <span class="legend__label">{l.label}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
