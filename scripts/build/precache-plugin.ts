import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import type { PrecacheManifest } from '../../src/offline/cache-policy';
import { isHostingFile } from './hosting-headers';

/** The string the worker parses as its manifest; the plugin replaces it (with its quotes) by the real one. */
export const MANIFEST_PLACEHOLDER = '__ATLAS_PRECACHE_MANIFEST__';
export const SERVICE_WORKER_FILE = 'sw.js';

/** Every file below dir (full paths). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Whether a built file belongs in the precache: not the worker itself, not source maps, not the host's headers files. */
const precachable = (fileName: string): boolean =>
  fileName !== SERVICE_WORKER_FILE && !fileName.endsWith('.map') && !isHostingFile(fileName);

/** The manifest for a set of files (path relative to the worker's scope → content). */
export function manifestFor(files: ReadonlyMap<string, string | Uint8Array>): PrecacheManifest {
  return { version: precacheVersion(files), files: [...files.keys()].sort() };
}

/**
 * The manifest for a finished site folder (build:sites: one council's app plus its own geo/), read from
 * disk, so each council's worker precaches that council's data and has its own version.
 */
export function manifestForSite(siteDir: string): PrecacheManifest {
  const files = new Map<string, Uint8Array>();
  for (const path of filesUnder(siteDir)) {
    const name = relative(siteDir, path).split(sep).join('/');
    if (precachable(name)) files.set(name, readFileSync(path));
  }
  if (!files.has('index.html')) throw new Error(`${siteDir} has no index.html: nothing to serve offline`);
  return manifestFor(files);
}

/** The manifest's version: a hash of every precached file's name and content, so any change makes a new one. */
export function precacheVersion(files: ReadonlyMap<string, string | Uint8Array>): string {
  const h = createHash('sha256');
  for (const name of [...files.keys()].sort()) {
    h.update(name);
    h.update('\0');
    h.update(files.get(name) ?? '');
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

/** Writes the manifest into the worker's code, replacing the quoted placeholder; null when it is missing. */
export function injectManifest(code: string, manifest: PrecacheManifest): string | null {
  const quoted = new RegExp(`(["'\`])${MANIFEST_PLACEHOLDER}\\1`);
  if (!quoted.test(code)) return null;
  return code.replace(quoted, () => JSON.stringify(JSON.stringify(manifest)));
}

/**
 * Builds src/offline/service-worker.ts into sw.js (same origin, so CSP script-src 'self' allows it) and
 * writes into it the list of files to precache — every file of the bundle, which holds public/ and the
 * area's data under geo/ (scripts/build/geo-data-plugin.ts) — with a content hash as the version, so each
 * deployment gets its own cache.
 *
 * With `leavePlaceholder` (build:sites' shared app build, whose data differs per council) the worker keeps
 * its placeholder; build:sites fills it for each council's folder with manifestForSite.
 */
export function precacheServiceWorker(workerEntry: string, leavePlaceholder = false): Plugin {
  return {
    name: 'atlas-precache-service-worker',
    apply: 'build',
    // After Vite's own plugins, so the HTML pages are in the bundle when the list is made.
    enforce: 'post',
    buildStart() {
      this.emitFile({ type: 'chunk', id: workerEntry, fileName: SERVICE_WORKER_FILE });
    },
    generateBundle(_options, bundle) {
      const worker = bundle[SERVICE_WORKER_FILE];
      if (worker?.type !== 'chunk') return this.error(`the service worker chunk ${SERVICE_WORKER_FILE} was not built`);
      if (worker.imports.length > 0)
        return this.error(`${SERVICE_WORKER_FILE} must be one file, but imports ${worker.imports.join(', ')}`);
      if (leavePlaceholder) return;
      const files = new Map<string, string | Uint8Array>();
      for (const out of Object.values(bundle)) {
        if (!precachable(out.fileName)) continue;
        files.set(out.fileName, out.type === 'chunk' ? out.code : out.source);
      }
      if (!files.has('index.html')) return this.error('index.html is not in the bundle: nothing to serve offline');
      const code = injectManifest(worker.code, manifestFor(files));
      if (code === null) return this.error(`${SERVICE_WORKER_FILE} has no ${MANIFEST_PLACEHOLDER} placeholder to fill`);
      worker.code = code;
    },
  };
}
