/**
 * Web Worker: reads an SPI file and validates it off the main thread, so a large file never freezes
 * the page. Messages: in, SpiImportRequest; out, SpiImportMessage (progress while reading, then the result).
 */
import { parseSpiCsv } from '../domain/spi';
import type { SpiImportMessage, SpiImportRequest } from './spi-import';

const post = (m: SpiImportMessage): void => self.postMessage(m);

/** The file as text (UTF-8; bytes that are not UTF-8 become U+FFFD, as file.text() does), reporting progress. */
async function readText(file: Blob, onChunk: (loaded: number) => void): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    onChunk(loaded);
  }
  parts.push(decoder.decode());
  return parts.join('');
}

self.addEventListener('message', (e: MessageEvent<SpiImportRequest>) => {
  const { file, name, wards } = e.data;
  let lastPercent = -1;
  readText(file, (loaded) => {
    const percent = file.size > 0 ? Math.floor((loaded / file.size) * 100) : 100;
    if (percent !== lastPercent) post({ kind: 'progress', phase: 'reading', percent });
    lastPercent = percent;
  })
    .then((text) => {
      post({ kind: 'progress', phase: 'checking', percent: 100 });
      post({ kind: 'result', result: parseSpiCsv(text, wards, { source: name }) });
    })
    .catch((err: unknown) => post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }));
});
