import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { axeReport } from './axe';
import { chromiumForThisFile, openPage, waitForIdle, waitForMap } from './browser';
import { builtAreas } from './fixtures';
import { canvasPixelsAround, closeTo } from './pixels';

/**
 * An imported list everywhere the issue asks (issue 22): after a person imports a synthetic list by
 * its clicks, search finds a venue and opens its profile, the table view lists the venues, the
 * outreach gap view measures from the list (people checked against a calculation made here), the
 * ward briefing's SVG holds the venue marks and the PNG download has venue pixels.
 */
const chrome = chromiumForThisFile();
const base = inject('baseUrl');
const lsoas = builtAreas('lsoa21').features.map((f) => f.properties);
const centroid = (i: number): [number, number] => [Number(lsoas[i]!['cx']), Number(lsoas[i]!['cy'])];
/** Three obviously synthetic venues at LSOA centres (coordinates), all of one category: a blue circle. */
const AT = [30, 200, 400].map(centroid);
const CSV = [
  'Name,Category,Latitude,Longitude',
  ...AT.map(([x, y], i) => `Synthetic Beacon ${i + 1},Beacon,${y},${x}`),
].join('\n');
const BLUE = [0x00, 0x72, 0xb2];

function metres([x1, y1]: [number, number], [x2, y2]: [number, number]): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const a = Math.sin(r(y2 - y1) / 2) ** 2 + Math.cos(r(y1)) * Math.cos(r(y2)) * Math.sin(r(x2 - x1) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

async function project(page: Page, [lon, lat]: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate(([x, y]) => window.__atlas!.project(x!, y!), [lon, lat]);
}

describe('an imported list in search, the table, outreach, the briefing and the PNG', () => {
  let page: Page;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const [lon, lat] = AT[0]!;
    const w = await openPage(chrome.browser, `${base}?at=${lat},${lon},15`);
    page = w.page;
    close = () => page.context().close();
    await waitForMap(page);
    await page.getByTestId('venue-lists-panel').waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#venue-file').click()]);
    await chooser.setFiles({ name: 'synthetic-beacons-TEST.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('button', { name: 'Place the venues' }).click();
    await page.getByTestId('venue-last-import').locator('h3', { hasText: 'synthetic-beacons-TEST' }).waitFor();
  });
  afterAll(async () => close());

  it('search finds a venue by name, and choosing it opens its profile', async () => {
    await page.locator('#search-input').fill('Synthetic Beacon 2');
    const option = page.locator('#search-listbox [role="option"]', { hasText: 'Synthetic Beacon 2' });
    await option.waitFor();
    await expect(option.locator('.search__detail').textContent()).resolves.toBe(
      'Beacon · your list “synthetic-beacons-TEST”',
    );
    await option.click();
    const profile = page.getByTestId('imported-venue-profile');
    await expect(profile.locator('h3').textContent()).resolves.toBe('Synthetic Beacon 2');
    await profile.getByRole('button', { name: 'Close' }).click();
    await expect(profile.count()).resolves.toBe(0);
  });

  it('the table view lists the venues; a venue’s name opens its profile; axe clean', async () => {
    await page.getByRole('button', { name: 'Table view' }).click();
    const table = page.getByTestId('venue-table');
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)));
    expect(rows.map((r) => r.slice(0, 4))).toEqual(
      [1, 2, 3].map((i) => [`Synthetic Beacon ${i}`, 'Beacon', 'synthetic-beacons-TEST', 'coordinates']),
    );
    // The LSOA each venue stands in is the LSOA whose centre it was placed at.
    expect(rows.map((r) => r[4])).toEqual([30, 200, 400].map((i) => lsoas[i]!['code']));
    const axe = await axeReport(page, 'table view with venues');
    expect(axe.count, axe.message).toBe(0);
    await table.getByRole('button', { name: 'Synthetic Beacon 3' }).click();
    await expect(page.getByTestId('imported-venue-profile').locator('h3').textContent()).resolves.toBe(
      'Synthetic Beacon 3',
    );
    await page.getByRole('button', { name: 'Show the map' }).click();
    await page.getByTestId('imported-venue-profile').getByRole('button', { name: 'Close' }).click();
  });

  it('outreach gaps measured from the list give the people an independent calculation gives', async () => {
    await page.getByRole('radio', { name: /Deprived areas far from every community hub or venue/ }).check();
    const id = await page.evaluate(() => new URL(location.href).searchParams.get('vl'));
    await page.locator('#gap-venue-set').selectOption(id!);
    const gaps = lsoas.filter(
      (l) => Number(l['y25_imd_d']) === 1 && AT.every((v) => metres(v, [Number(l['cx']), Number(l['cy'])]) > 800),
    );
    const people = gaps.reduce((s, l) => s + Number(l['pop22']), 0);
    const status = page.getByTestId('gap-result').locator('p[role="status"]');
    await expect(status.textContent()).resolves.toMatch(
      new RegExp(
        `^${gaps.length} of \\d+ LSOAs in decile 1 are more than 800 m \\(straight line\\) from all 3 venues of “synthetic-beacons-TEST”`,
      ),
    );
    await expect(page.getByTestId('gap-people').textContent()).resolves.toContain(
      `In these ${gaps.length} LSOAs: ${people.toLocaleString('en-GB')} people`,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('gap-result').getByRole('button', { name: 'Download this list (CSV)' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain('from every venue of ""synthetic-beacons-TEST""');
    expect(text).toContain('Nearest venue');
    await page.getByRole('radio', { name: 'Nothing' }).check();
  });

  it('the PNG download has the venue’s pixels where the map draws it, and the venues’ key', async () => {
    // Earlier steps moved the map to another venue: open a link to the first one's street, list shown, on a
    // wide screen so the venue at the map's centre is clear of the PNG's legend and key boxes (top left).
    const [lon, lat] = AT[0]!;
    const id = await page.evaluate(() => new URL(location.href).searchParams.get('vl'));
    await page.setViewportSize({ width: 1800, height: 1000 });
    await page.goto(`${base}?at=${lat},${lon},15&vl=${id}`);
    await waitForMap(page);
    await waitForIdle(page);
    const at = await project(page, AT[0]!);
    expect(at.x, 'the venue is clear of the 300 px wide boxes at the top left').toBeGreaterThan(320);
    // The symbol is a few px across: some pixel within ±4 px of the venue is its blue, on screen and in the PNG.
    const onScreen = await canvasPixelsAround(page, [at], 4);
    expect(
      onScreen.some((p) => closeTo(p, BLUE, 28)),
      'venue blue on the map canvas',
    ).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save map as PNG' }).click(),
    ]);
    const png = readFileSync((await download.path())!);
    const pixel = await page.evaluate(
      async ([b64, x, y]) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const ratio = img.width / document.querySelector('.maplibregl-canvas')!.clientWidth;
        const out: number[][] = [];
        for (let dx = -4; dx <= 4; dx++)
          for (let dy = -4; dy <= 4; dy++)
            out.push([
              ...ctx.getImageData(Math.round((Number(x) + dx) * ratio), Math.round((Number(y) + dy) * ratio), 1, 1)
                .data,
            ]);
        return out;
      },
      [png.toString('base64'), at.x, at.y] as const,
    );
    expect(
      pixel.some((p) => closeTo(p.slice(0, 3), BLUE, 28)),
      'venue blue in the PNG',
    ).toBe(true);
  });

  it('the ward briefing’s SVG map holds the venue marks and their key; axe clean', async () => {
    const ward = String(lsoas[30]!['ward']);
    const vl = await page.evaluate(() => new URL(location.href).searchParams.get('vl'));
    await page.goto(`${base}?sel=ward:${ward}&brief=1&vl=${vl}`);
    const briefing = page.getByTestId('ward-briefing');
    await briefing.waitFor();
    const marks = briefing.locator('svg path.briefing-map__venue');
    await marks.first().waitFor();
    const inWard = lsoas.filter((l) => l['ward'] === ward).map((l) => l['code']);
    expect(inWard).toContain(lsoas[30]!['code']);
    await expect(marks.evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')))).resolves.toContain('#0072B2');
    await expect(marks.locator('title').allTextContents()).resolves.toContain('Synthetic Beacon 1');
    await expect(briefing.getByTestId('briefing-venue-key').textContent()).resolves.toMatch(/Beacon: \d/);
    await expect(briefing.getByTestId('briefing-venue-note').textContent()).resolves.toContain(
      'Imported in this browser, not published data.',
    );
    const axe = await axeReport(page, 'briefing with venues');
    expect(axe.count, axe.message).toBe(0);
  });
});
