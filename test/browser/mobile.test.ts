import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumForThisFile, waitForMap } from './browser';
import { axeReport } from './axe';
import { builtAreas } from './fixtures';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';

const chrome = chromiumForThisFile();
const base = inject('baseUrl');
const WARD = 'E05011388';
const WARD_NAME = 'Burmantofts & Richmond Hill';

async function open(context: BrowserContext, query = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}${query}`);
  await waitForMap(page);
  return page;
}

async function expectAxeClean(page: Page, what: string): Promise<void> {
  const { count, message } = await axeReport(page, what);
  expect(count, message).toBe(0);
}

/** Visible interactive elements whose target is smaller than `min` px in either direction. */
function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((m) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, input, select, summary, [role="option"], a[href]',
    )) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || el.closest('.sr-only')) continue;
      // Links inside running text are exempt (WCAG 2.5.8 "inline"); skip links only show on focus.
      if (el.tagName === 'A' && (el.closest('p, li, dd, td') || el.classList.contains('skip-link'))) continue;
      if (r.width < m || r.height < m)
        out.push(
          `${el.tagName}.${el.className} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
    }
    return out;
  }, min);
}

function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/**
 * The header's buttons and links, each with its box and whether all of it is on screen: inside the
 * viewport, and not clipped by a scrolling ancestor (the element itself is hit at each inset corner).
 */
function headerControls(page: Page): Promise<{ name: string; box: string; onScreen: boolean }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.app-header button, .app-header a[href]')].map((el) => {
      const r = el.getBoundingClientRect();
      const inside =
        r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
      const corners: [number, number][] = [
        [r.left + 2, r.top + 2],
        [r.right - 2, r.top + 2],
        [r.left + 2, r.bottom - 2],
        [r.right - 2, r.bottom - 2],
      ];
      const hit = corners.every(([x, y]) => el.contains(document.elementFromPoint(x, y)));
      return {
        name: (el.textContent ?? '').trim(),
        box: `${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)}`,
        onScreen: inside && hit,
      };
    }),
  );
}

