import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Builds councils' sites the way a council would host them (build:sites: one vite build, the pipeline
 * in-process) into `sitesDir`, and serves that folder with the app's CSP. `env` adds variables
 * (e.g. ATLAS_CONTENT_DIR for a test's content folder).
 */
export async function buildAndServeSites(
  codes: readonly string[],
  sitesDir: string,
  env: Record<string, string> = {},
): Promise<{ server: PreviewServer; base: string }> {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/cli/build-sites.ts', ...codes],
    {
      cwd: ROOT,
      env: { ...process.env, ATLAS_SITES_DIR: sitesDir, ...env },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`build:sites failed: ${r.stderr}`);
  const server = await preview({
    root: ROOT,
    build: { outDir: sitesDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'error',
  });
  return { server, base: server.resolvedUrls?.local[0] ?? '' };
}
