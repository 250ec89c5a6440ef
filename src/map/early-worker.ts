import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

/**
 * MapLibre's web worker, started as the page starts. The worker downloads and compiles its ~500 KB
 * script on its own thread while the main thread fetches the data and draws the text UI, instead of
 * only once the map exists (the timeline in docs/performance.md: the worker script was fetched ~0.7 s
 * after map creation). MapLibre itself is still loaded after the text UI; only this URL string is in
 * the entry chunk.
 */
let early: Worker | null = null;

export const MAP_WORKER_URL = workerUrl;

export function startMapWorker(): void {
  if (early || typeof Worker === 'undefined') return;
  try {
    early = new Worker(workerUrl, { type: 'module' });
  } catch {
    early = null; // MapLibre will start its own.
  }
}

/**
 * Gives the early worker to MapLibre's worker pool. `prewarm()` starts the pool synchronously with
 * `new Worker(MAP_WORKER_URL, { type: 'module' })` (MapLibre 6, same-origin worker URL); for that one
 * construction the global constructor returns the worker already running (messages posted to it
 * before its script has run are queued by the browser). Any further workers are MapLibre's own.
 */
export function adoptEarlyWorker(prewarm: () => void): void {
  const worker = early;
  early = null;
  if (!worker) {
    prewarm();
    return;
  }
  const NativeWorker = globalThis.Worker;
  let taken = false;
  globalThis.Worker = new Proxy(NativeWorker, {
    construct(target, args: ConstructorParameters<typeof Worker>) {
      if (taken || String(args[0]) !== workerUrl) return Reflect.construct(target, args);
      taken = true;
      return worker;
    },
  });
  try {
    prewarm();
  } finally {
    globalThis.Worker = NativeWorker;
  }
  if (!taken) worker.terminate(); // MapLibre made its own: do not leave a second one running.
}
