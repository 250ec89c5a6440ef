import { spiFileSizeProblem, type SpiParseResult, type Ward } from '../domain/spi';

/** To the worker: the file (a Blob is cloned, not copied into memory) and the wards to match. */
export interface SpiImportRequest {
  file: Blob;
  name: string;
  wards: readonly Ward[];
}

export type SpiImportPhase = 'reading' | 'checking';

/** From the worker. */
export type SpiImportMessage =
  | { kind: 'progress'; phase: SpiImportPhase; percent: number }
  | { kind: 'result'; result: SpiParseResult }
  | { kind: 'failed'; message: string };

/** What an import ends in: the parser's verdict, or a file refused before parsing (size, unreadable). */
export type SpiImportOutcome = { kind: 'parsed'; result: SpiParseResult } | { kind: 'refused'; message: string };

/**
 * Reads and validates an SPI file in a Web Worker (the page keeps drawing while a large file is
 * read), after refusing files over the size limit outright.
 */
export function importSpiFile(
  file: File,
  wards: readonly Ward[],
  onProgress: (phase: SpiImportPhase, percent: number) => void,
): Promise<SpiImportOutcome> {
  const tooLarge = spiFileSizeProblem(file.name, file.size);
  if (tooLarge) return Promise.resolve({ kind: 'refused', message: tooLarge });
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./spi-import-worker.ts', import.meta.url), { type: 'module' });
    const finish = (outcome: SpiImportOutcome): void => {
      worker.terminate();
      resolve(outcome);
    };
    worker.addEventListener('message', (e: MessageEvent<SpiImportMessage>) => {
      const m = e.data;
      if (m.kind === 'progress') onProgress(m.phase, m.percent);
      else if (m.kind === 'result') finish({ kind: 'parsed', result: m.result });
      else finish({ kind: 'refused', message: `${file.name} could not be read (${m.message}).` });
    });
    worker.addEventListener('error', (e) => finish({ kind: 'refused', message: `${file.name} could not be read (${e.message || 'the reader stopped'}).` }));
    const request: SpiImportRequest = { file, name: file.name, wards: wards.map((w) => ({ code: w.code, name: w.name })) };
    worker.postMessage(request);
  });
}
