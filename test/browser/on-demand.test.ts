import { afterEach, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumForThisFile, waitForMap } from './browser';

/**
 * Panels and downloads a person opens on demand load their code then, not with the first view (the
 * benchmark's app-code budget); when that code cannot load, the page says so and keeps working.
 */
const chrome = chromiumForThisFile();
const base = inject('baseUrl');

const BURMANTOFTS = 'E05011388';
/** The chunks (by their source's name) the first view must not fetch. */
const ON_DEMAND = [
  'AboutPanel',
  'BriefingRegion',
  'EmbedDialog',
  'SpiPanel',
  'SpiScorecard',
  'TableView',
  'csv',
  'table-export',
];
const onDemandChunk = (url: string) =>
  ON_DEMAND.find((name) => new RegExp(`/assets/${name}-[\\w-]+\\.js$`).test(url)) ?? null;

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

/** A page without the service worker: its precache fetches every file, which would hide what the page itself asks for. */
async function newPage(): Promise<Page> {
  context = await chrome.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  return context.newPage();
}

/** The first view of `url`, recording the on-demand chunks the page fetches. */
async function open(url: string): Promise<{ page: Page; fetched: string[] }> {
  const page = await newPage();
  const fetched: string[] = [];
  page.on('request', (r) => {
    const chunk = onDemandChunk(r.url());
    if (chunk) fetched.push(chunk);
  });
  await page.goto(url);
  await waitForMap(page);
  return { page, fetched };
}

describe('the first view’s data is preloaded', () => {
  it('metadata.json and areas-2021.topojson are each fetched once, from the preload, with no unused-preload warning', async () => {
    const page = await newPage();
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (/preload/i.test(m.text())) warnings.push(m.text());
    });
    await page.goto(base);
    await waitForMap(page);
    const fetched = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => ({ path: new URL(e.name).pathname, initiator: (e as PerformanceResourceTiming).initiatorType })),
    );
    for (const file of ['metadata.json', 'areas-2021.topojson']) {
      const hits = fetched.filter((f) => f.path.endsWith(`/geo/${file}`));
      expect(hits, file).toHaveLength(1);
      expect(hits[0]?.initiator, file).toBe('link');
    }
    // Chrome warns when a preload goes unused for a few seconds after load.
    await page.waitForTimeout(3500);
    expect(warnings).toEqual([]);
  });
});

describe('code loaded on demand', () => {
  it('the first view fetches none of it; opening About, the table and the embed dialog fetches theirs', async () => {
    const { page, fetched } = await open(`${base}?sel=ward:${BURMANTOFTS}`);
    await page.getByTestId('ward-profile').waitFor();
    // Outreach planning (itself loaded on demand, soon after the first view) must not bring the CSV writers either.
    await page.getByTestId('outreach-panel').waitFor({ timeout: 60_000 });
    expect(fetched).toEqual([]);

    await page.getByRole('button', { name: 'About the data' }).click();
    await expect(
      page.getByTestId('about-panel').getByRole('heading', { name: 'About the data' }).textContent(),
    ).resolves.toBe('About the data');
    await page.getByRole('button', { name: 'Table view' }).click();
    await page.getByTestId('layer-table').waitFor();
    await page.getByRole('button', { name: 'Embed this map' }).click();
    await page.getByTestId('embed-dialog').waitFor();
    expect([...fetched].sort()).toEqual(['AboutPanel', 'EmbedDialog', 'TableView']);
  });

  it('a panel whose code fails to load says so in its place, and the rest of the page keeps working', async () => {
    const page = await openFailing(/\/assets\/AboutPanel-[\w-]+\.js$/);
    await page.getByRole('button', { name: 'About the data' }).click();
    await expect(page.locator('#about').getByRole('alert').textContent()).resolves.toMatch(
      /^This part of the atlas could not load \(.+\)\. Reloading the page may help\.$/,
    );
    expect(await page.getByTestId('about-panel').count()).toBe(0);
    // Not the app-wide "could not start": the profile is still there and other panels still open.
    await expect(page.locator('#profile-title').textContent()).resolves.toBe('Burmantofts & Richmond Hill');
    await page.getByRole('button', { name: 'Table view' }).click();
    await page.getByTestId('layer-table').waitFor();
  });

  it('a CSV download whose code fails to load is announced as not done', async () => {
    // table-export is imported by the table download alone.
    const page = await openFailing(/\/assets\/table-export-[\w-]+\.js$/);
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Table view' }).click();
    await page.getByTestId('table-view').getByRole('button', { name: 'Download as CSV' }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="live-region"]')?.textContent?.startsWith('Could not download'),
    );
    await expect(page.getByTestId('live-region').textContent()).resolves.toMatch(/^Could not download the table: .+/);
    expect(downloads).toBe(0);
  });
});

/** The first view with the ward selected, where every request for `chunk` fails. */
async function openFailing(chunk: RegExp): Promise<Page> {
  const page = await newPage();
  await page.route(chunk, (route) => route.abort('failed'));
  await page.goto(`${base}?sel=ward:${BURMANTOFTS}`);
  await waitForMap(page);
  return page;
}
