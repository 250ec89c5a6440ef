import { For } from 'solid-js';
import type { Outcome } from '../data/content-contract';

/** Outcomes as the report gives them: a number (formatted) or the report's words, with unit and note. */
export function OutcomeList(p: { outcomes: Outcome[] }) {
  return (
    <ul>
      <For each={p.outcomes}>
        {(o) => (
          <li>
            {o.label}: <strong>{typeof o.value === 'number' ? o.value.toLocaleString('en-GB') : o.value}</strong>
            {o.unit ? ` ${o.unit}` : ''}
            {o.note ? ` (${o.note})` : ''}
          </li>
        )}
      </For>
    </ul>
  );
}
