/**
 * The main-thread side of a file-reading Web Worker (SPI import, venue lists): posts the request,
 * reports progress, and resolves once with the result or a plain "could not be read" refusal;
 * the worker is ended either way.
 */
export type FileWorkerMessage<P, R> =
  | { kind: 'progress'; phase: P; percent: number }
  | { kind: 'result'; result: R }
  | { kind: 'failed'; message: string };

export function runFileWorker<P, R, O>(o: {
  worker: Worker;
  request: unknown;
  fileName: string;
  onProgress: (phase: P, percent: number) => void;
  done: (result: R) => O;
  refused: (message: string) => O;
}): Promise<O> {
  return new Promise((resolve) => {
    const finish = (out: O): void => {
      o.worker.terminate();
      resolve(out);
    };
    o.worker.addEventListener('message', (e: MessageEvent<FileWorkerMessage<P, R>>) => {
      const m = e.data;
      if (m.kind === 'progress') o.onProgress(m.phase, m.percent);
      else if (m.kind === 'result') finish(o.done(m.result));
      else finish(o.refused(`${o.fileName} could not be read (${m.message}).`));
    });
    o.worker.addEventListener('error', (e) =>
      finish(o.refused(`${o.fileName} could not be read (${e.message || 'the reader stopped'}).`)),
    );
    o.worker.postMessage(o.request);
  });
}
