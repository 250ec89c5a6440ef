/**
 * Issue 24: a ward's peers in England (councils named), the spine chart against England's wards and
 * the council, what moved across the ward, an LSOA's seven domains in 2019 and 2025, and the missing
 * national file degrading to a line. Expected deciles are read here from the source CSVs.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { chromiumForThisFile, openPage, waitForMap, type WatchedPage } from './browser';
import { axeReport } from './axe';
import { table } from '../unit/outreach/independent';

const chrome = chromiumForThisFile();
const base = inject('baseUrl');
const WARD = 'E05011388'; // Burmantofts & Richmond Hill
/** An LSOA of that ward whose boundary did not change in 2021 (ONS change code U in the 2011 → 2021 lookup). */
const LSOA = 'E01011349';
const STEMS = [
  ['inc', 'income'],
  ['emp', 'employment'],
  ['edu', 'education'],
  ['hea', 'health'],
  ['cri', 'crime'],
  ['bar', 'barriers_housing_services'],
  ['liv', 'living_environment'],
] as const;

describe('a ward against England: peers and spine chart', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(chrome.browser, `${base}?sel=ward:${WARD}`);
    await waitForMap(w.page);
    await w.page.getByTestId('ward-peers-table').waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await w.page.context().close();
  });

  it('lists ten peer wards, each with its council named and a distance', async () => {
    const rows = w.page.locator('[data-testid="ward-peers-table"] tbody tr');
    await expect(rows.count()).resolves.toBe(10);
    const councils = await w.page.getByTestId('peer-council').allTextContents();
    expect(councils).toHaveLength(10);
    for (const c of councils) expect(c.trim()).toMatch(/^[A-Z][A-Za-z ,.'&-]+$/);
    expect(councils).not.toContain('council not known');
    const codes = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-ward')));
    expect(codes).not.toContain(WARD);
    const distances = (await rows.locator('td:nth-child(3)').allTextContents()).map(Number);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(distances[0]).toBeGreaterThan(0);
    await expect(w.page.getByTestId('ward-peers-differences').textContent()).resolves.toMatch(
      /^(This ward is|On every domain)/,
    );
  });

  it('draws the spine chart: seven domains, each with England’s band, this ward and the council', async () => {
    const svg = w.page.locator('[data-testid="ward-spine"] svg');
    await expect(svg.locator('[data-mark="ward"]').count()).resolves.toBe(7);
    await expect(svg.locator('[data-mark="band"]').count()).resolves.toBe(7);
    await expect(svg.locator('[data-mark="council"]').count()).resolves.toBe(7);
    const box = await svg.locator('[data-mark="band"]').first().boundingBox();
    expect(box?.width).toBeGreaterThan(1);
    // The table has the same facts as text.
    const rows = w.page.locator('[data-testid="ward-spine-table"] tbody tr');
    await expect(rows.count()).resolves.toBe(7);
    await expect(rows.first().locator('td').nth(1).textContent()).resolves.toMatch(/^\d{1,3}%$/);
    await expect(w.page.locator('[data-testid="ward-spine-table"] thead th').last().textContent()).resolves.toBe(
      'Leeds',
    );
  });

  it('shows what moved across the ward, with the LSOAs that are not comparable', async () => {
    const rows = w.page.locator('[data-testid="ward-what-moved-table"] tbody tr');
    await expect(rows.count()).resolves.toBe(7);
    await expect(rows.first().locator('td').first().textContent()).resolves.toMatch(/^\d+ → \d+$/);
    await expect(w.page.getByTestId('ward-what-moved').textContent()).resolves.toMatch(
      /Ranks and deciles are relative/,
    );
  });

  it('peers in other councils say why they have no link (a single-council build)', async () => {
    await expect(w.page.getByTestId('ward-peers-no-link').textContent()).resolves.toMatch(
      /built for one council on its own/,
    );
    await expect(w.page.locator('[data-testid="ward-peers-table"] tbody a').count()).resolves.toBe(0);
  });

  it('the details column does not scroll sideways with the new tables', async () => {
    const [scroll, client] = await w.page.evaluate(() => {
      const d = document.getElementById('details')!;
      return [d.scrollWidth, d.clientWidth];
    });
    expect(scroll).toBeLessThanOrEqual(client);
  });

  it('axe: the ward profile with its England comparison is clean', async () => {
    await w.page.getByTestId('ward-peers-table').waitFor();
    const { count, message } = await axeReport(w.page, 'the ward profile with peers and spine chart');
    expect(count, message).toBe(0);
  });
});

describe('a peer in the same council', () => {
  it('opens in this atlas: Gipton & Harehills’ peers include Burmantofts & Richmond Hill', async () => {
    const w = await openPage(chrome.browser, `${base}?sel=ward:E05011394`);
    try {
      await waitForMap(w.page);
      const open = w.page.getByRole('button', { name: 'Open Burmantofts & Richmond Hill' });
      await open.waitFor({ timeout: 30_000 });
      await open.click();
      await expect.poll(() => w.page.locator('#profile-title').textContent()).toBe('Burmantofts & Richmond Hill');
      expect(new URL(w.page.url()).searchParams.get('sel')).toBe(`ward:${WARD}`);
    } finally {
      await w.page.context().close();
    }
  });
});

describe('an LSOA’s seven domains in 2019 and 2025', () => {
  it('shows each domain’s national decile in IoD 2019 and 2025 as the sources give them', async () => {
    const w = await openPage(chrome.browser, `${base}?sel=lsoa:${LSOA}`);
    try {
      await waitForMap(w.page);
      await w.page.getByTestId('what-moved-table').waitFor({ timeout: 30_000 });
      const r19 = table('indices/iod2019_lsoa11_england.csv').find((r) => r.get('lsoa11cd') === LSOA)!;
      const r25 = table('indices/iod2025_lsoa21_england.csv').find((r) => r.get('lsoa21cd') === LSOA)!;
      for (const [id, stem] of STEMS) {
        const cells = await w.page
          .locator(`[data-testid="what-moved-table"] tr[data-indicator="${id}"] td`)
          .allTextContents();
        expect(cells[0]).toMatch(new RegExp(`^decile ${r19.get(`${stem}_decile`)} \\(rank `));
        expect(cells[1]).toMatch(new RegExp(`^decile ${r25.get(`${stem}_decile`)} \\(rank `));
      }
      const { count, message } = await axeReport(w.page, 'the LSOA profile with what moved');
      expect(count, message).toBe(0);
    } finally {
      await w.page.context().close();
    }
  });
});

describe('without england-wards.json', () => {
  let context: BrowserContext | undefined;
  afterEach(async () => {
    await context?.close();
  });

  it('a 404 is one line in the notice, and the rest of the ward profile works', async () => {
    context = await chrome.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route(/england-wards\.json$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${base}?sel=ward:${WARD}`);
    await waitForMap(page);
    const notice = page.locator('#map-area > .notice');
    await notice.waitFor({ timeout: 30_000 });
    await expect(notice.textContent()).resolves.toMatch(/^The comparison with England’s wards is unavailable \(.*404/);
    await expect(page.getByTestId('ward-england-unavailable').count()).resolves.toBe(1);
    await expect(page.getByTestId('ward-peers-table').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="ward-lsoa-table"] tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('ward-what-moved-table').count()).resolves.toBe(1);
  });
});
