import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumForThisFile, openPage, waitForIdle, waitForMap, type WatchedPage } from './browser';
import { csvFields, readCsvPreamble } from './csv';
import { builtLsoas, type BuiltLsoa } from './fixtures';
import { axeReport } from './axe';

const chrome = chromiumForThisFile();
const base = inject('baseUrl');

// --- independent expectations: a haversine of our own over the built data -----------------------------
const EARTH_RADIUS_M = 6_371_008.8;
function haversineM([lon1, lat1]: readonly number[], [lon2, lat2]: readonly number[]): number {
  const rad = Math.PI / 180;
  const dLat = (lat2! - lat1!) * rad;
  const dLon = (lon2! - lon1!) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1! * rad) * Math.cos(lat2! * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

const LSOAS = builtLsoas();
const VENUES = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../dist/geo/interventions.json'), 'utf8')) as {
    features: {
      geometry: { coordinates: [number, number] };
      properties: { id: string; name: string; type: string; precision: string };
    }[];
  }
).features;
const REGINALD = VENUES.find((v) => v.properties.id === 'venue-reginald-centre')!;
const BURMANTOFTS = 'E05011388';

/** LSOAs whose population-weighted centroid is within `radiusM` of `centre`, nearest first. */
function within(centre: readonly number[], radiusM: number): (BuiltLsoa & { d: number })[] {
  return LSOAS.map((l) => ({ ...l, d: haversineM(centre, [l.cx, l.cy]) }))
    .filter((l) => l.d <= radiusM)
    .sort((a, b) => a.d - b.d || a.code.localeCompare(b.code));
}

const tableNames = (page: Page) => page.locator('[data-testid="catchment-table"] tbody tr th button').allTextContents();

