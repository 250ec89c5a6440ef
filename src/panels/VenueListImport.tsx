import { createSignal, For, Show } from 'solid-js';
import type { TableData } from '../domain/table-file';
import {
  guessMapping,
  mappingProblem,
  VENUE_KEY_LABEL,
  VENUE_KEYS,
  type VenueKey,
  type VenueMapping,
} from '../domain/venue-lists/columns';

/** The mapping step: the file's headers and first rows, and a choice of column per canonical key. */
export function VenueMappingStep(p: {
  fileName: string;
  table: TableData;
  defaultName: string;
  onPlace: (mapping: VenueMapping, name: string) => void;
  onCancel: () => void;
}) {
  const [mapping, setMapping] = createSignal<VenueMapping>(guessMapping(p.table.headers));
  const [name, setName] = createSignal(p.defaultName);
  const problem = () => mappingProblem(mapping());
  const setKey = (k: VenueKey, raw: string) => setMapping({ ...mapping(), [k]: raw === '' ? null : Number(raw) });
  const preview = () => p.table.rows.slice(0, 5);
  const how = () =>
    p.table.format === 'xlsx'
      ? 'Excel workbook, first sheet'
      : `CSV, ${p.table.encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8'}, separated by ${p.table.delimiter === ';' ? 'semicolons' : p.table.delimiter === '\t' ? 'tabs' : 'commas'}`;
  return (
    <form
      class="venue-mapping"
      data-testid="venue-mapping"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem()) p.onPlace(mapping(), name().trim() || p.defaultName);
      }}
    >
      <h3>Match the columns of {p.fileName}</h3>
      <p class="controls__note">
        Read as {how()}: {p.table.rows.length} rows under a header row. Each choice below is a guess from the header;
        change any of them.
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-label={`First rows of ${p.fileName}`}>
        <table class="simple-table" data-testid="venue-preview">
          <caption class="sr-only">First rows of {p.fileName}, as text</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <For each={p.table.headers}>{(h) => <th scope="col">{h}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={preview()}>
              {(r) => (
                <tr>
                  <th scope="row">{r.row}</th>
                  <For each={p.table.headers}>{(_, i) => <td>{r.cells[i()] ?? ''}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <div class="venue-mapping__keys">
        <For each={[...VENUE_KEYS]}>
          {(k) => (
            <label class="venue-mapping__key">
              <span>{VENUE_KEY_LABEL[k]}</span>
              <select
                data-key={k}
                value={mapping()[k] === null ? '' : String(mapping()[k])}
                onChange={(e) => setKey(k, e.currentTarget.value)}
              >
                <option value="">— not in this file —</option>
                <For each={p.table.headers}>
                  {(h, i) => <option value={String(i())}>{h || `(column ${i() + 1}, no header)`}</option>}
                </For>
              </select>
            </label>
          )}
        </For>
      </div>
      <label class="venue-mapping__key">
        <span>Name of this list</span>
        <input
          type="text"
          id="venue-list-name"
          value={name()}
          maxLength={80}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <Show when={problem()}>
        {(m) => (
          <p class="notice" role="status">
            {m()}
          </p>
        )}
      </Show>
      <p class="controls__note">
        Rows are placed by latitude/longitude first, then easting/northing, then postcode (at the postcode’s centre
        point, which is approximate).
      </p>
      <div class="venue-mapping__actions">
        <button type="submit" class="button" disabled={problem() !== null}>
          Place the venues
        </button>
        <button type="button" class="button button--secondary" onClick={p.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