describe('phone, 390×844 with touch', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await chrome.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      reducedMotion: 'reduce',
    });
    page = await open(context);
  });
  afterAll(async () => {
    await context.close();
  });

  it('the map covers at least half of the first screen, with search above it, and nothing scrolls sideways', async () => {
    const map = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const visible = Math.min(map.y + map.height, 844) - Math.max(map.y, 0);
    expect((visible * Math.min(map.width, 390)) / (390 * 844)).toBeGreaterThanOrEqual(0.5);
    const search = (await page.locator('#search-input').boundingBox())!;
    expect(search.y).toBeGreaterThanOrEqual(0);
    expect(search.y + search.height).toBeLessThanOrEqual(map.y + 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Controls, legend and details wait in the dock, not on the first screen.
    await expect(page.locator('#controls-panel').isVisible()).resolves.toBe(false);
    await expect(page.locator('#legend-panel').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('sheet-dock').isVisible()).resolves.toBe(true);
  });

  it('every visible control is at least 24 px, and the dock, header and search ones 44 px', async () => {
    expect(await smallTargets(page, 24)).toEqual([]);
    const big = await page.$$eval(
      '.sheet-dock button, .app-header__nav .button, #search-input, .search .button, .maplibregl-ctrl-group button',
      (els) =>
        els
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.width > 0)
          .map((r) => Math.min(r.width, r.height)),
    );
    expect(big.length).toBeGreaterThanOrEqual(8);
    expect(Math.min(...big)).toBeGreaterThanOrEqual(44);
  });

  it('every header control is fully on screen, at 390 px and at 320 px (reflow)', async () => {
    for (const size of [
      { width: 390, height: 844 },
      { width: 320, height: 640 },
    ]) {
      await page.setViewportSize(size);
      const controls = await headerControls(page);
      expect(
        controls.map((c) => c.name),
        `${size.width} px`,
      ).toEqual(['Table view', 'About the data', 'Save map as PNG', 'Print', 'Embed this map', 'Accessibility']);
      expect(
        controls.filter((c) => !c.onScreen).map((c) => `${c.name} ${c.box}`),
        `${size.width} px`,
      ).toEqual([]);
    }
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it('a dock button opens its sheet (aria-expanded, focus inside), Escape closes it and focus returns', async () => {
    const tab = page.locator('.sheet-dock__tab', { hasText: 'Options' });
    await expect(tab.getAttribute('aria-controls')).resolves.toBe('controls-panel');
    await expect(tab.getAttribute('aria-expanded')).resolves.toBe('false');
    await tab.tap();
    await expect(tab.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.locator('#controls-panel').waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.activeElement?.id === 'controls-panel');
    // Every control in the sheet is a comfortable target too.
    expect(await smallTargets(page, 24)).toEqual([]);
    await expectAxeClean(page, 'the phone layout with the controls sheet open');
    // Choosing in the sheet changes the map (the sheet stays usable by touch).
    await page.getByLabel('Change 2019 → 2025 (IMD)').tap();
    await expect.poll(() => page.url()).toContain('view=change');
    await page.keyboard.press('Escape');
    await expect(page.locator('#controls-panel').isVisible()).resolves.toBe(false);
    await expect(tab.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent)).resolves.toBe(
      'Options',
    );
  });

  it('the legend sheet opens and closes with the close button', async () => {
    await page.locator('.sheet-dock__tab', { hasText: 'Legend' }).tap();
    await page.getByTestId('legend').waitFor({ state: 'visible' });
    // "Full height" enlarges the open sheet, and says so; pressed again it returns.
    const sheetHeight = () => page.locator('#legend-panel').evaluate((el) => el.getBoundingClientRect().height);
    const before = await sheetHeight();
    const size = page.getByRole('button', { name: 'Full height legend panel' });
    await size.tap();
    await expect(size.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(sheetHeight).toBeGreaterThan(before + 50);
    await size.tap();
    await expect(size.getAttribute('aria-pressed')).resolves.toBe('false');
    await page.getByRole('button', { name: 'Close the panel' }).tap();
    await expect(page.getByTestId('legend').isVisible()).resolves.toBe(false);
  });

  it('choosing a ward shows a compact summary first, the full profile on demand', async () => {
    await page.locator('#search-input').fill('Burmantofts');
    await page.locator('#search-listbox [role="option"]').first().tap();
    const details = page.locator('#details');
    await details.waitFor({ state: 'visible' });
    await expect(page.getByTestId('ward-profile').locator('h2').textContent()).resolves.toBe(WARD_NAME);
    const peek = (await details.boundingBox())!;
    expect(peek.height).toBeLessThan(844 * 0.5);
    // The map is still in view above the summary.
    const map = (await page.locator('.maplibregl-canvas').boundingBox())!;
    expect(peek.y - map.y).toBeGreaterThan(200);
    const more = page.locator('.sheet-dock__size');
    await expect(more.getAttribute('aria-pressed')).resolves.toBe('false');
    await more.tap();
    await expect(more.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(async () => (await details.boundingBox())!.height).toBeGreaterThan(844 * 0.6);
    await expectAxeClean(page, 'the phone layout with a ward profile open');
    // Swipe down on the dock: the sheet collapses; the close button closes it.
    const dock = (await page.getByTestId('sheet-dock').boundingBox())!;
    const swipe = async (x: number) => {
      await page.mouse.move(dock.x + x, dock.y + 4);
      await page.mouse.down();
      await page.mouse.move(dock.x + x, dock.y + 50, { steps: 4 });
      await page.mouse.up();
    };
    await swipe(190);
    await expect(more.getAttribute('aria-pressed')).resolves.toBe('false');
    await page.getByRole('button', { name: 'Close the panel' }).tap();
    await expect.poll(() => details.isVisible()).toBe(false);
    await expect(page.locator('.sheet-dock__tab', { hasText: 'Details' }).getAttribute('aria-expanded')).resolves.toBe(
      'false',
    );
  });

  it('at 320 px wide nothing scrolls sideways, with or without a sheet open', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.locator('.sheet-dock__tab', { hasText: 'Details' }).tap();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await smallTargets(page, 24)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
  });
});