describe('outreach planning', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(chrome.browser, `${base}?sel=venue:${REGINALD.properties.id}`);
    await waitForMap(w.page);
  });
  afterAll(async () => {
    await w.page.context().close();
  });

  it('an 800 m catchment around the Reginald Centre lists the LSOAs whose centroid is within 800 m, and downloads them as CSV', async () => {
    const { page } = w;
    await page.getByTestId('venue-profile').waitFor();
    await page.getByRole('radio', { name: 'Catchment around a hub, venue or point' }).check();
    await page.getByTestId('outreach-panel').getByRole('radio', { name: '800 m' }).check();
    await expect(page.getByTestId('catchment-centre').textContent()).resolves.toBe(REGINALD.properties.name);

    const expected = within(REGINALD.geometry.coordinates, 800);
    expect(expected.length).toBeGreaterThan(0);
    const shown = await tableNames(page);
    expect(shown).toEqual(expected.map((l) => l.name));
    await expect(page.getByTestId('catchment-result').locator('[role="status"]').textContent()).resolves.toMatch(
      new RegExp(
        `^${expected.length} LSOAs within 800 m \\(straight line\\); ${expected.filter((l) => l.y25_imd_d === 1).length} in national IMD decile 1`,
      ),
    );

    const axe = await axeReport(page, 'the outreach panel in catchment mode');
    expect(axe.count, axe.message).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download this list (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('leeds-catchment-800m-reginald-centre-iod2025.csv');
    const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/).filter((l) => l !== '');
    const preamble = readCsvPreamble(text);
    const [header, ...rows] = lines.filter((l) => !l.startsWith('#,')).map(csvFields);
    expect(preamble.some((l) => /^Release: .*2025/.test(l))).toBe(true);
    expect(header).toContain('IMD national decile (IoD2025)');
    expect(header!.slice(0, 5)).toEqual(['LSOA code', 'LSOA name', 'Ward code', 'Ward', 'Straight-line distance (m)']);
    // The rows are the table on screen, in the same order, with distances that agree with ours.
    expect(rows.map((r) => r[1])).toEqual(shown);
    expect(rows.map((r) => r[0])).toEqual(expected.map((l) => l.code));
    rows.forEach((r, i) => void expect(Math.abs(Number(r[4]) - expected[i]!.d)).toBeLessThanOrEqual(1));
    expect(rows.map((r) => Number(r[header!.indexOf('IMD national decile (IoD2025)')]))).toEqual(
      expected.map((l) => l.y25_imd_d),
    );
    expect(w.problems).toEqual([]);
  });

  it('gap mode lists the decile-1 LSOAs of Burmantofts & Richmond Hill more than 800 m from every community hub', async () => {
    const { page } = w;
    await page.getByRole('radio', { name: 'Deprived areas far from every community hub' }).check();
    await page.getByRole('radio', { name: 'National IMD decile 1 (most deprived 10%)' }).check();
    await page.getByTestId('outreach-panel').getByRole('radio', { name: '800 m' }).check();
    await page.selectOption('#gap-ward', BURMANTOFTS);

    // Hubs: community_hub interventions whose point is not just "somewhere in the area".
    const hubs = VENUES.filter((v) => v.properties.type === 'community_hub' && v.properties.precision !== 'area').map(
      (v) => v.geometry.coordinates,
    );
    const candidates = LSOAS.filter((l) => l.ward === BURMANTOFTS && l.y25_imd_d === 1);
    const gaps = candidates.filter((l) => hubs.every((h) => haversineM(h, [l.cx, l.cy]) > 800));
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.length).toBeLessThan(candidates.length);

    const shown = await page.getByTestId('gap-list').locator('li > button').allTextContents();
    expect([...shown].sort()).toEqual(gaps.map((l) => l.name).sort());
    await expect(page.getByTestId('gap-result').locator('[role="status"]').textContent()).resolves.toMatch(
      new RegExp(
        `^${gaps.length} of ${candidates.length} LSOAs in decile 1 in Burmantofts & Richmond Hill are more than 800 m`,
      ),
    );
    expect(w.problems).toEqual([]);
  });

  it('"Pick a point on the map" centres the catchment where the map is clicked', async () => {
    const { page } = w;
    await page.getByRole('radio', { name: 'Catchment around a hub, venue or point' }).check();
    const pick = page.getByRole('button', { name: 'Pick a point on the map' });
    await pick.click();
    await expect(
      page.getByRole('button', { name: 'Click on the map to place the centre…' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');

    // A spot on the map well away from every venue marker, so the click is not taken by a venue.
    await waitForIdle(page);
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const markers = await page.evaluate(
      (coords) => coords.map(([lon, lat]) => window.__atlas!.project(lon!, lat!)),
      VENUES.map((v) => v.geometry.coordinates),
    );
    const spot = [0.3, 0.4, 0.5, 0.6, 0.7]
      .flatMap((fx) => [0.3, 0.4, 0.5, 0.6, 0.7].map((fy) => ({ x: box.width * fx, y: box.height * fy })))
      .find((p) => markers.every((m) => Math.hypot(m.x - p.x, m.y - p.y) > 40))!;
    await page.mouse.click(box.x + spot.x, box.y + spot.y);

    const centre = page.getByTestId('catchment-centre');
    await centre.filter({ hasText: 'the point you picked' }).waitFor();
    const text = (await centre.textContent())!;
    const m = /^the point you picked \((-?\d+\.\d+), (-?\d+\.\d+)\)$/.exec(text);
    expect(m, text).not.toBeNull();
    const [lat, lon] = [Number(m![1]), Number(m![2])];
    const back = await page.evaluate(([x, y]) => window.__atlas!.project(x!, y!), [lon, lat]);
    expect(Math.hypot(back.x - spot.x, back.y - spot.y)).toBeLessThan(2);
    await expect(
      page.getByRole('button', { name: 'Pick a point on the map' }).getAttribute('aria-pressed'),
    ).resolves.toBe('false');
    await expect(page.getByTestId('live-region').textContent()).resolves.toBe(
      'Catchment centre placed where you clicked.',
    );
    // The picked point replaces the venue as the centre.
    await expect(page.getByTestId('venue-profile').count()).resolves.toBe(0);
    // (The shown point is rounded to 5 decimals, under a metre: only a centroid within 1 m of the edge could differ.)
    expect(await tableNames(page)).toEqual(within([lon, lat], 800).map((l) => l.name));
    expect(w.problems).toEqual([]);
  });
});
