import { describe, expect, inject, it } from 'vitest';
import { booleanPointInPolygon, point } from '@turf/turf';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumForThisFile, openPage, waitForIdle, waitForMap } from './browser';
import { blend, builtAreas, findArea, interiorPoint, SOURCES } from './fixtures';
import { closeTo, mapCentrePixel } from './pixels';
import { DECILE_COLOURS } from '../../src/domain/colour-schemes';

const chrome = chromiumForThisFile();
const base = inject('baseUrl');

/** A URL whose camera sits inside an LSOA at street zoom, so the map centre is that LSOA's fill. */
function urlAt(code: string, extra = ''): string {
  const [lon, lat] = interiorPoint(findArea('lsoa21', code));
  return `${base}?at=${lat.toFixed(5)},${lon.toFixed(5)},15${extra}`;
}

describe('the choropleth', () => {
  it('colours an LSOA by its decile and recolours it when the indicator changes', async () => {
    // A large LSOA, so the pixel at the camera centre is far from any outline.
    const lsoas = builtAreas('lsoa21').features;
    const target = lsoas.find((f) => f.properties['code'] === 'E01011264')!;
    const imdDecile = target.properties['y25_imd_d'] as number;
    const incDecile = target.properties['y25_inc_d'] as number;
    expect(imdDecile).toBe(6);

    const { page, problems } = await openPage(chrome.browser, urlAt('E01011264'));
    await waitForMap(page);
    expect(closeTo(await mapCentrePixel(page), blend(DECILE_COLOURS[imdDecile - 1]!, 0.85))).toBe(true);

    await page.selectOption('#indicator-select', 'inc');
    await waitForIdle(page);
    const after = await mapCentrePixel(page);
    expect(closeTo(after, blend(DECILE_COLOURS[incDecile - 1]!, 0.85))).toBe(true);
    expect(page.url()).toContain('ind=inc');
    expect(problems).toEqual([]);
  });

  it('shows the legend with a count of LSOAs per decile that adds up to all 488', async () => {
    const { page, problems } = await openPage(chrome.browser, base);
    await waitForMap(page);
    const counts = await page.$$eval('[data-testid="legend"] .legend__count', (els) =>
      els.map((e) => Number.parseInt(e.textContent ?? '0', 10)),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(488);
    // Data that loads after the first view (details, venues) must not blank or remount the page.
    const canvas = await page.$('.maplibregl-canvas');
    await page.getByTestId('outreach-panel').waitFor({ timeout: 30_000 });
    await page.getByTestId('venue-list').waitFor({ timeout: 30_000 });
    expect(await canvas!.evaluate((c) => c.isConnected)).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('profiles', () => {
  it('clicking a ward opens its profile; choosing an LSOA from its list shows the LSOA profile', async () => {
    const ward = findArea('wards', 'E05011388');
    const [lon, lat] = interiorPoint(ward);
    const { page, problems } = await openPage(chrome.browser, `${base}?view=wards&at=${lat},${lon},13`);
    await waitForMap(page);
    const box = await page.locator('.maplibregl-canvas').boundingBox();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    const profile = page.getByTestId('ward-profile');
    await profile.waitFor();
    await expect(profile.locator('h2').textContent()).resolves.toBe('Burmantofts & Richmond Hill');
    const expectedCount = builtAreas('lsoa21').features.filter((f) => f.properties['ward'] === 'E05011388').length;
    const rows = await page.locator('[data-testid="ward-lsoa-table"] tbody tr').count();
    expect(rows).toBe(expectedCount);
    await expect(profile.textContent()).resolves.toContain(`LSOAs (IoD 2025 (LSOA 2021))${expectedCount}`);

    const firstLsoa = page.locator('[data-testid="ward-lsoa-table"] tbody tr th button').first();
    const name = await firstLsoa.textContent();
    await firstLsoa.click();
    const lsoaProfile = page.getByTestId('lsoa-profile');
    await lsoaProfile.waitFor();
    await expect(lsoaProfile.locator('h2').textContent()).resolves.toContain(name!);
    expect(problems).toEqual([]);
  });
});

describe('search', () => {
  it('finds the LSOA that contains the Reginald Centre from its postcode LS7 3EX', async () => {
    // Independent expectation: the postcode's centroid from the source CSV, tested against the source polygons.
    const csv = readFileSync(resolve(SOURCES, 'places/ls_postcode_centroids.csv'), 'utf8').split('\n');
    const row = csv.find((l) => l.startsWith('LS7 3EX,'))!.split(',');
    const pt = point([Number(row[2]), Number(row[1])]);
    const sourceLsoas = JSON.parse(
      readFileSync(resolve(SOURCES, 'boundaries/leeds/geojson/lsoa21_leeds_bgc.geojson'), 'utf8'),
    ) as {
      features: { properties: { LSOA21CD: string }; geometry: never }[];
    };
    const expected = sourceLsoas.features.find((f) => booleanPointInPolygon(pt, f.geometry))!.properties.LSOA21CD;

    const { page, problems } = await openPage(chrome.browser, base);
    const postcodeRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/geo/postcode')) postcodeRequests.push(new URL(r.url()).pathname);
    });
    await page.locator('#search-input').fill('ls7 3ex');
    await page.keyboard.press('Enter');
    const profile = page.getByTestId('lsoa-profile');
    await profile.waitFor();
    await expect(profile.locator('h2').textContent()).resolves.toContain(expected);
    expect(page.url()).toContain(`sel=lsoa%3A${expected}`);
    // One small request: the LS7 district's file, nothing else of the postcode data.
    expect(postcodeRequests).toEqual(['/geo/postcodes/LS7.json']);
    expect(problems).toEqual([]);
  });

  it('says so when a postcode is unknown in a district the map has', async () => {
    const { page, problems } = await openPage(chrome.browser, base);
    await page.locator('#search-input').fill('LS99 9ZZ');
    await page.keyboard.press('Enter');
    await page
      .locator('#search-message', { hasText: "LS99 9ZZ was not found among this map's postcodes in district LS99" })
      .waitFor({ timeout: 10_000 });
    expect(problems).toEqual([]);
  });

  it('says which districts it covers when the postcode district is not in the area, and downloads nothing', async () => {
    const { page, problems } = await openPage(chrome.browser, base);
    const postcodeRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/geo/postcode')) postcodeRequests.push(r.url());
    });
    // Truro: nowhere near Leeds, so its district has no file here.
    await page.locator('#search-input').fill('tr1 1aa');
    await page.keyboard.press('Enter');
    const message = page.locator('#search-message', {
      hasText: 'TR1 1AA is in postcode district TR1, which this map does not cover',
    });
    await message.waitFor({ timeout: 10_000 });
    await expect(message.textContent()).resolves.toMatch(/Districts covered: .*LS1, LS10, .*LS7, .*WF3, /);
    expect(postcodeRequests).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('the URL owns the state', () => {
  it('a copied URL restores the same view in a new page', async () => {
    const { page } = await openPage(chrome.browser, base);
    await waitForMap(page);
    await page.getByRole('radio', { name: 'IoD 2019 (LSOA 2011)' }).check();
    await page.selectOption('#indicator-select', 'emp');
    await page.getByRole('radio', { name: 'Quintile within Leeds' }).check();
    await page.locator('#search-input').fill('Armley');
    await page.keyboard.press('Enter');
    await page.getByTestId('ward-profile').waitFor();
    const copied = page.url();

    const { page: second, problems } = await openPage(chrome.browser, copied);
    await waitForMap(second);
    await expect(second.locator('#indicator-select').inputValue()).resolves.toBe('emp');
    await expect(second.getByRole('radio', { name: 'IoD 2019 (LSOA 2011)' }).isChecked()).resolves.toBe(true);
    await expect(second.getByRole('radio', { name: 'Quintile within Leeds' }).isChecked()).resolves.toBe(true);
    await expect(second.getByTestId('ward-profile').locator('h2').textContent()).resolves.toBe('Armley');
    expect(problems).toEqual([]);

    await page.goBack();
    await expect(page.getByTestId('ward-profile').count()).resolves.toBe(0);
  });

  it('nonsense parameters load the default view', async () => {
    const { page, problems } = await openPage(
      chrome.browser,
      `${base}?ind=%3Cb%3E&rel=1066&band=x&view=y&sel=lsoa:zz&at=999,1,1`,
    );
    await waitForMap(page);
    await expect(page.locator('#indicator-select').inputValue()).resolves.toBe('imd');
    await expect(page.getByRole('radio', { name: 'IoD 2025 (LSOA 2021)' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('radio', { name: 'Deprivation by LSOA' }).isChecked()).resolves.toBe(true);
    await expect(page.locator('.placeholder').count()).resolves.toBe(1);
    expect(problems).toEqual([]);
  });
});