describe('table view', () => {
  it('on a phone it scrolls sideways inside its region only, with the area names kept in view', async () => {
    const context = await chrome.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await open(context, '?table=1');
    const region = page.locator('.table-view__scroll');
    const widths = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(widths.scroll).toBeGreaterThan(widths.client);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const firstCell = page.locator('[data-testid="layer-table"] tbody tr:first-child th');
    const before = (await firstCell.boundingBox())!;
    await region.evaluate((el) => el.scrollBy(300, 0));
    const after = (await firstCell.boundingBox())!;
    expect(Math.abs(after.x - before.x)).toBeLessThan(1);
    await expectAxeClean(page, 'the table view on a phone');
    await context.close();
  });

  it('on a desktop it takes the full width beside the controls, with short headers and the full description', async () => {
    const context = await chrome.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await open(context, '?table=1');
    const table = (await page.locator('.table-area').boundingBox())!;
    const controls = (await page.locator('#controls-panel').boundingBox())!;
    expect(table.x).toBeGreaterThanOrEqual(controls.x + controls.width - 1);
    expect(table.x + table.width).toBeGreaterThan(1366 - 2);
    await expect(page.locator('#details').isVisible()).resolves.toBe(false);
    const decile = page.locator('[data-testid="layer-table"] thead abbr', { hasText: /^Decile$/ });
    await expect(decile.getAttribute('title')).resolves.toBe(
      'Index of Multiple Deprivation: national decile (IoD 2025 (LSOA 2021))',
    );
    await page.getByText('What the columns mean').click();
    await expect(page.locator('.table-view__key dd').first().isVisible()).resolves.toBe(true);
    // Choosing a row brings the details column back.
    await page.locator('[data-testid="layer-table"] tbody tr:first-child th button').click();
    await page.getByTestId('lsoa-profile').waitFor();
    await expect(page.locator('#details').isVisible()).resolves.toBe(true);
    await expectAxeClean(page, 'the table view on a desktop');
    await context.close();
  });
});

