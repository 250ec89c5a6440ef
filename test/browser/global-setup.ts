import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

const ROOT = resolve(import.meta.dirname, '../..');
const BUILD_BOTH = 'run "npm run build && npm run build:test-hooks" before the browser tests (npm test does)';

/**
 * Serves the test-hooks build (dist-test-hooks/, made by `npm run build:test-hooks` before the tests: the
 * production build plus `window.__atlas`, src/test-hooks.d.ts) on loopback. The tests read the expected
 * data from dist/geo/ (the production build's copy of the same public/geo/), so both builds must exist and
 * carry the same data.
 */
export async function setup(project: TestProject): Promise<void> {
  const served = resolve(ROOT, 'dist-test-hooks');
  for (const dir of [served, resolve(ROOT, 'dist')]) {
    if (!existsSync(resolve(dir, 'index.html'))) throw new Error(`${dir} is missing: ${BUILD_BOTH}`);
  }
  const metadata = (dir: string): string => readFileSync(resolve(ROOT, dir, 'geo/metadata.json'), 'utf8');
  if (metadata('dist') !== metadata('dist-test-hooks')) {
    throw new Error(`dist/ and dist-test-hooks/ were built from different data: ${BUILD_BOTH}`);
  }
  // Without the hook every waitForIdle would return at once and the tests would race the map.
  const assets = resolve(served, 'assets');
  const hooked = readdirSync(assets).some(
    (f) => f.endsWith('.js') && readFileSync(resolve(assets, f), 'utf8').includes('__atlas'),
  );
  if (!hooked)
    throw new Error(`dist-test-hooks/ has no window.__atlas (not built with ATLAS_TEST_HOOKS=1): ${BUILD_BOTH}`);
  server = await preview({
    build: { outDir: served },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'error',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report a URL');
  project.provide('baseUrl', url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
