import { Show } from 'solid-js';

export interface TooltipContent {
  title: string;
  code: string;
  lines: string[];
  x: number;
  y: number;
}

/** Hover card near the pointer; decorative for assistive technology (the same facts are in the profile). */
export function Tooltip(props: { content: TooltipContent | null }) {
  return (
    <Show when={props.content}>
      {(c) => (
        <div
          class="tooltip"
          aria-hidden="true"
          data-testid="tooltip"
          style={{ transform: `translate(${c().x + 14}px, ${c().y + 14}px)` }}
        >
          <div class="tooltip__title">
            {c().title} <span class="tooltip__code">{c().code}</span>
          </div>
          {c().lines.map((l) => (
            <div>{l}</div>
          ))}
        </div>
      )}
    </Show>
  );
}
