import { describe, expect, inject, it } from 'vitest';
import type { Download } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { chromiumForThisFile, openPage, waitForMap } from './browser';
import { readCsvPreamble, readCsvRecords } from './csv';

declare global {
  interface Window {
    /** The host page's record of the heights the embedded atlas posted. */
    __heights?: number[];
    /** The text the PNG export drew on its canvas. */
    __drawn?: string[];
  }
}

const chrome = chromiumForThisFile();
const base = inject('baseUrl');
const origin = new URL(base).origin;
/** The README's IoD attribution line, for the three releases of the Leeds build. */
const IOD_LINE =
  'Source: English Indices of Deprivation 2025 / 2019 / 2015, Ministry of Housing, Communities and Local Government.';

async function downloadedText(d: Download): Promise<string> {
  const path = await d.path();
  return readFileSync(path, 'utf8');
}

describe('embed mode', () => {
  it('fits a 342 px iframe without sideways scrolling, reports its height and makes no third-party requests', async () => {
    const context = await chrome.browser.newContext({ viewport: { width: 600, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const src = `${base}?embed=1&lock=1&fit=ward:E05011388`;
    // The host page is served from the same origin, as frame-ancestors in the app's CSP requires.
    await page.goto(`${base}accessibility.html`);
    await page.evaluate((iframeSrc) => {
      window.__heights = [];
      addEventListener('message', (e: MessageEvent) => {
        const d = e.data as { type?: string; height?: number } | null;
        if (d?.type === 'neighbourhood-atlas:height' && typeof d.height === 'number') window.__heights!.push(d.height);
      });
      const f = document.createElement('iframe');
      f.id = 'atlas';
      f.src = iframeSrc;
      f.title = 'Deprivation map';
      f.width = '342';
      f.height = '700';
      document.body.replaceChildren(f);
    }, src);
    const frame = page.frameLocator('#atlas');
    await frame.locator('.maplibregl-canvas').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => window.__heights!.length > 0, undefined, {
      timeout: 30_000,
    });
    const heights = await page.evaluate(() => window.__heights!);
    expect(Math.max(...heights)).toBeGreaterThan(400);

    const inner = page.frames().find((f) => f.url().includes('embed=1'))!;
    const widths = await inner.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await expect(inner.locator('.app-header__full').getAttribute('href')).resolves.not.toContain('embed=1');
    await expect(inner.locator('#indicator-select').isDisabled()).resolves.toBe(true);

    const thirdParty = requests.filter(
      (u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:') && u !== 'about:blank',
    );
    expect(thirdParty).toEqual([]);
    const cookies = await context.cookies();
    expect(cookies).toEqual([]);
    await context.close();
  });

  it('the embed dialog writes an iframe snippet with a title and the chosen options', async () => {
    const { page, problems } = await openPage(chrome.browser, `${base}?sel=ward:E05011388`);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Embed this map' }).click();
    const dialog = page.getByTestId('embed-dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Show the map controls').uncheck();
    const code = await dialog.getByTestId('embed-code').inputValue();
    expect(code).toMatch(/^<iframe src="[^"]*embed=1[^"]*" title="Map: [^"]+"/);
    expect(code).toContain('controls=0');
    expect(code).toContain('fit=ward%3AE05011388');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('export', () => {
  it('saves the map view as a PNG of the map size that is not blank', async () => {
    const { page, problems } = await openPage(chrome.browser, base);
    await waitForMap(page);
    const size = await page.evaluate(() => {
      const c = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
      return { w: c.width, h: c.height };
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save map as PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const png = readFileSync(await download.path());
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // IHDR: width and height are the first two big-endian integers of the first chunk.
    expect({ w: png.readUInt32BE(16), h: png.readUInt32BE(20) }).toEqual(size);
    const distinct = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 97) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      return seen.size;
    }, png.toString('base64'));
    expect(distinct).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it('the PNG carries every attribution line, the IoD source among them (issue 19.11)', async () => {
    const { page, problems } = await openPage(chrome.browser, base);
    await waitForMap(page);
    // Record the text the export draws on its canvas (the map's own canvas is WebGL and draws no text).
    await page.evaluate(() => {
      const drawn: string[] = [];
      window.__drawn = drawn;
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (
        this: CanvasRenderingContext2D,
        text: string,
        x: number,
        y: number,
        maxWidth?: number,
      ) {
        drawn.push(text);
        return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
      };
    });
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save map as PNG' }).click()]);
    const drawn = (await page.evaluate(() => window.__drawn!)).join(' ');
    expect(drawn).toContain(IOD_LINE);
    const meta = (await (await page.request.get(`${base}geo/metadata.json`)).json()) as { attribution: string[] };
    for (const a of meta.attribution) expect(drawn).toContain(a);
    expect(problems).toEqual([]);
  });

  it('the PNG keys the outlines shown and credits only the layers shown (the layer registry)', async () => {
    const meta = (await (await fetch(`${base}geo/metadata.json`)).json()) as {
      attribution: string[];
      context?: { attribution: string[] };
    };
    const contextLines = meta.context?.attribution ?? [];
    expect(contextLines.length).toBeGreaterThan(0);
    const drawnText = async (query: string) => {
      const { page, problems } = await openPage(chrome.browser, `${base}${query}`);
      await waitForMap(page);
      await page.evaluate(() => {
        const drawn: string[] = [];
        window.__drawn = drawn;
        const fillText = CanvasRenderingContext2D.prototype.fillText;
        CanvasRenderingContext2D.prototype.fillText = function (
          this: CanvasRenderingContext2D,
          text: string,
          x: number,
          y: number,
        ) {
          drawn.push(text);
          return fillText.call(this, text, x, y);
        };
      });
      await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save map as PNG' }).click()]);
      const drawn = await page.evaluate(() => window.__drawn ?? []);
      expect(problems).toEqual([]);
      await page.context().close();
      return drawn;
    };
    const ONE = 'Thick red outline: most deprived 1% in England';
    const TEN = 'Black-and-white dashed outline: most deprived 10% in England';
    const all = await drawnText('');
    expect(all).toContain(ONE);
    expect(all).toContain(TEN);
    for (const line of contextLines) expect(all.join(' ')).toContain(line);

    const fewer = await drawnText('?p10=0&ctx=0');
    expect(fewer).toContain(ONE);
    expect(fewer).not.toContain(TEN);
    expect(fewer.join(' ')).toContain(IOD_LINE);
    for (const line of contextLines) expect(fewer.join(' ')).not.toContain(line);
  });

  it('downloads the table view as CSV with the same rows as on screen, naming the release', async () => {
    const { page, problems } = await openPage(chrome.browser, `${base}?table=1&rel=2019&ind=inc`);
    const table = page.getByTestId('layer-table');
    await table.waitFor();
    await page.locator('#table-ward').selectOption({ label: 'Armley' });
    // The LSOA 2011 areas load lazily: wait for the ward's rows before reading them.
    await table.locator('tbody tr').nth(10).waitFor();
    const onScreen = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent?.trim() ?? '')));
    expect(onScreen.length).toBeGreaterThan(10);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    const text = await downloadedText(download);
    expect(readCsvPreamble(text)).toContain('Release: English Indices of Deprivation 2019 (LSOA 2011)');
    expect(readCsvPreamble(text)).toContain(`Attribution: ${IOD_LINE}`);
    const [header, ...rows] = readCsvRecords(text);
    expect(header?.some((h) => h.includes('IoD2019') || h.includes('IoD 2019'))).toBe(true);
    expect(rows.length).toBe(onScreen.length);
    rows.forEach((r, i) => {
      expect(r[0]).toBe(onScreen[i]![0]);
      expect(r[1]).toBe(onScreen[i]![1]);
      expect(r[3] === '' ? '—' : r[3]).toBe(onScreen[i]![3]);
    });
    expect(problems).toEqual([]);
  });
});
