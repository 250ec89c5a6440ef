import { afterEach, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { chromiumForThisFile, waitForIdle, waitForMap } from './browser';
import { choroplethPoints } from './pixels';

/**
 * Every file loaded after the first view may fail (HTTP 500, an aborted request, offline before the
 * worker holds it): the page keeps working with a one-line notice, and the file loads once the
 * network returns or the person makes another choice (issue 19.2).
 */
const chrome = chromiumForThisFile();
const base = inject('baseUrl');
const BURMANTOFTS = 'Burmantofts & Richmond Hill';

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

type Failure = 'http500' | 'aborted';

/**
 * A page (no service worker: it would fetch every file itself) whose requests for `file` fail until the
 * returned `heal` is called.
 */
async function openFailing(
  file: RegExp,
  failure: Failure,
  query = '',
): Promise<{ page: Page; heal: () => Promise<void> }> {
  context = await chrome.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const fail = (route: Route) =>
    failure === 'http500' ? route.fulfill({ status: 500, body: 'synthetic server error' }) : route.abort('failed');
  await page.route(file, fail);
  await page.goto(`${base}${query}`);
  await waitForMap(page);
  return { page, heal: () => page.unroute(file, fail) };
}

const notice = (page: Page) => page.locator('#map-area > .notice');

async function expectNotice(page: Page, text: RegExp): Promise<void> {
  await notice(page).waitFor({ timeout: 30_000 });
  await expect(notice(page).textContent()).resolves.toMatch(text);
  await expect(notice(page).textContent()).resolves.toMatch(
    /tries again when the connection returns or you make another choice\.$/,
  );
}

/** The rest of the app works: no "could not start", and search still selects a ward and shows its profile. */
async function expectAppWorks(page: Page): Promise<void> {
  await expect(page.getByText('The map could not start').count()).resolves.toBe(0);
  await page.locator('#search-input').fill('Burmantofts');
  await page.locator('#search-listbox [role="option"]').first().click();
  await expect(page.locator('#profile-title').textContent()).resolves.toBe(BURMANTOFTS);
}

/** Back online: the browser fires `online`, which is what the app listens for. */
async function networkReturns(page: Page): Promise<void> {
  await page.context().setOffline(true);
  await page.context().setOffline(false);
}

describe('LSOA 2011 areas (IoD 2019 and 2015)', () => {
  it('an HTTP 500 leaves a notice and a working app; the next choice loads and draws the 2011 map', async () => {
    const { page, heal } = await openFailing(/\/geo\/areas-2011\.topojson$/, 'http500');
    await page.locator('input[name="release"][value="2019"]').check();
    await expectNotice(
      page,
      /^The LSOA 2011 areas of IoD 2019 and 2015 are unavailable \(Could not load areas-2011\.topojson \(HTTP 500\)/,
    );
    await waitForIdle(page);
    expect(await choroplethPoints(page)).toBeLessThan(3);
    await expectAppWorks(page);

    await heal();
    await page.locator('input[name="release"][value="2015"]').check();
    await expect.poll(() => notice(page).count(), { timeout: 30_000 }).toBe(0);
    await waitForIdle(page);
    expect(await choroplethPoints(page)).toBeGreaterThanOrEqual(10);
  });

  it('an aborted request recovers when the network returns, with no further choice', async () => {
    const { page, heal } = await openFailing(/\/geo\/areas-2011\.topojson$/, 'aborted', '?rel=2019');
    await expectNotice(page, /^The LSOA 2011 areas of IoD 2019 and 2015 are unavailable \(Failed to fetch\)/);
    await expectAppWorks(page);
    await heal();
    await networkReturns(page);
    await expect.poll(() => notice(page).count(), { timeout: 30_000 }).toBe(0);
    await waitForIdle(page);
    expect(await choroplethPoints(page)).toBeGreaterThanOrEqual(10);
  });
});

describe('the other deferred files', () => {
  it('detail values: outreach planning waits, the notice says why; they arrive on the next choice', async () => {
    const { page, heal } = await openFailing(/\/geo\/areas-2021-details\.json$/, 'http500');
    await expectNotice(
      page,
      /^Domain ranks and scores are unavailable \(Could not load areas-2021-details\.json \(HTTP 500\)/,
    );
    await expect(page.getByTestId('outreach-loading').count()).resolves.toBe(1);
    await expectAppWorks(page);
    await heal();
    await page.locator('input[name="release"][value="2019"]').check();
    await page.getByTestId('outreach-panel').waitFor({ timeout: 30_000 });
    await expect(notice(page).count()).resolves.toBe(0);
  });

  it('interventions: no list and a notice; the list appears when the network returns', async () => {
    const { page, heal } = await openFailing(/\/geo\/interventions\.json$/, 'aborted');
    await expectNotice(page, /^Intervention locations are unavailable \(Failed to fetch\)/);
    await expect(page.getByTestId('venue-list').count()).resolves.toBe(0);
    await expectAppWorks(page);
    await heal();
    await networkReturns(page);
    await page.getByTestId('venue-list').waitFor({ timeout: 30_000 });
    await expect(notice(page).count()).resolves.toBe(0);
  });

  it('roads, rivers and place names: a notice, then the layer once the next choice retries', async () => {
    const { page, heal } = await openFailing(/\/geo\/context\.json$/, 'http500');
    await expectNotice(
      page,
      /^Roads, rivers and place names are unavailable \(Could not load context\.json \(HTTP 500\)/,
    );
    await expect(page.getByTestId('context-labels').count()).resolves.toBe(0);
    await expectAppWorks(page);
    await heal();
    await page.locator('input[name="release"][value="2019"]').check();
    await page.getByTestId('context-labels').waitFor({ state: 'attached', timeout: 30_000 });
    await expect.poll(() => notice(page).count(), { timeout: 30_000 }).toBe(0);
  });

  it('the built SPI file: a notice rather than silence; it goes once the file loads', async () => {
    const { page, heal } = await openFailing(/\/geo\/spi\.json$/, 'http500');
    await expectNotice(
      page,
      /^The Social Progress Index scores built for this atlas are unavailable \(Could not load spi\.json \(HTTP 500\)/,
    );
    await expectAppWorks(page);
    await heal();
    await networkReturns(page);
    await expect.poll(() => notice(page).count(), { timeout: 30_000 }).toBe(0);
  });

  it('a postcode district file: search says so, and the same postcode is found once it loads', async () => {
    const { page, heal } = await openFailing(/\/geo\/postcodes\/LS7\.json$/, 'http500');
    const search = async () => {
      await page.locator('#search-input').fill('ls7 3ex');
      await page.keyboard.press('Enter');
    };
    await search();
    await expect
      .poll(() => page.locator('.search__message').textContent(), { timeout: 30_000 })
      .toMatch(/^Postcode search is unavailable: Could not load postcodes\/LS7\.json \(HTTP 500\)/);
    await expect(page.getByText('The map could not start').count()).resolves.toBe(0);
    await heal();
    await search();
    await page.getByTestId('lsoa-profile').waitFor({ timeout: 30_000 });
    expect(page.url()).toMatch(/sel=lsoa%3AE01\d{6}/);
  });
});
