import { runFileWorker, type FileWorkerMessage } from './file-worker';
import { spiFileSizeProblem, type SpiParseResult, type Ward } from '../domain/spi';

/** To the worker: the file (a Blob is cloned, not copied into memory) and the wards to match. */
export interface SpiImportRequest {
  file: Blob;
  name: string;
  wards: readonly Ward[];
}

export type SpiImportPhase = 'reading' | 'checking';

/** From the worker. */
export type SpiImportMessage = FileWorkerMessage<SpiImportPhase, SpiParseResult>;

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
  const request: SpiImportRequest = {
    file,
    name: file.name,
    wards: wards.map((w) => ({ code: w.code, name: w.name })),
  };
  return runFileWorker<SpiImportPhase, SpiParseResult, SpiImportOutcome>({
    worker: new Worker(new URL('./spi-import-worker.ts', import.meta.url), { type: 'module' }),
    request,
    fileName: file.name,
    onProgress,
    done: (result) => ({ kind: 'parsed', result }),
    refused: (message) => ({ kind: 'refused', message }),
  });
}
