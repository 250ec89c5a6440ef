/**
 * Web Worker: reads a venue list (CSV or .xlsx) off the main thread, so a large file never freezes
 * the page. In: VenueFileRequest. Out: VenueFileMessage (progress while reading, then the table or
 * the refusal). The same pattern as spi-import-worker.ts.
 */
import { readTable } from '../domain/table-file';
import type { VenueFileMessage, VenueFileRequest } from './venue-list-import';

const post = (m: VenueFileMessage): void => self.postMessage(m);

async function readBytes(file: Blob, onChunk: (loaded: number) => void): Promise<Uint8Array> {
  const reader = file.stream().getReader();
  const out = new Uint8Array(file.size);
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, loaded);
    loaded += value.byteLength;
    onChunk(loaded);
  }
  return out.subarray(0, loaded);
}

self.addEventListener('message', (e: MessageEvent<VenueFileRequest>) => {
  const { file, name } = e.data;
  let last = -1;
  readBytes(file, (loaded) => {
    const percent = file.size > 0 ? Math.floor((loaded / file.size) * 100) : 100;
    if (percent !== last) post({ kind: 'progress', phase: 'reading', percent });
    last = percent;
  })
    .then((bytes) => {
      post({ kind: 'progress', phase: 'parsing', percent: 100 });
      post({ kind: 'result', result: readTable(name, bytes) });
    })
    .catch((err: unknown) => post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }));
});
