import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForThisFile, openWithServiceWorker, waitForMap } from './browser';
import { choroplethPoints } from './pixels';

const chrome = chromiumForThisFile();
const base = inject('baseUrl');

describe('offline after one visit (service worker)', () => {
  it('registers a same-origin worker that precaches the app and the area data under a versioned cache', async () => {
    const context = await chrome.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(base);
    await waitForMap(page);
    const cached = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const names = await caches.keys();
      const cache = await caches.open(names[0]!);
      const keys = (await cache.keys()).map((r) => new URL(r.url).pathname);
      return { script: reg.active?.scriptURL ?? '', names, keys };
    });
    expect(new URL(cached.script).origin).toBe(new URL(base).origin);
    expect(cached.names).toHaveLength(1);
    expect(cached.names[0]).toMatch(/^atlas-[0-9a-f]{16}$/);
    for (const file of [
      '/index.html',
      '/geo/areas-2021.topojson',
      '/geo/metadata.json',
      '/geo/areas-2021-details.json',
      '/geo/interventions.json',
      '/geo/postcodes/LS7.json',
      '/geo/context.json',
      '/manifest.webmanifest',
    ]) {
      expect(cached.keys).toContain(file);
    }
    expect(cached.keys.some((k) => /^\/assets\/main-.*\.js$/.test(k))).toBe(true);
    // Every chunk the build wrote, the lazy ones (profiles, panels, the after-first-view layers, PNG export) too.
    const chunks = readdirSync(resolve(import.meta.dirname, '../../dist-test-hooks/assets')).filter((f) =>
      f.endsWith('.js'),
    );
    expect(chunks.length).toBeGreaterThan(10);
    for (const f of chunks) expect(cached.keys).toContain(`/assets/${f}`);
    const manifest = await page.evaluate(async () =>
      (await fetch(document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href)).json(),
    );
    expect(manifest).toMatchObject({ name: 'Neighbourhood Atlas', display: 'standalone', start_url: './' });
    await context.close();
  });

  it('with the network off, a reload draws the choropleth, opens a ward profile and its briefing, and finds a postcode', async () => {
    const { context, page } = await openWithServiceWorker(chrome.browser, base);
    await context.setOffline(true);
    // Really offline: a file the worker does not hold fails.
    await expect(
      page.evaluate(() =>
        fetch('/not-cached.txt').then(
          () => 'ok',
          () => 'failed',
        ),
      ),
    ).resolves.toBe('failed');
    await page.reload();
    await waitForMap(page);
    await expect(page.evaluate(() => navigator.serviceWorker.controller !== null)).resolves.toBe(true);
    expect(await choroplethPoints(page)).toBeGreaterThanOrEqual(10);

    await page.locator('#search-input').fill('Burmantofts');
    await page.locator('#search-listbox [role="option"]').first().click();
    const profile = page.getByTestId('ward-profile');
    await profile.waitFor();
    await expect(profile.locator('h2').textContent()).resolves.toBe('Burmantofts & Richmond Hill');
    await page.getByRole('button', { name: 'Ward briefing (print or PDF)' }).click();
    await expect(page.locator('#briefing-title').textContent()).resolves.toBe('Burmantofts & Richmond Hill');
    await page.getByRole('button', { name: 'Close the briefing' }).click();
    // Outreach and interventions load after the first view: from the cache too.
    await page.getByTestId('outreach-panel').waitFor({ timeout: 30_000 });
    await page.getByTestId('venue-list').waitFor({ timeout: 30_000 });
    // Postcodes load only when one is searched: precached, so they work offline too.
    await page.locator('#search-input').fill('ls7 3ex');
    await page.keyboard.press('Enter');
    await page.getByTestId('lsoa-profile').waitFor();
    await expect(page.url()).toMatch(/sel=lsoa%3AE01\d{6}/);
    await context.close();
  });

  it('a damaged cached data file is not served: the next visit, online, fetches it again and replaces it (issue 19.7)', async () => {
    const { context, page } = await openWithServiceWorker(chrome.browser, base);
    const metadataUrl = new URL('geo/metadata.json', base).href;
    await page.evaluate(async (url) => {
      const cache = await caches.open((await caches.keys())[0]!);
      await cache.put(
        url,
        new Response('{"schemaVersion":1,"area":{"na', { headers: { 'content-type': 'application/json' } }),
      );
    }, metadataUrl);
    await page.reload();
    await waitForMap(page);
    await expect(page.evaluate(() => navigator.serviceWorker.controller !== null)).resolves.toBe(true);
    await expect(page.getByText('The map could not start').count()).resolves.toBe(0);
    const repaired = await page.evaluate(async (url) => {
      const cached = await (await caches.open((await caches.keys())[0]!)).match(url);
      return ((await cached?.json()) as { schemaVersion?: number } | undefined)?.schemaVersion;
    }, metadataUrl);
    expect(repaired).toBe(1);
    await context.close();
  });
});
