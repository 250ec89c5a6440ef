import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumForThisFile, openPage, waitForMap, type WatchedPage } from './browser';
import { axeReport } from './axe';

const chrome = chromiumForThisFile();
const base = inject('baseUrl');

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const { count, message } = await axeReport(page, what);
  expect(count, message).toBe(0);
}

/** What has keyboard focus, in terms a test can match. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return null;
    return {
      tag: el.tagName,
      id: el.id,
      text: (el.textContent ?? '').trim().replace(/\s+/g, ' '),
      label: el.getAttribute('aria-label'),
      name: (el as HTMLInputElement).name ?? '',
      value: (el as HTMLInputElement).value ?? '',
      className: typeof el.className === 'string' ? el.className : '',
    };
  });
}

/**
 * One page walks through the app's states in order (a page load costs several seconds of
 * SwiftShader): the untouched main view, the keyboard-only path, then each panel under axe.
 */
describe('accessibility of one session', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(chrome.browser, base);
    await waitForMap(w.page);
  });
  afterAll(async () => {
    await w.page.context().close();
  });

  it('axe: the main view has no WCAG 2.x A/AA violations, and the map canvas is labelled', async () => {
    await expect(w.page.locator('.maplibregl-canvas').getAttribute('aria-label')).resolves.toMatch(
      /Map of deprivation/,
    );
    await expectNoViolations(w.page, 'the main view');
  });

  it('keyboard only: skip link → search → choose a ward → profile → map controls, and the choice is announced', async () => {
    const page = w.page;
    // Nothing has had focus yet: the first Tab reaches the skip link.
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'A', text: 'Skip to search' });
    await page.keyboard.press('Enter');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'INPUT', id: 'search-input' });

    await page.keyboard.type('Burmantofts');
    await page.locator('#search-listbox').waitFor();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#search-input').getAttribute('aria-activedescendant')).resolves.toBe('search-option-0');
    await expect(page.locator('#search-option-0').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('#search-option-0 .search__label').textContent()).resolves.toBe(
      'Burmantofts & Richmond Hill',
    );
    await page.keyboard.press('Enter');
    const profile = page.getByTestId('ward-profile');
    await profile.waitFor();
    await expect(profile.locator('h2').textContent()).resolves.toBe('Burmantofts & Richmond Hill');
    await expect(page.getByTestId('live-region').textContent()).resolves.toBe(
      'Selected ward Burmantofts & Richmond Hill. Its profile is shown in the details panel.',
    );
    // Choosing keeps focus in the search box, with the listbox closed.
    await expect(focused(page)).resolves.toMatchObject({ id: 'search-input' });
    await expect(page.locator('#search-input').getAttribute('aria-expanded')).resolves.toBe('false');

    // Tab moves on to the Search button, then into the layer controls (the checked "Map shows" radio).
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'BUTTON', text: 'Search' });
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'INPUT', name: 'view', value: 'deprivation' });

    // Shift+Tab walks back up past the search box and the header to the second skip link.
    let steps = 0;
    while ((await focused(page))?.text !== 'Skip to area details' && steps < 20) {
      await page.keyboard.press('Shift+Tab');
      steps++;
    }
    await expect(focused(page)).resolves.toMatchObject({ tag: 'A', text: 'Skip to area details' });
    await page.keyboard.press('Enter');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'ASIDE', id: 'details' });
    // Into the profile: its first control.
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'BUTTON', text: 'Clear selection' });
    // Back out of the details panel: the map's own controls come just before it, then the map canvas.
    await page.keyboard.press('Shift+Tab');
    await expect(focused(page)).resolves.toMatchObject({ label: 'Toggle attribution' });
    await page.keyboard.press('Shift+Tab');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'BUTTON', label: 'Zoom out' });
    await page.keyboard.press('Shift+Tab');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'BUTTON', label: 'Zoom in' });
    await page.keyboard.press('Shift+Tab');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'CANVAS', className: 'maplibregl-canvas' });
  });

  it('axe: with a ward profile open', async () => {
    await w.page.getByTestId('ward-profile').waitFor();
    await expectNoViolations(w.page, 'a ward profile');
  });

  it('axe: with "About the data" open', async () => {
    await w.page.getByRole('button', { name: 'About the data' }).click();
    await w.page.getByTestId('about-panel').waitFor();
    await expectNoViolations(w.page, 'the About panel');
    await w.page.getByTestId('about-panel').getByRole('button', { name: 'Close' }).click();
  });

  it('axe: with an LSOA profile open', async () => {
    await w.page.locator('[data-testid="ward-lsoa-table"] tbody tr th button').first().click();
    await w.page.getByTestId('lsoa-profile').waitFor();
    await expectNoViolations(w.page, 'an LSOA profile');
  });

  it('axe: with a venue profile open', async () => {
    await w.page
      .getByTestId('venue-list')
      .getByRole('button', { name: /^Reginald Centre/ })
      .click();
    await w.page.getByTestId('venue-profile').waitFor();
    await expectNoViolations(w.page, 'a venue profile');
  });

  it('axe: the outreach panel in gap mode', async () => {
    await w.page.getByRole('radio', { name: 'Deprived areas far from every community hub' }).check();
    await w.page.selectOption('#gap-ward', { label: 'Burmantofts & Richmond Hill' });
    await w.page.getByTestId('gap-list').waitFor();
    await expectNoViolations(w.page, 'the outreach panel in gap mode');
  });

  it('axe: the table view (table=1)', async () => {
    await w.page.getByRole('button', { name: 'Table view' }).click();
    await w.page.getByTestId('layer-table').waitFor();
    expect(new URL(w.page.url()).searchParams.get('table')).toBe('1');
    await expectNoViolations(w.page, 'the table view');
    await w.page.getByRole('button', { name: 'Back to the map' }).click();
  });

  it('axe: the SPI view with no SPI data loaded (view=spi)', async () => {
    await w.page.getByRole('radio', { name: 'Social Progress Index by ward' }).check();
    await w.page.getByTestId('spi-empty').waitFor();
    expect(new URL(w.page.url()).searchParams.get('view')).toBe('spi');
    await expectNoViolations(w.page, 'the SPI view (empty state)');
    expect(w.problems).toEqual([]);
  });

  it('axe: the "Embed this map" dialog', async () => {
    await w.page.getByRole('button', { name: 'Embed this map' }).click();
    await w.page.getByTestId('embed-dialog').waitFor();
    // The live preview is a second copy of the app in an iframe; axe checks the dialog around it.
    await expectNoViolations(w.page, 'the embed dialog');
    await w.page.keyboard.press('Escape');
    await w.page.getByTestId('embed-dialog').waitFor({ state: 'detached' });
  });
});

