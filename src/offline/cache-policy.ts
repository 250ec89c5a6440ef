/**
 * What the service worker does with each request, as pure functions the unit tests can check.
 * Kept apart from the worker itself (src/offline/service-worker.ts), which only wires these to events.
 */

/** Written into the worker at build time by the precache plugin (vite.config.ts). */
export interface PrecacheManifest {
  /** A hash of every precached file's content: a new deployment has a new version. */
  version: string;
  /** Paths relative to the worker's scope, e.g. "index.html", "assets/index-1a2b.js", "geo/metadata.json". */
  files: string[];
}

export const CACHE_PREFIX = 'atlas-';

export function cacheName(version: string): string {
  return `${CACHE_PREFIX}${version}`;
}

/** Caches this app made for other versions: deleted when the new worker activates. */
export function staleCaches(names: readonly string[], version: string): string[] {
  return names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== cacheName(version));
}

/**
 * Everything a page uses comes from one deployment: the worker answers from its own version's cache
 * (`atlas-<version>`), and a new deployment arrives whole, as a new worker and cache that take over only
 * when the visitor presses "Reload" on the "A newer version is available" banner.
 * - `page`: an HTML navigation — this version's cached page (so HTML, code and data always match); the
 *   network for a page this version does not hold.
 * - `data`: the area's generated data under geo/ — this version's cached copy, checked before it is used
 *   (a damaged copy is fetched again and replaced); the network for a file the cache lacks.
 * - `asset`: a content-hashed file from the build — cache first (its name changes when it changes).
 * - `pass`: anything else (other origins, POSTs, test tooling) goes to the network untouched.
 */
export type Strategy = 'page' | 'data' | 'asset' | 'pass';

export interface RequestFacts {
  url: string;
  method: string;
  mode: string;
}

/** The path of a URL relative to the worker's scope, or null when it is outside the scope. */
export function scopePath(url: string, scope: string): string | null {
  const u = new URL(url);
  const s = new URL(scope);
  if (u.origin !== s.origin || !u.pathname.startsWith(s.pathname)) return null;
  return u.pathname.slice(s.pathname.length);
}

export function strategyFor(req: RequestFacts, scope: string, precached: ReadonlySet<string>): Strategy {
  if (req.method !== 'GET') return 'pass';
  const path = scopePath(req.url, scope);
  if (path === null) return 'pass';
  if (req.mode === 'navigate') return 'page';
  if (path.startsWith('geo/')) return 'data';
  return precached.has(path) ? 'asset' : 'pass';
}

/**
 * The cached page that answers a navigation at once: the app (index.html) for the scope's root, a precached
 * page for itself; null for any other path, which goes to the network.
 */
export function cachedPageFor(url: string, scope: string, precached: ReadonlySet<string>): string | null {
  const path = scopePath(url, scope);
  if (path === null) return null;
  const page = path === '' ? 'index.html' : path;
  return precached.has(page) ? page : null;
}

/**
 * Whether a data file's text is usable: a JSON file (.json, .topojson) must parse. A cached copy that
 * fails this (cut short, or overwritten by something else) is never served.
 */
export function isIntactData(path: string, text: string): boolean {
  if (!/\.(json|topojson)$/.test(path)) return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The cached page that answers a navigation offline: the page itself if precached, else the app (index.html). */
export function offlinePageFor(url: string, scope: string, precached: ReadonlySet<string>): string {
  const path = scopePath(url, scope) ?? '';
  return path !== '' && precached.has(path) ? path : 'index.html';
}

/** The cache key of a request: query strings are state (?sel=…), not a different file. */
export function cacheKey(url: string, scope: string): string {
  return new URL(scopePath(url, scope) ?? '', scope).href;
}
