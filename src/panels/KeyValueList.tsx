import { For } from 'solid-js';

/** A definition list of label → text pairs, rendered as text (never HTML): About's derivations, a venue row's own fields. */
export function KeyValueList(p: { entries: readonly (readonly [string, string])[]; class?: string }) {
  return (
    <dl class={p.class}>
      <For each={p.entries}>
        {([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        )}
      </For>
    </dl>
  );
}
