import { createSignal, For, Show } from 'solid-js';
import { KeyValueList } from './KeyValueList';
import type { ImportedVenue } from '../domain/venue-lists/place';
import type { StoredVenueList } from '../domain/venue-lists/stored';
import type { VenueListsStore } from '../state/venue-lists';

/** The lists saved in this browser: show on the map, rename, replace, publish, delete. */
export function VenueSavedLists(p: {
  store: VenueListsStore;
  onReplace: (input: HTMLInputElement, list: StoredVenueList) => void;
  onPublishCsv: (list: StoredVenueList) => void;
  onPublishEntry: (list: StoredVenueList) => void;
  announce: (message: string) => void;
}) {
  const s = p.store;
  const [renaming, setRenaming] = createSignal<string | null>(null);
  return (
    <ul class="venue-saved" data-testid="venue-saved">
      <For each={s.lists()}>
        {(l) => (
          <li data-list={l.id}>
            <label class="choice">
              <input
                type="checkbox"
                checked={s.shownIds().includes(l.id)}
                onChange={(e) => s.setShown(l.id, e.currentTarget.checked)}
              />
              <span class="venue-saved__name">{l.name}</span>
            </label>
            <p class="controls__note">
              {l.venues.length} venues on the map from {l.rows.length} rows of {l.sourceFile}, imported{' '}
              {new Date(l.importedAt).toLocaleString('en-GB')}.
            </p>
            <Show when={renaming() === l.id}>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  const v = new FormData(e.currentTarget).get('name');
                  void s.rename(l.id, typeof v === 'string' ? v : '');
                  setRenaming(null);
                }}
              >
                <label>
                  New name <input name="name" type="text" value={l.name} maxLength={80} />
                </label>
                <button type="submit" class="button">
                  Save name
                </button>
              </form>
            </Show>
            <div class="venue-mapping__actions">
              <button
                type="button"
                class="button button--secondary"
                onClick={() => setRenaming(renaming() === l.id ? null : l.id)}
              >
                Rename
              </button>
              <label class="venue-file__label" for={`venue-replace-${l.id}`}>
                Replace with a new file (same columns)
              </label>
              <input
                id={`venue-replace-${l.id}`}
                type="file"
                accept=".csv,.tsv,.txt,.xlsx"
                onChange={(e) => p.onReplace(e.currentTarget, l)}
              />
              <button type="button" class="button button--secondary" onClick={() => p.onPublishCsv(l)}>
                Download for publishing (CSV)
              </button>
              <button type="button" class="button button--secondary" onClick={() => p.onPublishEntry(l)}>
                Download its places entry (JSON)
              </button>
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  void s.remove(l.id);
                  p.announce(`Deleted ${l.name}.`);
                }}
              >
                Delete
              </button>
            </div>
          </li>
        )}
      </For>
    </ul>
  );
}

/** An imported venue's profile: the row's own cells, as text. */
export function ImportedVenueProfile(p: { venue: ImportedVenue; listName: string; onClose: () => void }) {
  return (
    <section class="venue-profile" aria-labelledby="imported-venue-title" data-testid="imported-venue-profile">
      <h3 id="imported-venue-title">{p.venue.name}</h3>
      <p class="controls__note">
        Row {p.venue.row} of {p.listName};{' '}
        {p.venue.placedBy === 'postcode'
          ? 'placed at its postcode’s centre point (approximate)'
          : p.venue.placedBy === 'grid'
            ? 'placed by its grid reference'
            : 'placed by its coordinates'}
        ; LSOA {p.venue.lsoaCode}.
      </p>
      <KeyValueList entries={p.venue.fields} />
      <button type="button" class="button button--secondary" onClick={p.onClose}>
        Close
      </button>
    </section>
  );
}
