import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { chromiumForThisFile, openPage, waitForMap, type WatchedPage } from './browser';
import { readCsvPreamble, readCsvRecords } from './csv';
import { blend, builtAreas } from './fixtures';
import { pdfRgbImages } from './pdf-images';
import { closeTo } from './pixels';
import { DECILE_COLOURS } from '../../src/domain/colour-schemes';

/**
 * Every download a person can start in the app, clicked as a person would, each file opened and its
 * rows checked against the built data (read independently of the app): the ward list, the table
 * view, the outreach catchment and gap lists, and the PNG of the map.
 */
const chrome = chromiumForThisFile();
const base = inject('baseUrl');

const BURMANTOFTS = 'E05011388';
const lsoas = builtAreas('lsoa21').features.map((f) => f.properties);
const burmantofts = lsoas.filter((p) => p['ward'] === BURMANTOFTS);

async function download(page: Page, button: Locator): Promise<{ name: string; body: Buffer }> {
  const [d]: [Download, unknown] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: d.suggestedFilename(), body: readFileSync(await d.path()) };
}

function csv(body: Buffer): { preamble: string[]; header: string[]; rows: string[][] } {
  const text = body.toString('utf8');
  const [header, ...rows] = readCsvRecords(text);
  return { preamble: readCsvPreamble(text), header: header ?? [], rows };
}

