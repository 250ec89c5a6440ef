import { defineConfig } from 'vitest/config';
import type { Plugin, Rollup } from 'vite';
import solid from 'vite-plugin-solid';
import { resolve } from 'node:path';
import { areaHtmlPlugin, contentSecurityPolicy, readBuiltArea } from './scripts/tooling/area-html';
import { precacheServiceWorker } from './scripts/build/precache-plugin';
import { preloadFirstViewData } from './scripts/build/preload-data-plugin';
import { geoDataPlugin } from './scripts/build/geo-data-plugin';
import { hostingHeadersPlugin } from './scripts/build/hosting-headers';

// BASE_PATH lets the council host the app under a sub-path (e.g. /maps/atlas/).
const base = process.env.BASE_PATH ?? './';

/**
 * Where build:data writes (public/geo unless ATLAS_OUT_DIR says otherwise): the one council of the build —
 * its data under geo/, its name in the HTML, its CSP and hosting headers, its precache list.
 */
const geoDir = resolve(import.meta.dirname, process.env.ATLAS_OUT_DIR ?? 'public/geo');

/**
 * The Content-Security-Policy the app is built to run under (no 'unsafe-eval', no inline scripts).
 * `vite preview` — and so every browser test — serves with it, which keeps the README's claim true.
 * frame-ancestors lists who may embed the map: the built council's embedDomains (its content folder's council.json).
 */
const builtArea = readBuiltArea(geoDir);
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy(builtArea?.code ?? '', builtArea?.embedDomains ?? []);

/**
 * Adds <link rel="modulepreload"> for the map chunk and MapLibre: the browser downloads and compiles
 * them alongside the data, but runs them only when the app imports the map (after the text UI is
 * ready), so the text UI never waits behind MapLibre and the map never waits for a late download.
 */
function preloadMapChunk(): Plugin {
  return {
    name: 'atlas-preload-map-chunk',
    apply: 'build',
    transformIndexHtml(_html, ctx) {
      const bundle = ctx.bundle;
      // Only the app's page: the accessibility statement shows no map.
      if (!bundle || !ctx.path.endsWith('/index.html')) return [];
      const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
      // The map owner and its first view's layer groups (MapView imports both at once).
      const mapChunks = chunks.filter(
        (c) =>
          c.facadeModuleId?.endsWith('src/map/atlas-map.ts') ||
          c.facadeModuleId?.endsWith('src/map/layers/first-view.ts'),
      );
      if (mapChunks.length === 0) return [];
      // Not the entry or what it imports itself (e.g. a shared Solid chunk): the page's own tags already load those.
      const entries = chunks.filter((c) => c.isEntry);
      const loadedByEntry = new Set(entries.flatMap((c) => [c.fileName, ...c.imports]));
      const files = [
        ...new Set(mapChunks.flatMap((c) => [c.fileName, ...c.imports.filter((f) => !loadedByEntry.has(f))])),
      ];
      return files.map((f) => ({
        tag: 'link',
        attrs: { rel: 'modulepreload', href: `${base}${f}` },
        injectTo: 'head' as const,
      }));
    },
  };
}

/**
 * What the entry page loads up front goes into one chunk (Rolldown otherwise splits out every module that a
 * lazy panel or the map chunk also imports: twenty files whose separate compression cost ~5 KB gzip of the
 * first view's code). MapLibre keeps its own chunk, and the service worker (its own entry) must stay one file.
 */
function inFirstViewChunk(id: string): boolean {
  // Script modules only: the pages themselves and their stylesheets keep their own entries (the accessibility
  // statement loads no script).
  if (!/\.[cm]?[jt]sx?$/.test(id)) return false;
  return !/node_modules[\\/]maplibre-gl|src[\\/]offline[\\/](service-worker|cache-policy)/.test(id);
}

/** build:sites builds the app once as a template: council name and precache list are filled per council. */
const SITES_TEMPLATE_BUILD = process.env.ATLAS_KEEP_AREA_TOKENS === '1';

/**
 * The build the browser tests and the benchmark drive (`npm run build:test-hooks`): the production build plus
 * `window.__atlas` (src/test-hooks.d.ts). Everything else builds without it, and Rollup drops the dead branch.
 */
const TEST_HOOKS = process.env.ATLAS_TEST_HOOKS === '1';

export default defineConfig({
  base,
  define: { __ATLAS_TEST_HOOKS__: JSON.stringify(TEST_HOOKS) },
  preview: {
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  plugins: [
    solid(),
    preloadMapChunk(),
    preloadFirstViewData(base),
    areaHtmlPlugin(geoDir),
    geoDataPlugin(geoDir, !SITES_TEMPLATE_BUILD),
    hostingHeadersPlugin(geoDir, base, !SITES_TEMPLATE_BUILD),
    precacheServiceWorker(resolve(import.meta.dirname, 'src/offline/service-worker.ts'), SITES_TEMPLATE_BUILD),
  ],
  build: {
    target: 'es2022',
    // Every browser the es2022 target covers but Safari 16 has <link rel="modulepreload">; without it a module
    // still loads, only not ahead of its import. The polyfill was half a kilobyte of the first view's code.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        accessibility: resolve(import.meta.dirname, 'accessibility.html'),
      },
      output: {
        codeSplitting: {
          // MapLibre in a chunk of its own, as in the benchmark's baseline page: no app code is hidden in it.
          groups: [
            // Not the worker's URL (`…?worker&url`, a one-line module the entry imports: see early-worker.ts).
            { name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl[\\/][^?]*$/, priority: 1 },
            { name: 'main', tags: ['$initial'], test: inFirstViewChunk },
          ],
        },
      },
    },
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    // vite-plugin-solid would default tests to jsdom; ours run in node (browser tests drive real Chromium).
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['test/browser/global-setup.ts'],
        },
      },
    ],
  },
});
