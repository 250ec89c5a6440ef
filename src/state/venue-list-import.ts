/**
 * Importing a venue list, the page's side: one Web Worker per import (venue-list-worker.ts) reads
 * the file, then places its rows, fetches the postcode files and packs what is stored, so the main
 * thread only receives the results, in parts (venue-list-messages.ts), and never holds up a frame.
 */
import { fileSizeProblem, type SheetRow, type TableRead } from '../domain/table-file';
import type { VenueMapping } from '../domain/venue-lists/columns';
import type { FlatAreas } from '../domain/venue-lists/flat-areas';
import type { PostcodeIndex } from '../domain/postcode-lookup';
import type { ImportedVenue, RowOutcome } from '../domain/venue-lists/place';
import type { PlacedList } from '../domain/venue-lists/placer';
import type { VenueImportPhase, VenueWorkerMessage, VenueWorkerRequest } from './venue-list-messages';

export type { VenueImportPhase } from './venue-list-messages';

/** What placing gave, and the stored form of it (venue-list-db.ts keeps the Blob as it is). */
export type PlacedInWorker = PlacedList & { packed: Blob };

export interface PlaceRequest {
  listId: string;
  mapping: VenueMapping;
  postcodeIndex: PostcodeIndex;
  /** Absolute URL of the geo/ folder (src/data/load.ts geoBaseHref). */
  geoBase: string;
  areas: FlatAreas;
}

/** An open import: the worker still holds the table, ready to place it; `close` ends it. */
export interface VenueImport {
  place(r: PlaceRequest, onPercent: (percent: number) => void): Promise<PlacedInWorker>;
  close(): void;
}

type Listener = (m: VenueWorkerMessage) => void;

function failure(fileName: string, m: string): string {
  return `${fileName} could not be read (${m}).`;
}

/**
 * Reads a file in a new worker (after refusing an empty or too-large one outright). With a table,
 * the import stays open for `place`; the caller closes it (a refusal closes it here).
 */
export function readVenueFile(
  file: File,
  onProgress: (phase: VenueImportPhase, percent: number) => void,
): Promise<{ read: TableRead; open: VenueImport | null }> {
  const size = fileSizeProblem(file.name, file.size);
  if (size) return Promise.resolve({ read: { kind: 'refused', message: size }, open: null });
  const worker = new Worker(new URL('./venue-list-worker.ts', import.meta.url), { type: 'module' });
  let listener: Listener = () => undefined;
  let crashed: (message: string) => void = () => undefined;
  worker.addEventListener('message', (e: MessageEvent<VenueWorkerMessage>) => listener(e.data));
  worker.addEventListener('error', (e) => crashed(e.message || 'the reader stopped'));
  const send = (r: VenueWorkerRequest): void => worker.postMessage(r);
  const close = () => worker.terminate();

  const place: VenueImport['place'] = (r, onPercent) =>
    new Promise((resolve, reject) => {
      const venues: ImportedVenue[] = [];
      const outcomes: RowOutcome[] = [];
      crashed = (m) => reject(new Error(m));
      listener = (m) => {
        if (m.kind === 'progress') onPercent(m.percent);
        else if (m.kind === 'placed-part') {
          for (const v of m.venues) venues.push(v);
          for (const o of m.outcomes) outcomes.push(o);
        } else if (m.kind === 'placed') resolve({ venues, outcomes, counts: m.counts, packed: m.packed });
        else if (m.kind === 'failed') reject(new Error(m.message));
      };
      send({ kind: 'place', ...r });
    });

  return new Promise((resolve) => {
    const rows: SheetRow[] = [];
    const refuse = (message: string) => {
      close();
      resolve({ read: { kind: 'refused', message }, open: null });
    };
    crashed = (m) => refuse(failure(file.name, m));
    listener = (m) => {
      if (m.kind === 'progress') onProgress(m.phase, m.percent);
      else if (m.kind === 'rows') for (const r of m.rows) rows.push(r);
      else if (m.kind === 'failed') refuse(failure(file.name, m.message));
      else if (m.kind === 'table') {
        const t = m.result;
        if (t.kind === 'refused') refuse(t.message);
        else resolve({ read: { ...t, rows }, open: { place, close } });
      }
    };
    send({ kind: 'read', file, name: file.name });
  });
}
