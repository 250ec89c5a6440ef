import { For, Show } from 'solid-js';
import type { LegendModel } from '../domain/legend';

export interface LegendProps {
  model: LegendModel;
  showFlags: { p1: boolean; p10: boolean };
  flagsApply: boolean;
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
      <Show when={props.flagsApply && (props.showFlags.p1 || props.showFlags.p10)}>
        <ul class="legend__rows legend__flags">
          <Show when={props.showFlags.p1}>
            <li class="legend__row">
              <svg class="legend__swatch" width="24" height="16" aria-hidden="true">
                <rect x="2" y="2" width="20" height="12" fill="none" stroke="#fff" stroke-width="4" />
                <rect x="2" y="2" width="20" height="12" fill="none" stroke="#d7191c" stroke-width="2.5" />
              </svg>
              <span class="legend__label">Thick red outline: most deprived 1% in England</span>
            </li>
          </Show>
          <Show when={props.showFlags.p10}>
            <li class="legend__row">
              <svg class="legend__swatch" width="24" height="16" aria-hidden="true">
                <rect x="2" y="2" width="20" height="12" fill="none" stroke="#000" stroke-width="2.5" />
                <rect
                  x="2"
                  y="2"
                  width="20"
                  height="12"
                  fill="none"
                  stroke="#fff"
                  stroke-width="1.4"
                  stroke-dasharray="3 3"
                />
              </svg>
              <span class="legend__label">Black-and-white dashed outline: most deprived 10% in England</span>
            </li>
          </Show>
        </ul>
      </Show>
    </section>
  );
}