describe('reflow', () => {
  it('the full app at 320 px wide has no sideways scrolling and keeps the map, legend and search', async () => {
    const { page, problems } = await openPage(chrome.browser, `${base}?sel=ward:E05011388`, {
      width: 320,
      height: 720,
    });
    await waitForMap(page);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await expect(page.locator('#search-input').isVisible()).resolves.toBe(true);
    // Phone layout (issue 14): the linked ward's summary opens in the bottom sheet; the legend is a tap away.
    await expect(page.getByTestId('ward-profile').isVisible()).resolves.toBe(true);
    await page.locator('.sheet-dock__tab', { hasText: 'Legend' }).click();
    await expect(page.getByTestId('legend').isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('embed mode', () => {
  it('axe: ?embed=1 at 342 px has no WCAG 2.x A/AA violations', async () => {
    const { page, problems } = await openPage(chrome.browser, `${base}?embed=1&lock=1&fit=ward:E05011388`, {
      width: 342,
      height: 800,
    });
    await waitForMap(page);
    await expectNoViolations(page, 'the embed mode');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('the accessibility statement page', () => {
  it('axe: accessibility.html has no WCAG 2.x A/AA violations', async () => {
    const { page, problems } = await openPage(chrome.browser, `${base}accessibility.html`);
    await page.locator('h1').waitFor();
    // Its styles load under the CSP (no inline <style>): the header is dark with white link text.
    await expect(
      page.evaluate(() => getComputedStyle(document.querySelector('header')!).backgroundColor),
    ).resolves.toBe('rgb(26, 26, 26)');
    await expectNoViolations(page, 'accessibility.html');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
