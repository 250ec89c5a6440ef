/**
 * The venue-lists panel's import, step by step: read the file (in the import's worker), match its
 * columns (or reuse a replaced list's), place the rows in the worker, then save and show the list.
 */
import { createSignal } from 'solid-js';
import { geoBaseHref } from '../data/load';
import type { PostcodeIndex } from '../domain/postcode-lookup';
import type { TableData } from '../domain/table-file';
import { mappingByHeader, mappingForHeaders, type VenueMapping } from '../domain/venue-lists/columns';
import { flattenAreas, type FlatAreas } from '../domain/venue-lists/flat-areas';
import type { AreaFeature } from '../domain/venue-lists/inside';
import { newListId, STORED_LIST_VERSION, type StoredVenueList } from '../domain/venue-lists/stored';
import { readVenueFile, type PlacedInWorker, type VenueImport } from '../state/venue-list-import';
import type { VenueListsStore } from '../state/venue-lists';

export type ImportStep =
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
  placed: PlacedInWorker;
}): StoredVenueList {
  const { table } = o;
  const { packed: _, ...placed } = o.placed;
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
    ...placed,
  };
}

export function createVenueImportFlow(p: {
  store: VenueListsStore;
  council: string;
  areas: readonly AreaFeature[];
  postcodeIndex: PostcodeIndex;
  announce: (message: string) => void;
}) {
  const [step, setStep] = createSignal<ImportStep>({ kind: 'idle' });
  const [lastId, setLastId] = createSignal<string | null>(null);
  let flat: FlatAreas | null = null;
  let open: VenueImport | null = null;
  const finish = () => {
    open?.close();
    open = null;
  };

  const place = async (
    file: string,
    table: TableData,
    mapping: VenueMapping,
    name: string,
    replacing: StoredVenueList | null,
  ) => {
    const session = open;
    if (!session) return;
    const id = replacing?.id ?? newListId();
    setStep({ kind: 'busy', text: `${PHASE.placing} ${file}… 0%` });
    flat ??= flattenAreas(p.areas);
    let placed: PlacedInWorker;
    try {
      placed = await session.place(
        { listId: id, mapping, postcodeIndex: p.postcodeIndex, geoBase: geoBaseHref(location.href), areas: flat },
        (pc) => setStep({ kind: 'busy', text: `${PHASE.placing} ${file}… ${pc}%` }),
      );
    } catch (e) {
      setStep({
        kind: 'refused',
        message: `${file} could not be placed (${e instanceof Error ? e.message : String(e)}).`,
      });
      return;
    } finally {
      finish();
    }
    const list = storedList({ id, council: p.council, name: replacing?.name ?? name, file, table, mapping, placed });
    await p.store.save(list, placed.packed);
    setLastId(id);
    setStep({ kind: 'idle' });
    p.announce(`${list.name}: ${placed.venues.length} of ${table.rows.length} rows placed on the map.`);
  };

  const onFile = async (input: HTMLInputElement, replacing: StoredVenueList | null) => {
    const f = input.files?.[0];
    input.value = '';
    if (!f) return;
    finish();
    setStep({ kind: 'busy', text: `${PHASE.reading} ${f.name}…` });
    const { read, open: session } = await readVenueFile(f, (phase, pc) =>
      setStep({ kind: 'busy', text: `${PHASE[phase]} ${f.name}… ${pc}%` }),
    );
    if (read.kind === 'refused') {
      setStep({ kind: 'refused', message: read.message });
      return;
    }
    open = session;
    if (replacing) {
      const m = mappingForHeaders(replacing.mapping, read.headers);
      if ('mapping' in m) return place(f.name, read, m.mapping, replacing.name, replacing);
      p.announce(`${f.name} lacks the columns ${m.missing.join(', ')} of the earlier file: match its columns again.`);
    }
    setStep({ kind: 'mapping', file: f.name, table: read, replacing });
  };

  const cancel = () => {
    finish();
    setStep({ kind: 'idle' });
  };

  return { step, lastId, place, onFile, cancel };
}
