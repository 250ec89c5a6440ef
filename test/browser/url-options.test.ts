import { describe, expect, inject, it } from 'vitest';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { chromiumForThisFile, openPage, waitForMap } from './browser';

/** The URL owns the outline toggles (p1, p10) and the SPI measure and year (spim, spiy): a link keeps them. */
const chrome = chromiumForThisFile();
const base = inject('baseUrl');
const FIXTURE = resolve(import.meta.dirname, '../fixtures/spi/synthetic-leeds-wards-TEST-ONLY.csv');
const YEARS = [
  ...new Set(
    readFileSync(FIXTURE, 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(',')[2]),
  ),
].sort();

const ONE_PC = 'Most deprived 1% in England (thick red outline)';
const TEN_PC = 'Most deprived 10% in England (black-and-white dashed outline)';

describe('display options in the URL', () => {
  it('a link with p10=0 opens with the 10% outline off; switching the 1% off writes p1=0, and the link restores both', async () => {
    const { page, problems } = await openPage(chrome.browser, `${base}?p10=0`);
    await expect(page.getByRole('checkbox', { name: TEN_PC }).isChecked()).resolves.toBe(false);
    await expect(page.getByRole('checkbox', { name: ONE_PC }).isChecked()).resolves.toBe(true);
    await page.getByRole('checkbox', { name: ONE_PC }).uncheck();
    const q = new URL(page.url()).searchParams;
    expect([q.get('p1'), q.get('p10')]).toEqual(['0', '0']);

    const copy = await openPage(chrome.browser, page.url());
    await expect(copy.page.getByRole('checkbox', { name: ONE_PC }).isChecked()).resolves.toBe(false);
    await expect(copy.page.getByRole('checkbox', { name: TEN_PC }).isChecked()).resolves.toBe(false);
    // Back restores the 1% outline (an option change is a history entry).
    await page.goBack();
    await expect(page.getByRole('checkbox', { name: ONE_PC }).isChecked()).resolves.toBe(true);
    expect([...problems, ...copy.problems]).toEqual([]);
    await page.context().close();
    await copy.page.context().close();
  });

  it('the legend keys only the outlines switched on, and the embed dialog offers every layer and keeps one switched off', async () => {
    const { page, problems } = await openPage(chrome.browser, `${base}?p10=0`);
    await waitForMap(page);
    const legend = page.getByTestId('legend');
    await expect(legend.getByTestId('legend-p1').textContent()).resolves.toContain('most deprived 1% in England');
    await expect(legend.getByTestId('legend-p10').count()).resolves.toBe(0);
    await page.getByRole('checkbox', { name: TEN_PC }).check();
    await expect(legend.getByTestId('legend-p10').textContent()).resolves.toContain('most deprived 10% in England');
    await page.getByRole('checkbox', { name: ONE_PC }).uncheck();
    await expect(legend.getByTestId('legend-p1').count()).resolves.toBe(0);

    // The embed starts as the map is now (1% off) and writes what is switched in the dialog.
    await page.getByRole('button', { name: 'Embed this map' }).click();
    const dialog = page.getByTestId('embed-dialog');
    await dialog.waitFor();
    await expect(dialog.getByTestId('embed-p1').isChecked()).resolves.toBe(false);
    await expect(dialog.getByTestId('embed-p10').isChecked()).resolves.toBe(true);
    await expect(dialog.getByTestId('embed-context').isChecked()).resolves.toBe(true);
    const src = async () =>
      // The snippet is HTML: its src attribute has & written as &amp;.
      new URL(
        ((await dialog.getByTestId('embed-code').inputValue()).match(/src="([^"]+)"/)?.[1] ?? '').replaceAll(
          '&amp;',
          '&',
        ),
      ).searchParams;
    expect([(await src()).get('p1'), (await src()).get('p10')]).toEqual(['0', null]);
    await dialog.getByTestId('embed-p10').uncheck();
    await dialog.getByTestId('embed-p1').check();
    expect([(await src()).get('p1'), (await src()).get('p10')]).toEqual([null, '0']);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the SPI measure and year chosen go into the URL and survive a reload; nonsense falls back', async () => {
    const { page, problems } = await openPage(chrome.browser, `${base}?view=spi`);
    await page.setInputFiles('#spi-file', FIXTURE);
    // The file is read in a worker: the measure list fills once it has been checked.
    await page.locator('#spi-measure option').nth(2).waitFor({ state: 'attached' });
    expect(YEARS.length).toBeGreaterThan(1);
    const measures = await page
      .locator('#spi-measure option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const measure = measures[2]!;
    await page.selectOption('#spi-measure', measure);
    await page.selectOption('#spi-year', YEARS[0]!);
    const q = new URL(page.url()).searchParams;
    expect([q.get('spim'), q.get('spiy')]).toEqual([measure, YEARS[0]]);

    await page.reload();
    await expect(page.locator('#spi-measure').inputValue()).resolves.toBe(measure);
    await expect(page.locator('#spi-year').inputValue()).resolves.toBe(YEARS[0]);

    await page.goto(`${base}?view=spi&spim=no-such-measure&spiy=1850`);
    await expect(page.locator('#spi-measure').inputValue()).resolves.toBe('spi');
    await expect(page.locator('#spi-year').inputValue()).resolves.toBe(YEARS.at(-1));
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('embed parameters in the URL (issue 19.9)', () => {
  it('invalid lock, controls and fit values, even of 10 KB, are dropped when the app writes its state; valid ones stay', async () => {
    // 10 KB: the preview server refuses a request line much longer (the unit test takes 100 KB).
    const huge = 'x'.repeat(10_000);
    const { page, problems } = await openPage(
      chrome.browser,
      `${base}?embed=1&lock=${huge}&controls=maybe&fit=ward:E05011388`,
    );
    // A lock that is not lock=1 does not lock: the release can be changed, and the change writes the URL.
    await page.locator('input[name="release"][value="2019"]').check();
    const url = new URL(page.url());
    expect(url.search.length).toBeLessThan(200);
    // (The fit moves the camera, so `at` is written too.)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      embed: '1',
      fit: 'ward:E05011388',
      rel: '2019',
      at: expect.any(String),
    });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
