/**
 * The test hooks' one declaration. `__ATLAS_TEST_HOOKS__` is a Vite `define` (vite.config.ts): true only in
 * the build made for the browser tests and the benchmark (`ATLAS_TEST_HOOKS=1`, `npm run build:test-hooks`),
 * false in `npm run build`, `build:sites` and the dev server, so the production bundle drops the hook and
 * holds no `__atlas` (test/integration/app-build-council.test.ts checks). Tests and the benchmark read
 * `window.__atlas` through this type, with no cast.
 */
import type { AtlasTestHooks } from './state/map-handle';

declare global {
  const __ATLAS_TEST_HOOKS__: boolean;
  interface Window {
    __atlas?: AtlasTestHooks;
  }
}
