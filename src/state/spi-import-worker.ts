/**
 * Web Worker: reads an SPI file and validates it off the main thread, so a large file never freezes
 * the page. Messages: in, SpiImportRequest; out, SpiImportMessage (progress while reading, then the result).
 */
import { parseSpiCsv } from '../domain/spi';
import { readFileBytes } from './read-file-in-worker';
import type { SpiImportMessage, SpiImportRequest } from './spi-import';

const post = (m: SpiImportMessage): void => self.postMessage(m);

self.addEventListener('message', (e: MessageEvent<SpiImportRequest>) => {
  const { file, name, wards } = e.data;
  readFileBytes(file, (percent) => post({ kind: 'progress', phase: 'reading', percent }))
    // UTF-8; bytes that are not UTF-8 become U+FFFD, as file.text() does.
    .then((bytes) => new TextDecoder('utf-8').decode(bytes))
    .then((text) => {
      post({ kind: 'progress', phase: 'checking', percent: 100 });
      post({ kind: 'result', result: parseSpiCsv(text, wards, { source: name }) });
    })
    .catch((err: unknown) => post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }));
});
