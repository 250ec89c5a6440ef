/**
 * The service worker: the app works offline after one visit (issue 14).
 * Built as its own file (sw.js, same origin, so CSP script-src 'self' allows it) by the precache plugin
 * in vite.config.ts, which replaces the manifest placeholder below with the build's file list and version.
 *
 * The DOM library has no service-worker event types and the webworker library clashes with it, so the
 * few members used here are declared locally.
 */
import { cacheKey, cacheName, offlinePageFor, staleCaches, strategyFor, type PrecacheManifest } from './cache-policy';

interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly registration: { readonly scope: string };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<unknown>) => void): void;
}
declare const self: WorkerScope;

const MANIFEST: PrecacheManifest = JSON.parse('__ATLAS_PRECACHE_MANIFEST__') as PrecacheManifest;
const CACHE = cacheName(MANIFEST.version);
const PRECACHED = new Set(MANIFEST.files);
const scope = () => self.registration.scope;
const urlOf = (path: string) => new URL(path, scope()).href;

// Install: fetch every file of this version past the HTTP cache. The new worker then waits until the page
// asks it to take over (the "newer version" banner), so a page never mixes two deployments.
self.addEventListener('install', (e) => {
  e.waitUntil(
    caches.open(CACHE).then((c) => c.addAll(MANIFEST.files.map((f) => new Request(urlOf(f), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys().then((names) => Promise.all(staleCaches(names, MANIFEST.version).map((n) => caches.delete(n)))));
});

self.addEventListener('message', (e) => {
  if (e.data === 'skip-waiting') void self.skipWaiting();
});

async function fromCache(path: string): Promise<Response | undefined> {
  return (await caches.open(CACHE)).match(urlOf(path));
}

async function page(req: Request): Promise<Response> {
  try {
    return await fetch(req);
  } catch (err) {
    const cached = await fromCache(offlinePageFor(req.url, scope(), PRECACHED));
    if (cached) return cached;
    throw err;
  }
}

async function data(e: FetchEvent): Promise<Response> {
  const cache = await caches.open(CACHE);
  const key = cacheKey(e.request.url, scope());
  const cached = await cache.match(key);
  const refresh = fetch(e.request).then(async (res) => {
    if (res.ok) await cache.put(key, res.clone());
    return res;
  });
  if (!cached) return refresh;
  // The cached copy answers now; the refresh keeps the worker alive until the cache holds the new one.
  e.waitUntil(refresh.catch(() => undefined));
  return cached;
}

async function asset(req: Request): Promise<Response> {
  const cached = await caches.open(CACHE).then((c) => c.match(cacheKey(req.url, scope())));
  return cached ?? fetch(req);
}

self.addEventListener('fetch', (e) => {
  const req = e.request;
  const strategy = strategyFor({ url: req.url, method: req.method, mode: req.mode }, scope(), PRECACHED);
  if (strategy === 'page') e.respondWith(page(req));
  else if (strategy === 'data') e.respondWith(data(e));
  else if (strategy === 'asset') e.respondWith(asset(req));
});
