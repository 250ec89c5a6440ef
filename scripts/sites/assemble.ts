/**
 * Assembling a council's static site from one shared app build: used by build:sites for every council
 * and by the benchmark, so both serve exactly what a council would host.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../pipeline/config';
import { PipelineError } from '../pipeline/errors';
import { fillAreaTokens, type BuiltArea } from '../tooling/area-html';
import { injectManifest, manifestForSite, SERVICE_WORKER_FILE } from '../build/precache-plugin';
import { hostingFiles } from '../build/hosting-headers';

/**
 * Copies the built app into a council's folder: HTML with its name, other files hard-linked (same bytes
 * for every council). The service worker is written last, with the precache list of this folder — the
 * council's own geo/ files — so each council's site works offline with its own data. The hosting headers
 * (`_headers`, hosting/nginx.conf) carry the council's own CSP.
 */
export function copyApp(from: string, to: string, area: BuiltArea): void {
  copyAppFiles(from, to, area);
  for (const f of hostingFiles(area)) {
    mkdirSync(path.dirname(path.join(to, f.fileName)), { recursive: true });
    writeFileSync(path.join(to, f.fileName), f.content);
  }
  const template = readFileSync(path.join(from, SERVICE_WORKER_FILE), 'utf8');
  const worker = injectManifest(template, manifestForSite(to));
  if (worker === null)
    throw new PipelineError({
      file: SERVICE_WORKER_FILE,
      message: 'the app build filled the precache list; build:sites needs the placeholder (ATLAS_KEEP_AREA_TOKENS=1)',
    });
  // Unlink first: the copy is a hard link to the template, which writing through would change.
  rmSync(path.join(to, SERVICE_WORKER_FILE), { force: true });
  writeFileSync(path.join(to, SERVICE_WORKER_FILE), worker);
}

function copyAppFiles(from: string, to: string, area: BuiltArea): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyAppFiles(src, dst, area);
    else if (entry.name.endsWith('.html')) writeFileSync(dst, fillAreaTokens(readFileSync(src, 'utf8'), area));
    else {
      rmSync(dst, { force: true });
      try {
        linkSync(src, dst);
      } catch {
        copyFileSync(src, dst);
      }
    }
  }
}

/**
 * Runs `vite build` into outDir in a child process (a fresh config per build: vite.config.ts reads
 * ATLAS_OUT_DIR and ATLAS_KEEP_AREA_TOKENS when it loads). Throws a PipelineError with vite's last lines.
 */
export function viteBuild(outDir: string, env: Record<string, string> = {}): void {
  const vite = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: REPO_ROOT,
    // NODE_ENV=production whatever the caller's (vitest sets "test", which would build without the service worker).
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-6).join('\n');
    throw new PipelineError({
      file: 'vite build',
      message: `exited with ${r.status ?? r.signal}${tail ? `:\n${tail}` : ''}`,
    });
  }
}

/**
 * Builds the app once as a template: the council's name in the HTML and the service worker's precache
 * list are left as placeholders, and no data, for copyApp to fill per council. The production build
 * (build:sites), whatever the shell's ATLAS_TEST_HOOKS; `testHooks` adds window.__atlas for the benchmark.
 */
export function buildAppTemplate(appDir: string, { testHooks = false }: { testHooks?: boolean } = {}): void {
  viteBuild(appDir, { ATLAS_KEEP_AREA_TOKENS: '1', ATLAS_TEST_HOOKS: testHooks ? '1' : '0' });
}
