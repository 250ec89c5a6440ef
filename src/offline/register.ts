/** The performance mark the app sets when the choropleth is first drawn (the benchmark reads it too). */
export const FIRST_CHOROPLETH_MARK = 'atlas:first-choropleth';
/** If the map never draws (no WebGL), the text UI still deserves offline use: register this long after load. */
const REGISTER_WITHOUT_MAP_MS = 15_000;

/** Resolves once the first choropleth is drawn, or REGISTER_WITHOUT_MAP_MS after this is called. */
function firstViewDrawn(): Promise<void> {
  return new Promise((resolve) => {
    if (performance.getEntriesByName(FIRST_CHOROPLETH_MARK, 'mark').length > 0) return resolve();
    const timer = setTimeout(done, REGISTER_WITHOUT_MAP_MS);
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(FIRST_CHOROPLETH_MARK).length > 0) done();
    });
    function done(): void {
      clearTimeout(timer);
      observer.disconnect();
      resolve();
    }
    observer.observe({ type: 'mark' });
  });
}

/**
 * Registers the service worker (production builds only) and reports a newer deployment waiting to take
 * over. `apply` asks that worker to take over; the page reloads once it controls the page.
 */
export function registerServiceWorker(onUpdateWaiting: (apply: () => void) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  let applying = false;
  const offer = (waiting: ServiceWorker) =>
    onUpdateWaiting(() => {
      applying = true;
      waiting.postMessage('skip-waiting');
    });
  sw.addEventListener('controllerchange', () => {
    if (applying) window.location.reload();
  });
  // After the first choropleth is drawn, so precaching (the whole area's data, a few MB) never competes
  // with the first view for the network or the CPU.
  const register = () =>
    sw
      .register(`${import.meta.env.BASE_URL}sw.js`)
      .then((reg) => {
        // A worker only waits when another one controls the page: that is an update, not the first install.
        if (reg.waiting && sw.controller) offer(reg.waiting);
        reg.addEventListener('updatefound', () => {
          const installing = reg.installing;
          installing?.addEventListener('statechange', () => {
            if (installing.state === 'installed' && sw.controller) offer(installing);
          });
        });
      })
      // Offline use is an extra: a browser or host page that refuses workers still gets the whole app.
      .catch(() => undefined);
  void firstViewDrawn().then(register);
}
