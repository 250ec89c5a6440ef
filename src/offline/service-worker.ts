/**
 * The service worker: the app works offline after one visit (issue 14).
 * Built as its own file (sw.js, same origin, so CSP script-src 'self' allows it) by the precache plugin
 * in vite.config.ts, which replaces the manifest placeholder below with the build's file list and version.
 *
 * The DOM library has no service-worker event types and the webworker library clashes with it, so the
 * few members used here are declared locally.
 */
import {
  cachedPageFor,
  cacheKey,
  cacheName,
  isIntactData,
  offlinePageFor,
  staleCaches,
  strategyFor,
  type PrecacheManifest,
} from './cache-policy';

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
// asks it to take over (the "newer version" banner); pages and data are answered from this version's cache
// (src/offline/cache-policy.ts), so a page never mixes two deployments.
self.addEventListener('install', (e) => {
  e.waitUntil(
    caches.open(CACHE).then((c) => c.addAll(MANIFEST.files.map((f) => new Request(urlOf(f), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches.keys().then((names) => Promise.all(staleCaches(names, MANIFEST.version).map((n) => caches.delete(n)))),
  );
});

self.addEventListener('message', (e) => {
  if (e.data === 'skip-waiting') void self.skipWaiting();
});

async function fromCache(path: string): Promise<Response | undefined> {
  return (await caches.open(CACHE)).match(urlOf(path));
}

/** This version's page first: the page, its code and its data then come from one deployment. */
async function page(req: Request): Promise<Response> {
  const held = cachedPageFor(req.url, scope(), PRECACHED);
  const cached = held === null ? undefined : await fromCache(held);
  if (cached) return cached;
  try {
    return await fetch(req);
  } catch (err) {
    const offline = await fromCache(offlinePageFor(req.url, scope(), PRECACHED));
    if (offline) return offline;
    throw err;
  }
}

/** The body of a data response if it is intact (see isIntactData), else null. */
async function intactText(key: string, res: Response): Promise<string | null> {
  const text = await res.clone().text();
  return isIntactData(new URL(key).pathname, text) ? text : null;
}

/**
 * This version's copy of a data file, checked before it is used; a damaged or missing copy is fetched
 * from the network and, when that one is intact, replaces it. No background refresh: a newer file
 * belongs to a newer deployment, which arrives with its own worker.
 */
async function data(req: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const key = cacheKey(req.url, scope());
  const cached = await cache.match(key);
  if (cached && (await intactText(key, cached)) !== null) return cached;
  const res = await fetch(req);
  if (res.ok && (await intactText(key, res)) !== null) await cache.put(key, res.clone());
  return res;
}

async function asset(req: Request): Promise<Response> {
  const cached = await caches.open(CACHE).then((c) => c.match(cacheKey(req.url, scope())));
  return cached ?? fetch(req);
}

self.addEventListener('fetch', (e) => {
  const req = e.request;
  const strategy = strategyFor({ url: req.url, method: req.method, mode: req.mode }, scope(), PRECACHED);
  if (strategy === 'page') e.respondWith(page(req));
  else if (strategy === 'data') e.respondWith(data(req));
  else if (strategy === 'asset') e.respondWith(asset(req));
});
