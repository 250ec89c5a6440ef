import { For, Show } from 'solid-js';
import type { LsoaCollection } from '../data/load';
import type { PostcodeIndex } from '../domain/postcode-lookup';
import type { AreaFeature } from '../domain/venue-lists/inside';
import type { VenueMapping } from '../domain/venue-lists/columns';
import type { StoredVenueList } from '../domain/venue-lists/stored';
import type { CategorySymbol } from '../domain/venue-lists/styles';
import type { VenueListsStore } from '../state/venue-lists';
import { createVenueImportFlow, type ImportStep } from './venue-import-flow';
import { VenueMappingStep } from './VenueListImport';
import { venueListPublishing } from './venue-list-publishing';
import { VenueOutcomes } from './VenueOutcomes';
import { VenueReach } from './VenueReach';
import { VenueKeyIcon } from './VenueKeyIcon';
import { ImportedVenueProfile, VenueSavedLists } from './VenueSavedLists';

export interface VenueListsPanelProps {
  store: VenueListsStore;
  council: { code: string; name: string };
  areas: readonly AreaFeature[];
  /** LSOAs with centroids and people (null until the details have loaded). */
  lsoa21: LsoaCollection | null;
  postcodeIndex: PostcodeIndex;
  attribution: readonly string[];
  wardName: (code: string) => string;
  onSelectLsoa: (code: string) => void;
  announce: (message: string) => void;
}

/** The import's status line, its refusal, the column-matching step, and what happened to each row of the last import. */
function VenueImportSteps(p: {
  step: ImportStep;
  lastList: StoredVenueList | null;
  onPlace: (st: Extract<ImportStep, { kind: 'mapping' }>, m: VenueMapping, name: string) => void;
  onCancel: () => void;
}) {
  const busy = () => (p.step.kind === 'busy' ? p.step.text : '');
  const refused = () => (p.step.kind === 'refused' ? p.step : null);
  const mapping = () => (p.step.kind === 'mapping' ? p.step : null);
  return (
    <>
      <p role="status" data-testid="venue-status" class="controls__note">
        {busy()}
      </p>
      <Show when={refused()}>
        {(st) => (
          <p class="notice notice--error" role="alert" data-testid="venue-refused">
            {st().message}
          </p>
        )}
      </Show>
      <Show when={mapping()}>
        {(st) => (
          <VenueMappingStep
            fileName={st().file}
            table={st().table}
            defaultName={st().replacing?.name ?? st().file.replace(/\.[^.]+$/, '')}
            onPlace={(m, name) => p.onPlace(st(), m, name)}
            onCancel={p.onCancel}
          />
        )}
      </Show>
      <Show when={p.lastList}>
        {(l) => (
          <div class="venue-last" data-testid="venue-last-import">
            <h3>{l().name}: what happened to each row</h3>
            <VenueOutcomes counts={l().counts} outcomes={l().outcomes} />
          </div>
        )}
      </Show>
    </>
  );
}

/** The key of the shown lists: each category's symbol and count. */
function VenueListKey(p: { symbols: readonly CategorySymbol[] }) {
  return (
    <Show when={p.symbols.length > 0}>
      <h3>Key</h3>
      <ul class="venue-key-list" data-testid="venue-list-legend">
        <For each={p.symbols}>
          {(sym) => (
            <li>
              <VenueKeyIcon style={sym} /> {sym.slot < 0 ? `${sym.label} (other categories)` : sym.label} ({sym.count})
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** Import your own venue lists, keep them in this browser, show them on the map, count who they reach. */
export default function VenueListsPanel(p: VenueListsPanelProps) {
  const s = p.store;
  const flow = createVenueImportFlow({
    store: s,
    council: p.council.code,
    areas: p.areas,
    postcodeIndex: p.postcodeIndex,
    announce: p.announce,
  });
  const lastList = () => s.lists().find((l) => l.id === flow.lastId()) ?? null;
  const selected = () => {
    const id = s.selected();
    return id ? (s.byId().get(id) ?? null) : null;
  };
  const shownLists = () => s.lists().filter((l) => s.shownIds().includes(l.id));
  const { publishCsv, publishEntry } = venueListPublishing(p.council.code, p.announce);

  return (
    <section class="venue-lists" aria-labelledby="venue-lists-title" data-testid="venue-lists-panel">
      <h2 id="venue-lists-title" class="panel__title">
        Your venue lists
      </h2>
      <p class="controls__note">
        Import a spreadsheet of venues (CSV or Excel .xlsx) to see them on the map. The file is read in this browser;
        nothing is sent anywhere.
      </p>
      <Show when={s.notice()}>
        {(n) => (
          <p class="notice notice--error" role="alert" data-testid="venue-storage-notice">
            {n()}
          </p>
        )}
      </Show>

      <label class="venue-file__label" for="venue-file">
        Import a venue list (CSV or Excel .xlsx)
      </label>
      <input
        id="venue-file"
        type="file"
        accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => void flow.onFile(e.currentTarget, null)}
      />
      <VenueImportSteps
        step={flow.step()}
        lastList={lastList()}
        onPlace={(st, m, name) => void flow.place(st.file, st.table, m, name, st.replacing)}
        onCancel={flow.cancel}
      />

      <Show
        when={s.lists().length > 0}
        fallback={
          <Show when={s.ready()}>
            <p class="controls__note" data-testid="venue-no-lists">
              No venue lists saved in this browser yet.
            </p>
          </Show>
        }
      >
        <h3>Saved in this browser</h3>
        <VenueSavedLists
          store={s}
          onReplace={(input, l) => void flow.onFile(input, l)}
          onPublishCsv={publishCsv}
          onPublishEntry={publishEntry}
          announce={p.announce}
        />
      </Show>

      <VenueListKey symbols={s.symbols()} />

      <Show when={selected()}>
        {(sel) => (
          <ImportedVenueProfile venue={sel().venue} listName={sel().list.name} onClose={() => s.select(null)} />
        )}
      </Show>

      <Show when={s.venues().length > 0}>
        <VenueReach
          venues={s.venues()}
          lsoa21={p.lsoa21}
          listName={shownLists()
            .map((l) => l.name)
            .join(' + ')}
          exportContext={{
            area: p.council.name,
            sourceFile: shownLists()
              .map((l) => l.sourceFile)
              .join(', '),
            release: '2025',
            attribution: p.attribution,
          }}
          wardName={p.wardName}
          onSelectLsoa={p.onSelectLsoa}
        />
      </Show>
    </section>
  );
}
