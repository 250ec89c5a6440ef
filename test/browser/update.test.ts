import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { chromiumForThisFile, openWithServiceWorker, waitForMap } from './browser';

/**
 * A new deployment is picked up: a copy of the build is served, visited, then "redeployed" (its
 * worker's precache version changed, as a new build's content hash would); the page offers a reload,
 * and after it the new version's cache is the only one left.
 */
const chrome = chromiumForThisFile();
let server: PreviewServer;
let outDir: string;
let base: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'atlas-update-'));
  cpSync(resolve(import.meta.dirname, '../../dist'), outDir, { recursive: true });
  server = await preview({
    root: resolve(import.meta.dirname, '../..'),
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
    logLevel: 'error',
  });
  base = server.resolvedUrls!.local[0]!;
});

afterAll(async () => {
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('a new deployment', () => {
  it('shows "A newer version is available" with a Reload button that switches to the new version and drops the old cache', async () => {
    const { context, page } = await openWithServiceWorker(chrome.browser, base);
    await page.reload();
    await waitForMap(page);
    const cachesBefore = await page.evaluate(() => caches.keys());
    expect(cachesBefore).toHaveLength(1);
    await expect(page.getByTestId('update-banner').count()).resolves.toBe(0);

    const swPath = join(outDir, 'sw.js');
    const oldVersion = cachesBefore[0]!.replace('atlas-', '');
    const newVersion = 'f'.repeat(16);
    writeFileSync(swPath, readFileSync(swPath, 'utf8').replaceAll(oldVersion, newVersion));
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const banner = page.getByTestId('update-banner');
    await banner.waitFor({ timeout: 30_000 });
    await expect(banner.textContent()).resolves.toContain('A newer version is available.');
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
    await waitForMap(page);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`atlas-${newVersion}`]);
    await expect(page.getByTestId('update-banner').count()).resolves.toBe(0);
    await context.close();
  });

  it('the first load after a deploy shows the old deployment’s page and data together; Reload shows the new ones together (issue 19.7)', async () => {
    const { context, page } = await openWithServiceWorker(chrome.browser, base);
    const oldVersion = (await page.evaluate(() => caches.keys()))[0]!.replace('atlas-', '');
    // "Deploy" a build whose page and data both differ: a marker in the HTML and one in metadata.json.
    const indexPath = join(outDir, 'index.html');
    writeFileSync(
      indexPath,
      readFileSync(indexPath, 'utf8').replace('<head>', '<head><meta name="atlas-test-deployment" content="2">'),
    );
    const metaPath = join(outDir, 'geo/metadata.json');
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { area: { name: string } };
    writeFileSync(
      metaPath,
      JSON.stringify({ ...meta, area: { ...meta.area, name: `${meta.area.name} (deployment 2)` } }),
    );
    const swPath = join(outDir, 'sw.js');
    writeFileSync(swPath, readFileSync(swPath, 'utf8').replaceAll(oldVersion, 'e'.repeat(16)));
    // What the page shows: its HTML's marker, and the area name the app read from the data it loaded.
    const deployments = () =>
      page.evaluate(() => ({
        page: document.querySelector('meta[name="atlas-test-deployment"]')?.getAttribute('content') ?? '1',
        data: document.querySelector('.app-header__tagline')?.textContent?.includes('(deployment 2)') ? '2' : '1',
      }));

    await page.reload();
    await waitForMap(page);
    await expect(deployments()).resolves.toEqual({ page: '1', data: '1' });

    const banner = page.getByTestId('update-banner');
    await banner.waitFor({ timeout: 30_000 });
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
    await waitForMap(page);
    await expect(deployments()).resolves.toEqual({ page: '2', data: '2' });
    await context.close();
  });
});
