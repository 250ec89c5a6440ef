import type { Plugin } from 'vite';
import { GEO_FILES } from '../../src/data/contract';

/**
 * Adds <link rel="preload" as="fetch"> for the first view's two data files to index.html, so the browser
 * downloads them while it is still fetching and running the app's code; the app's fetch() then takes the
 * preloaded response instead of starting the download only once the code has run. `crossorigin` makes
 * the preload's credentials mode the same as fetch()'s default, which is what lets the two match.
 */
export function preloadFirstViewData(base: string): Plugin {
  return {
    name: 'atlas-preload-first-view-data',
    transformIndexHtml(_html, ctx) {
      if (!ctx.filename.endsWith('index.html')) return [];
      return [GEO_FILES.metadata, GEO_FILES.areas2021].map((file) => ({
        tag: 'link',
        attrs: { rel: 'preload', as: 'fetch', crossorigin: '', href: `${base}geo/${file}` },
        injectTo: 'head' as const,
      }));
    },
  };
}