describe('every download button', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(chrome.browser, `${base}?sel=ward:${BURMANTOFTS}`);
    await waitForMap(w.page);
    // Outreach planning appears once the detail values (centroids) have arrived.
    await w.page.getByTestId('outreach-panel').waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await w.page.context().close();
  });

  it('the ward profile’s "Download this list (CSV)" saves the ward’s LSOAs, most deprived first', async () => {
    const { page } = w;
    const profile = page.getByTestId('ward-profile');
    await profile.waitFor();
    const file = await download(page, profile.getByRole('button', { name: 'Download this list (CSV)' }));
    expect(file.name).toBe('leeds-ward-lsoas-burmantofts-richmond-hill-iod2025.csv');
    const { preamble, header, rows } = csv(file.body);
    expect(preamble).toContain('Release: English Indices of Deprivation 2025 (LSOA 2021)');
    expect(header.slice(0, 6)).toEqual([
      'LSOA code',
      'LSOA name',
      'Ward code',
      'Ward',
      'IMD national decile (IoD2025)',
      'IMD national rank (IoD2025)',
    ]);
    const expected = [...burmantofts].sort((a, b) => Number(a['y25_imd_r']) - Number(b['y25_imd_r']));
    expect(expected.length).toBeGreaterThan(10);
    expect(rows.map((r) => r[0])).toEqual(expected.map((p) => p['code']));
    expect(rows.map((r) => Number(r[4]))).toEqual(expected.map((p) => p['y25_imd_d']));
    expect(rows.map((r) => Number(r[5]))).toEqual(expected.map((p) => p['y25_imd_r']));
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['Burmantofts & Richmond Hill']));
    await expect(page.getByTestId('live-region').textContent()).resolves.toBe(
      `Downloaded the ${expected.length} LSOAs of Burmantofts & Richmond Hill as CSV.`,
    );
  });

  it('the outreach gap list downloads the LSOAs listed on screen', async () => {
    const { page } = w;
    await page.getByRole('radio', { name: 'Deprived areas far from every community hub' }).check();
    await page.getByRole('radio', { name: 'National IMD decile 1 (most deprived 10%)' }).check();
    await page.getByTestId('outreach-panel').getByRole('radio', { name: '800 m' }).check();
    await page.selectOption('#gap-ward', BURMANTOFTS);
    const shown = await page.getByTestId('gap-list').locator('li > button').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    const file = await download(
      page,
      page.getByTestId('outreach-panel').getByRole('button', { name: 'Download this list (CSV)' }),
    );
    expect(file.name).toBe('leeds-gap-decile-1-800m-burmantofts-richmond-hill-iod2025.csv');
    const { header, rows } = csv(file.body);
    expect(header[1]).toBe('LSOA name');
    expect(rows.map((r) => r[1]).sort()).toEqual([...shown].sort());
    for (const r of rows) {
      const p = lsoas.find((l) => l['code'] === r[0]);
      expect(p?.['ward']).toBe(BURMANTOFTS);
      expect(p?.['y25_imd_d']).toBe(1);
      expect(Number(r[header.indexOf('Straight-line distance to nearest hub (m)')])).toBeGreaterThan(800);
    }
  });

  it('the table view downloads the rows it shows', async () => {
    const { page } = w;
    await page.getByRole('button', { name: 'Table view' }).click();
    const table = page.getByTestId('layer-table');
    await table.waitFor();
    await page.locator('#table-ward').selectOption({ label: 'Burmantofts & Richmond Hill' });
    const onScreen = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((r) => Array.from(r.children).map((c) => c.textContent?.trim() ?? '')));
    const file = await download(page, page.getByRole('button', { name: 'Download as CSV' }));
    expect(file.name).toMatch(/^leeds-table-.*iod2025.*\.csv$/);
    const { preamble, rows } = csv(file.body);
    expect(preamble).toContain('Release: English Indices of Deprivation 2025 (LSOA 2021)');
    expect(rows.length).toBe(burmantofts.length);
    expect(rows.map((r) => r[0])).toEqual(onScreen.map((r) => r[0]));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(burmantofts.map((p) => String(p['name']))));
    await page.getByRole('button', { name: 'Show the map' }).click();
  });

  it('"Save map as PNG" saves a PNG of the map’s size', async () => {
    const { page } = w;
    const size = await page.evaluate(() => {
      const c = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
      return { w: c.width, h: c.height };
    });
    const file = await download(page, page.getByRole('button', { name: 'Save map as PNG' }));
    expect(file.name).toBe('leeds-map-deprivation-imd-iod2025.png');
    expect(file.body.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect({ w: file.body.readUInt32BE(16), h: file.body.readUInt32BE(20) }).toEqual(size);
    expect(w.problems).toEqual([]);
  });

  it('"Print" opens the print dialog, and the printed page shows the map as drawn', async () => {
    const { page } = w;
    // Headless Chromium has no print dialog: the button's call is counted, and the page printed as Chromium would.
    await page.evaluate(() => {
      window.print = () => {
        document.body.dataset['printCalls'] = String(Number(document.body.dataset['printCalls'] ?? 0) + 1);
      };
    });
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    expect(await page.evaluate(() => document.body.dataset['printCalls'])).toBe('1');
    await page.emulateMedia({ media: 'print' });
    // The print layout may resize the map, which then draws again at its new size.
    await page.evaluate(() => window.__atlas!.idle());
    const canvasWidth = await page.evaluate(
      () => document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!.width,
    );
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    // The print must hold the map as drawn, not a blank canvas (a WebGL canvas prints what it last presented).
    const images = pdfRgbImages(pdf);
    const map = images.find((im) => im.width === canvasWidth);
    expect(
      map,
      `an image ${canvasWidth} px wide among ${JSON.stringify(images.map((i) => [i.width, i.height]))}`,
    ).toBeDefined();
    const colours = DECILE_COLOURS.map((c) => blend(c, 0.85));
    let choropleth = 0;
    for (let i = 0; i + 2 < (map?.rgb.length ?? 0); i += 3) {
      const px = [map!.rgb[i]!, map!.rgb[i + 1]!, map!.rgb[i + 2]!];
      if (colours.some((c) => closeTo(px, c))) choropleth++;
    }
    expect(choropleth).toBeGreaterThan(10_000);
    expect(w.problems).toEqual([]);
  });
});

describe('the catchment download', () => {
  it('saves the LSOAs around a venue with their straight-line distances', async () => {
    const { page, problems } = await openPage(chrome.browser, `${base}?sel=venue:venue-reginald-centre`);
    await waitForMap(page);
    await page.getByTestId('outreach-panel').waitFor({ timeout: 60_000 });
    await page.getByRole('radio', { name: 'Catchment around a hub, venue or point' }).check();
    await page.getByTestId('outreach-panel').getByRole('radio', { name: '400 m' }).check();
    const shown = await page.locator('[data-testid="catchment-table"] tbody tr th button').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    const file = await download(
      page,
      page.getByTestId('outreach-panel').getByRole('button', { name: 'Download this list (CSV)' }),
    );
    expect(file.name).toBe('leeds-catchment-400m-reginald-centre-iod2025.csv');
    const { header, rows } = csv(file.body);
    expect(header[4]).toBe('Straight-line distance (m)');
    expect(rows.map((r) => r[1])).toEqual(shown);
    rows.forEach((r) => void expect(Number(r[4])).toBeLessThanOrEqual(400));
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