describe('tablet 768×1024 and desktop 1366×900', () => {
  it('the tablet stacks search, controls and the map without a dock, and is axe clean', async () => {
    const context = await chrome.browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
    const page = await open(context, `?sel=ward:${WARD}`);
    await expect(page.getByTestId('sheet-dock').isVisible()).resolves.toBe(false);
    await expect(page.locator('#controls-panel').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('ward-profile').isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    expect(await smallTargets(page, 24)).toEqual([]);
    await expectAxeClean(page, 'the tablet layout');
    await context.close();
  });

  it('the desktop keeps three columns: controls, map, details', async () => {
    const context = await chrome.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await open(context, `?sel=ward:${WARD}`);
    const [c, m, d] = await Promise.all(
      ['#controls-panel', '#map-area', '#details'].map(async (s) => (await page.locator(s).boundingBox())!),
    );
    expect(c!.x + c!.width).toBeLessThanOrEqual(m!.x + 1);
    expect(m!.x + m!.width).toBeLessThanOrEqual(d!.x + 1);
    expect(m!.y).toBeLessThan(120);
    await expect(page.getByTestId('sheet-dock').isVisible()).resolves.toBe(false);
    await expectAxeClean(page, 'the desktop layout');
    await context.close();
  });
});

describe('ward briefing', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await chrome.browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await open(context, `?sel=ward:${WARD}`);
  });
  afterAll(async () => {
    await context.close();
  });

  it('the ward profile’s action opens it (brief=1 in the URL) with this ward’s figures', async () => {
    await page.getByRole('button', { name: 'Ward briefing (print or PDF)' }).click();
    const briefing = page.getByTestId('ward-briefing');
    await briefing.waitFor();
    expect(new URL(page.url()).searchParams.get('brief')).toBe('1');
    await expect(page.locator('#briefing-title').textContent()).resolves.toBe(WARD_NAME);
    await expect(focusedId(page)).resolves.toBe('briefing-title');

    // Independent expectation from the built data: this ward's LSOAs by IMD 2025 decile.
    const lsoas = builtAreas('lsoa21').features.filter((f) => f.properties['ward'] === WARD);
    const perDecile = Array.from(
      { length: 10 },
      (_, i) => lsoas.filter((f) => f.properties['y25_imd_d'] === i + 1).length,
    );
    const legend = await briefing.locator('.briefing-legend li').allTextContents();
    perDecile.forEach((n, i) => void expect(legend[i]).toMatch(new RegExp(`: ${n}$`)));
    expect(await briefing.locator('.briefing__table tbody tr').count()).toBe(lsoas.length);
    const pops = lsoas.map((f) => f.properties['pop22']);
    const population = await page.getByTestId('briefing-population').textContent();
    if (pops.every((v) => typeof v === 'number')) {
      expect(population).toBe((pops as number[]).reduce((a, b) => a + b, 0).toLocaleString('en-GB'));
    } else {
      expect(population).toBe('Not in the sources');
    }
    // What is running here, with its sources (loaded after the first view).
    await expect.poll(() => briefing.locator('.briefing__running li').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect(briefing.locator('.briefing__running li').first().textContent()).resolves.toContain('Source:');
    await expectAxeClean(page, 'the ward briefing');
  });

  it('cites each report by title, date and paragraph, never by its file name (issue 19.11)', async () => {
    // Independent expectation from the content file: the citations of this ward's report items.
    type Cite = { file: string; title: string; date: string; paragraph: string };
    const content = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../content/E08000035/interventions.json'), 'utf8'),
    ) as { items: { id: string; name: string; source: Cite; otherSources?: Cite[] }[] };
    const built = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../dist/geo/interventions.json'), 'utf8'),
    ) as { features: { properties: { id: string; ward?: string } }[] };
    const here = new Set(built.features.filter((f) => f.properties.ward === WARD).map((f) => f.properties.id));
    const items = content.items.filter((i) => here.has(i.id));
    expect(items.length).toBeGreaterThan(0);
    const running = await page
      .getByTestId('ward-briefing')
      .locator('.briefing__running li')
      .evaluateAll((lis) =>
        lis.map((li) => ({ name: li.querySelector('strong')?.textContent ?? '', text: li.textContent ?? '' })),
      );
    for (const item of items) {
      const li = running.find((r) => r.name === item.name);
      expect(li, item.name).toBeDefined();
      for (const c of [item.source, ...(item.otherSources ?? [])]) {
        expect(li?.text).toContain(`${c.title}, ${c.date}, para. ${c.paragraph}`);
        expect(li?.text).not.toContain(c.file);
      }
    }
    for (const r of running) expect(r.text).not.toMatch(/\[[^\]\s]+\.txt\]/);
  });

  it('prints to at most two A4 pages holding the ward’s name, population and sources, the map apart from the footer', async () => {
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    // What is printed: only the briefing, with the name, the population line and every source.
    const printed = await page.evaluate(() => {
      const visible = (s: string) =>
        [...document.querySelectorAll<HTMLElement>(s)].filter((e) => e.getClientRects().length > 0);
      return {
        text: visible('.briefing')
          .map((e) => e.innerText)
          .join('\n'),
        appVisible: visible('.layout, .app-header, .briefing-toolbar').length,
        map: document.querySelector('.briefing-map__svg')!.getBoundingClientRect().bottom,
        footer: document.querySelector('.briefing__foot')!.getBoundingClientRect().top,
      };
    });
    expect(printed.appVisible).toBe(0);
    expect(printed.text).toContain(WARD_NAME);
    expect(printed.text).toMatch(/Population\s+(Not in the sources|[\d,]+)/);
    expect(printed.text).toContain('People figures: mid-2022 (IoD 2025 File 7).');
    const meta = (await (await page.request.get(`${base}geo/metadata.json`)).json()) as {
      sources: { title: string }[];
      attribution: string[];
    };
    for (const s of meta.sources) expect(printed.text).toContain(s.title);
    for (const a of meta.attribution) expect(printed.text).toContain(a);
    expect(printed.footer).toBeGreaterThan(printed.map);
    await page.emulateMedia({ media: 'screen' });
  });

  it('Escape closes it, the URL drops brief and focus returns to the action', async () => {
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('ward-briefing').count()).resolves.toBe(0);
    expect(new URL(page.url()).searchParams.get('brief')).toBeNull();
    await expect.poll(() => focusedId(page)).toBe('ward-briefing-button');
  });

  it('a link with brief=1 opens the briefing directly, and its Close button returns to the map', async () => {
    const direct = await open(context, `?sel=ward:${WARD}&brief=1`);
    await direct.getByTestId('ward-briefing').waitFor();
    await expect(direct.locator('#briefing-title').textContent()).resolves.toBe(WARD_NAME);
    await direct.getByRole('button', { name: 'Close the briefing' }).click();
    await expect(direct.getByTestId('ward-profile').isVisible()).resolves.toBe(true);
    await expect(direct.locator('.maplibregl-canvas').isVisible()).resolves.toBe(true);
    await direct.close();
  });

  it('with SPI data imported, the briefing carries the ward’s scorecard and still prints to at most two A4 pages', async () => {
    const spi = await open(context, `?view=spi&sel=ward:${WARD}`);
    await spi.setInputFiles(
      '#spi-file',
      resolve(import.meta.dirname, '../fixtures/spi/synthetic-leeds-wards-TEST-ONLY.csv'),
    );
    await spi.getByTestId('spi-scorecard').waitFor({ timeout: 30_000 });
    await spi.getByRole('button', { name: 'Ward briefing (print or PDF)' }).click();
    const card = spi.getByTestId('ward-briefing').getByTestId('spi-scorecard');
    await card.waitFor();
    // Only one scorecard in the document (the profile's is not rendered under the briefing).
    await expect(spi.getByTestId('spi-scorecard').count()).resolves.toBe(1);
    await expect
      .poll(() => spi.getByTestId('ward-briefing').locator('.briefing__running li').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await spi.emulateMedia({ media: 'print' });
    const pdf = await spi.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
    expect(pages.length).toBeLessThanOrEqual(2);
    await spi.close();
  });
});
