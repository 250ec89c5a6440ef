import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumForThisFile, openPage, type WatchedPage } from './browser';
import { readCsvPreamble, readCsvRecords } from './csv';

/** Table-view CSV downloads are named by view, indicator, release and ward filter; the SPI table cites its file. */
const chrome = chromiumForThisFile();
const base = inject('baseUrl');
const ROOT = resolve(import.meta.dirname, '../..');
const AREA = (JSON.parse(readFileSync(resolve(ROOT, 'dist/geo/metadata.json'), 'utf8')) as { area: { name: string } })
  .area.name;
const area = AREA.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const FIXTURE = resolve(ROOT, 'test/fixtures/spi/synthetic-leeds-wards-TEST-ONLY.csv');
const LATEST = Math.max(
  ...readFileSync(FIXTURE, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => Number(l.split(',')[2])),
);

async function downloadTable(page: Page): Promise<{ name: string; preamble: string[]; records: string[][] }> {
  await page.getByTestId('layer-table').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as CSV' }).click(),
  ]);
  const text = readFileSync(await (download as Download).path(), 'utf8');
  return { name: download.suggestedFilename(), preamble: readCsvPreamble(text), records: readCsvRecords(text) };
}

describe('table view CSV downloads', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(chrome.browser, `${base}?table=1`);
  });
  afterAll(async () => {
    await w.page.context().close();
  });

  it('each view, indicator, release and ward filter gets its own file name', async () => {
    const { page } = w;
    const names: string[] = [];
    const imd = await downloadTable(page);
    expect(imd.name).toBe(`${area}-table-lsoas-imd-iod2025.csv`);
    expect(imd.preamble).toContain('Release: English Indices of Deprivation 2025 (LSOA 2021)');
    names.push(imd.name);

    await page.selectOption('#indicator-select', 'inc');
    names.push((await downloadTable(page)).name);
    expect(names.at(-1)).toBe(`${area}-table-lsoas-income-iod2025.csv`);

    await page.locator('#table-ward').selectOption({ label: 'Armley' });
    const armley = await downloadTable(page);
    expect(armley.name).toBe(`${area}-table-lsoas-income-iod2025-armley.csv`);
    expect(armley.preamble.some((l) => l.startsWith('Generated from: ') && l.includes('Armley'))).toBe(true);
    names.push(armley.name);

    await page.goto(`${base}?table=1&view=change`);
    names.push((await downloadTable(page)).name);
    expect(names.at(-1)).toBe(`${area}-table-change-imd-iod2019-iod2025.csv`);

    await page.goto(`${base}?table=1&view=wards&rel=2019`);
    const wards = await downloadTable(page);
    expect(wards.name).toBe(`${area}-table-wards-decile-1-share-iod2019.csv`);
    expect(wards.preamble).toContain('Release: English Indices of Deprivation 2019 (LSOA 2011)');
    names.push(wards.name);

    expect(new Set(names).size).toBe(names.length);
    expect(w.problems).toEqual([]);
  });

  it('the SPI table is named by measure and year and its preamble cites the SPI file, not an IoD release', async () => {
    const { page } = w;
    await page.goto(`${base}?table=1&view=spi`);
    await page.setInputFiles('#spi-file', FIXTURE);
    await page
      .getByTestId('spi-status')
      .filter({ hasText: /^Loaded / })
      .waitFor();
    const spi = await downloadTable(page);
    expect(spi.name).toBe(`${area}-table-wards-spi-${LATEST}.csv`);
    expect(spi.preamble).toContain(`Release: Social Progress Index ${LATEST} (0–100, higher is better)`);
    expect(spi.preamble.some((l) => l.includes('synthetic-leeds-wards-TEST-ONLY.csv'))).toBe(true);
    expect(spi.preamble.join('\n')).not.toMatch(/Indices of Deprivation|IoD20/);
    expect(spi.records.length).toBeGreaterThan(1);

    await page.selectOption('#spi-measure', 'shelter');
    const shelter = await downloadTable(page);
    expect(shelter.name).toBe(`${area}-table-wards-spi-shelter-${LATEST}.csv`);
    expect(w.problems).toEqual([]);
  });
});
