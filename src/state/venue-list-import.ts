/**
 * Importing a venue list: the file is checked and read in a Web Worker (venue-list-worker.ts),
 * then its rows are placed on the main thread in slices of a few milliseconds, so 5,000 rows never
 * hold up a frame. Postcode district files come through the app's one loader (src/data/load.ts).
 */
import type { PostcodeDistrict } from '../data/contract';
import { runFileWorker, type FileWorkerMessage } from './file-worker';
import { fileSizeProblem, type SheetRow, type TableRead } from '../domain/table-file';
import type { VenueMapping } from '../domain/venue-lists/columns';
import type { AreaLocator } from '../domain/venue-lists/inside';
import { postcodeFilesNamed } from '../domain/venue-lists/place';
import type { PostcodeIndex } from '../domain/postcode-lookup';
import { createPlacer, type PlacedList } from '../domain/venue-lists/placer';

export interface VenueFileRequest {
  file: Blob;
  name: string;
}

export type VenueImportPhase = 'reading' | 'parsing' | 'placing';

export type VenueFileMessage = FileWorkerMessage<VenueImportPhase, TableRead>;

/** Reads a file in the worker after refusing an empty or too-large one outright. */
export function readVenueFile(
  file: File,
  onProgress: (phase: VenueImportPhase, percent: number) => void,
): Promise<TableRead> {
  const size = fileSizeProblem(file.name, file.size);
  if (size) return Promise.resolve({ kind: 'refused', message: size });
  const request: VenueFileRequest = { file, name: file.name };
  return runFileWorker<VenueImportPhase, TableRead, TableRead>({
    worker: new Worker(new URL('./venue-list-worker.ts', import.meta.url), { type: 'module' }),
    request,
    fileName: file.name,
    onProgress,
    done: (result) => result,
    refused: (message) => ({ kind: 'refused', message }),
  });
}

export interface PlaceDeps {
  listId: string;
  headers: readonly string[];
  rows: readonly SheetRow[];
  mapping: VenueMapping;
  postcodeIndex: PostcodeIndex;
  /** The app's one postcode-file loader (src/data/load.ts), by file key. */
  loadPostcodeFile: (fileKey: string) => Promise<PostcodeDistrict>;
  areas: AreaLocator;
}

const nextTask = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** Places every row, yielding to the page every ~8 ms; a district file that fails to load leaves its postcodes "not found". */
export async function placeList(d: PlaceDeps, onProgress: (percent: number) => void): Promise<PlacedList> {
  const files = new Map<string, PostcodeDistrict>();
  await Promise.all(
    postcodeFilesNamed(d.rows, d.mapping, d.postcodeIndex).map((k) =>
      d.loadPostcodeFile(k).then(
        (f) => void files.set(k, f),
        () => undefined,
      ),
    ),
  );
  const placer = createPlacer({
    listId: d.listId,
    headers: d.headers,
    mapping: d.mapping,
    postcodeFiles: files,
    postcodeIndex: d.postcodeIndex,
    areas: d.areas,
  });
  let i = 0;
  while (i < d.rows.length) {
    const until = performance.now() + 8;
    while (i < d.rows.length && performance.now() < until) {
      const row = d.rows[i];
      if (row) placer.add(row);
      i++;
    }
    onProgress(Math.floor((i / d.rows.length) * 100));
    if (i < d.rows.length) await nextTask();
  }
  return placer.result();
}
