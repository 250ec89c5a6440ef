import { createSignal, For, Show } from 'solid-js';
import type { PostcodeDistrict } from '../data/contract';
import type { LsoaCollection } from '../data/load';
import type { PostcodeIndex } from '../domain/postcode-lookup';
import type { TableData } from '../domain/table-file';
import { mappingByHeader, mappingForHeaders, type VenueMapping } from '../domain/venue-lists/columns';
import { areaLocator, type AreaFeature } from '../domain/venue-lists/inside';
import { newListId, STORED_LIST_VERSION, type StoredVenueList } from '../domain/venue-lists/stored';
import { placeList, readVenueFile } from '../state/venue-list-import';
import type { VenueListsStore } from '../state/venue-lists';
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
  loadPostcodeFile: (fileKey: string) => Promise<PostcodeDistrict>;
  attribution: readonly string[];
  wardName: (code: string) => string;
  onSelectLsoa: (code: string) => void;
  announce: (message: string) => void;
}

type Step =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'refused'; message: string }
  | { kind: 'mapping'; file: string; table: TableData; replacing: StoredVenueList | null };

const PHASE = { reading: 'Reading', parsing: 'Reading the table in', placing: 'Placing the venues of' } as const;

/** What is kept in IndexedDB for an imported list: the file's table, its mapping by header, the placed rows. */
function storedList(o: {
  id: string;
  council: string;
  name: string;
  file: string;
  table: TableData;
  mapping: VenueMapping;
  placed: Awaited<ReturnType<typeof placeList>>;
}): StoredVenueList {
  const { table } = o;
  return {
    version: STORED_LIST_VERSION,
    id: o.id,
    council: o.council,
    name: o.name,
    importedAt: new Date().toISOString(),
    sourceFile: o.file,
    headers: table.headers,
    rows: table.rows,
    mapping: mappingByHeader(o.mapping, table.headers),
    ...o.placed,
  };
}

/** Import your own venue lists, keep them in this browser, show them on the map, count who they reach. */
export default function VenueListsPanel(p: VenueListsPanelProps) {
  const s = p.store;
  const [step, setStep] = createSignal<Step>({ kind: 'idle' });
  const [lastId, setLastId] = createSignal<string | null>(null);
  const locator = areaLocator(p.areas);

  const place = async (
    file: string,
    table: TableData,
    mapping: VenueMapping,
    name: string,
    replacing: StoredVenueList | null,
  ) => {
    const id = replacing?.id ?? newListId();
    setStep({ kind: 'busy', text: `${PHASE.placing} ${file}… 0%` });
    const placed = await placeList(
      {
        listId: id,
        headers: table.headers,
        rows: table.rows,
        mapping,
        postcodeIndex: p.postcodeIndex,
        loadPostcodeFile: p.loadPostcodeFile,
        areas: locator,
      },
      (pc) => setStep({ kind: 'busy', text: `${PHASE.placing} ${file}… ${pc}%` }),
    );
    const list = storedList({
      id,
      council: p.council.code,
      name: replacing?.name ?? name,
      file,
      table,
      mapping,
      placed,
    });
    await s.save(list);
    setLastId(id);
    setStep({ kind: 'idle' });
    p.announce(`${list.name}: ${placed.venues.length} of ${table.rows.length} rows placed on the map.`);
  };

  const onFile = async (input: HTMLInputElement, replacing: StoredVenueList | null) => {
    const f = input.files?.[0];
    input.value = '';
    if (!f) return;
    setStep({ kind: 'busy', text: `${PHASE.reading} ${f.name}…` });
    const read = await readVenueFile(f, (phase, pc) =>
      setStep({ kind: 'busy', text: `${PHASE[phase]} ${f.name}… ${pc}%` }),
    );
    if (read.kind === 'refused') {
      setStep({ kind: 'refused', message: read.message });
      return;
    }
    if (replacing) {
      const m = mappingForHeaders(replacing.mapping, read.headers);
      if ('mapping' in m) return place(f.name, read, m.mapping, replacing.name, replacing);
      p.announce(`${f.name} lacks the columns ${m.missing.join(', ')} of the earlier file: match its columns again.`);
    }
    setStep({ kind: 'mapping', file: f.name, table: read, replacing });
  };

  const lastList = () => s.lists().find((l) => l.id === lastId()) ?? null;
  const selected = () => {
    const id = s.selected();
    return id ? (s.byId().get(id) ?? null) : null;
  };
  const shownName = () =>
    s
      .lists()
      .filter((l) => s.shownIds().includes(l.id))
      .map((l) => l.name)
      .join(' + ');
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
        onChange={(e) => void onFile(e.currentTarget, null)}
      />
      <p role="status" data-testid="venue-status" class="controls__note">
        {(() => {
          const st = step();
          return st.kind === 'busy' ? st.text : '';
        })()}
      </p>
      <Show
        when={(() => {
          const st = step();
          return st.kind === 'refused' ? st : null;
        })()}
      >
        {(st) => (
          <p class="notice notice--error" role="alert" data-testid="venue-refused">
            {st().message}
          </p>
        )}
      </Show>
      <Show
        when={(() => {
          const st = step();
          return st.kind === 'mapping' ? st : null;
        })()}
      >
        {(st) => (
          <VenueMappingStep
            fileName={st().file}
            table={st().table}
            defaultName={st().replacing?.name ?? st().file.replace(/\.[^.]+$/, '')}
            onPlace={(m, name) => void place(st().file, st().table, m, name, st().replacing)}
            onCancel={() => setStep({ kind: 'idle' })}
          />
        )}
      </Show>
      <Show when={lastList()}>
        {(l) => (
          <div class="venue-last" data-testid="venue-last-import">
            <h3>{l().name}: what happened to each row</h3>
            <VenueOutcomes counts={l().counts} outcomes={l().outcomes} />
          </div>
        )}
      </Show>

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
          onReplace={(input, l) => void onFile(input, l)}
          onPublishCsv={publishCsv}
          onPublishEntry={publishEntry}
          announce={p.announce}
        />
      </Show>

      <Show when={s.symbols().length > 0}>
        <h3>Key</h3>
        <ul class="venue-key-list" data-testid="venue-list-legend">
          <For each={s.symbols()}>
            {(sym) => (
              <li>
                <VenueKeyIcon style={sym} /> {sym.slot < 0 ? `${sym.label} (other categories)` : sym.label} ({sym.count}
                )
              </li>
            )}
          </For>
        </ul>
      </Show>

      <Show when={selected()}>
        {(sel) => (
          <ImportedVenueProfile venue={sel().venue} listName={sel().list.name} onClose={() => s.select(null)} />
        )}
      </Show>

      <Show when={s.venues().length > 0}>
        <VenueReach
          venues={s.venues().map((v) => ({ id: v.id, name: v.name, category: v.category, lonLat: v.lonLat }))}
          lsoa21={p.lsoa21}
          listName={shownName()}
          exportContext={{
            area: p.council.name,
            sourceFile: s
              .lists()
              .filter((l) => s.shownIds().includes(l.id))
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
