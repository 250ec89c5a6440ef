/**
 * Web Worker: reads a venue list (CSV or .xlsx) off the main thread, so a large file never freezes
 * the page. In: VenueFileRequest. Out: VenueFileMessage (progress while reading, then the table or
 * the refusal). The same pattern as spi-import-worker.ts.
 */
import { readTable } from '../domain/table-file';
import { readFileBytes } from './read-file-in-worker';
import type { VenueFileMessage, VenueFileRequest } from './venue-list-import';

const post = (m: VenueFileMessage): void => self.postMessage(m);

self.addEventListener('message', (e: MessageEvent<VenueFileRequest>) => {
  const { file, name } = e.data;
  readFileBytes(file, (percent) => post({ kind: 'progress', phase: 'reading', percent }))
    .then((bytes) => {
      post({ kind: 'progress', phase: 'parsing', percent: 100 });
      post({ kind: 'result', result: readTable(name, bytes) });
    })
    .catch((err: unknown) => post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }));
});
