import { For, Show } from 'solid-js';
import type { SpiIssue, UnmatchedRow } from '../domain/spi';

/** Each list shows this many; a long file's problems are summarised as "…and N more". */
const MAX_LISTED = 20;

/**
 * What checking an SPI file found: the problems that stopped it loading (by row and column), the rows
 * matched to no ward, and the warnings (collapsed: the file still loaded).
 */
export function SpiImportReport(p: { errors: SpiIssue[]; unmatched: UnmatchedRow[]; warnings: SpiIssue[] }) {
  return (
    <>
      <Show when={p.errors.length > 0}>
        <h3 class="profile__subtitle">Problems in the file</h3>
        <ul class="issues" data-testid="spi-errors">
          <For each={p.errors.slice(0, MAX_LISTED)}>{(e) => <li>{e.message}</li>}</For>
        </ul>
        <Show when={p.errors.length > MAX_LISTED}>
          <p>…and {p.errors.length - MAX_LISTED} more.</p>
        </Show>
      </Show>
      <Show when={p.unmatched.length > 0}>
        <h3 class="profile__subtitle">Rows not matched to a ward</h3>
        <ul class="issues" data-testid="spi-unmatched">
          <For each={p.unmatched.slice(0, MAX_LISTED)}>
            {(u) => (
              <li>
                Row {u.row}: {u.wardCode || u.wardName} ({u.year}) — {u.reason}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={p.warnings.length > 0}>
        <details>
          <summary>{p.warnings.length} warnings</summary>
          <ul class="issues">
            <For each={p.warnings.slice(0, MAX_LISTED)}>{(w) => <li>{w.message}</li>}</For>
          </ul>
        </details>
      </Show>
    </>
  );
}
