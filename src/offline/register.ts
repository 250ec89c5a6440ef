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
  // After the page has loaded, so precaching never competes with the first view for the network.
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
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
