import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { chromiumForThisFile, openPage, waitForIdle, waitForMap, type WatchedPage } from './browser';
import { builtAreas, builtLsoas } from './fixtures';
import { axeReport } from './axe';

const chrome = chromiumForThisFile();
const base = inject('baseUrl');

const AREAS = builtAreas('lsoa21');
const LSOAS = builtLsoas();
const VENUES = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../dist/geo/interventions.json'), 'utf8')) as {
    features: { geometry: { coordinates: [number, number] } }[];
  }
).features;

/** Independent of the app: turf's point-in-polygon of every LSOA's population-weighted centre. */
function membersOf(ring: [number, number][]): string[] {
  const polygon = { type: 'Polygon' as const, coordinates: [[...ring, ring[0]!]] };
  return LSOAS.filter((l) => booleanPointInPolygon([l.cx, l.cy], polygon))
    .map((l) => l.code)
    .sort();
}

const project = (page: Page, lon: number, lat: number) =>
  page.evaluate(([x, y]) => window.__atlas!.project(x!, y!), [lon, lat]);
const members = async (page: Page) =>
  (await page.getByTestId('custom-area-members').locator('.profile__code').allTextContents()).sort();
const panel = (page: Page) => page.getByTestId('custom-area-panel');

async function ensureOpen(page: Page): Promise<void> {
  const define = panel(page).getByRole('button', { name: 'Define your own area' });
  if ((await define.count()) > 0) await define.click();
}

async function openPanel(page: Page): Promise<void> {
  await ensureOpen(page);
  await panel(page).getByRole('button', { name: 'Start an empty area' }).click();
}

/** Screen spots (inside the canvas) near the given fractions, away from venue markers, so a click is not taken by a venue. */
async function freeSpots(page: Page, targets: [number, number][] = [[0.5, 0.5]]): Promise<{ x: number; y: number }[]> {
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  const markers = await page.evaluate(
    (coords) => coords.map(([lon, lat]) => window.__atlas!.project(lon!, lat!)),
    VENUES.map((v) => v.geometry.coordinates),
  );
  const offsets = [0, 0.02, -0.02, 0.04, -0.04, 0.06, -0.06];
  return targets.map(([fx, fy]) => {
    for (const dx of offsets)
      for (const dy of offsets) {
        const p = { x: box.width * (fx + dx), y: box.height * (fy + dy) };
        if (markers.every((m) => Math.hypot(m.x - p.x, m.y - p.y) > 30)) return p;
      }
    throw new Error(`no free spot near ${fx}, ${fy}`);
  });
}

describe('your own area', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(chrome.browser, base);
    await waitForMap(w.page);
    await panel(w.page).waitFor();
  });
  afterAll(async () => {
    await w.page.context().close();
  });

  it('types corners (keyboard path): members are the LSOAs whose centroid an independent point-in-polygon test finds inside; profile sums match', async () => {
    const { page } = w;
    await openPanel(page);
    await panel(page).getByRole('radio', { name: 'Draw a shape' }).check();
    const c = LSOAS[0]!;
    const ring: [number, number][] = [
      [c.cx - 0.02, c.cy - 0.012],
      [c.cx + 0.02, c.cy - 0.012],
      [c.cx + 0.025, c.cy + 0.01],
      [c.cx - 0.015, c.cy + 0.014],
    ];
    // A crossing shape first: a plain message, no area change.
    await page
      .locator('#custom-area-vertices')
      .fill([ring[0]!, ring[2]!, ring[1]!, ring[3]!].map(([lon, lat]) => `${lat}, ${lon}`).join('\n'));
    await panel(page).getByRole('button', { name: 'Use these corners' }).click();
    await expect(page.getByTestId('custom-area-draw-message').textContent()).resolves.toMatch(/crosses itself/);
    await page.locator('#custom-area-vertices').fill(ring.map(([lon, lat]) => `${lat}, ${lon}`).join('\n'));
    await panel(page).getByRole('button', { name: 'Use these corners' }).click();
    const expected = membersOf(ring);
    expect(expected.length).toBeGreaterThan(2);
    await expect.poll(() => members(page)).toEqual(expected);

    const inside = LSOAS.filter((l) => expected.includes(l.code));
    await expect(page.getByTestId('custom-area-lsoas').textContent()).resolves.toBe(String(expected.length));
    await expect(page.getByTestId('custom-area-population').textContent()).resolves.toBe(
      inside.reduce((s, l) => s + l.pop22!, 0).toLocaleString('en-GB'),
    );
    const deciles = await page.getByTestId('custom-area-deciles').locator('tbody td').allTextContents();
    expect(deciles.map(Number)).toEqual(
      Array.from({ length: 10 }, (_, i) => inside.filter((l) => l.y25_imd_d === i + 1).length),
    );
    const axe = await axeReport(page, 'the custom area panel with a profile');
    expect(axe.count, axe.message).toBe(0);

    // The briefing: the ward briefing's layout with this area's own map and legend counts, at most 2 A4 pages.
    await panel(page).getByRole('button', { name: 'Area briefing (print or PDF)' }).click();
    const briefing = page.getByTestId('ward-briefing');
    await briefing.waitFor();
    await expect(briefing.locator('.briefing__kicker').textContent()).resolves.toMatch(/^Area briefing/);
    const legend = await briefing.locator('.briefing-legend li').allTextContents();
    for (let d = 1; d <= 10; d++)
      expect(legend[d - 1]).toMatch(new RegExp(`: ${inside.filter((l) => l.y25_imd_d === d).length}$`));
    expect(
      await briefing.locator('.briefing-map__svg path[fill^="#"], .briefing-map__svg path[fill^="url"]').count(),
    ).toBeGreaterThanOrEqual(expected.length);
    expect(await briefing.locator('.briefing__table tbody tr').count()).toBe(expected.length);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    await page.getByRole('button', { name: 'Close the briefing' }).click();
    await expect(briefing.count()).resolves.toBe(0);
    expect(w.problems).toEqual([]);
  });

  it('draws a polygon with pointer clicks on the map; the downloaded outline holds the drawn shape and exactly its centroid members', async () => {
    const { page } = w;
    await openPanel(page);
    await panel(page).getByRole('radio', { name: 'Draw a shape' }).check();
    await panel(page).getByRole('button', { name: 'Draw on the map' }).click();
    await waitForIdle(page);
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const corners = await freeSpots(page, [
      [0.35, 0.35],
      [0.65, 0.35],
      [0.65, 0.65],
      [0.35, 0.65],
    ]);
    for (const p of corners) await page.mouse.click(box.x + p.x, box.y + p.y);
    await expect(page.getByTestId('custom-area-points').textContent()).resolves.toBe('4 points');
    await panel(page).getByRole('button', { name: 'Finish shape' }).click();
    await expect(page.getByTestId('custom-area-draw-message').count()).resolves.toBe(0);
    await page.getByTestId('custom-area-members').locator('li').first().waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel(page).getByRole('button', { name: 'Download outline (GeoJSON)' }).click(),
    ]);
    const geo = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      features: { properties: { role: string; code?: string }; geometry: { coordinates: [number, number][][] } }[];
    };
    const shape = geo.features.find((f) => f.properties.role === 'drawn shape')!;
    const ring = shape.geometry.coordinates[0]!.slice(0, -1);
    expect(ring).toHaveLength(4);
    // The drawn corners are where the mouse clicked.
    for (const [i, [lon, lat]] of ring.entries()) {
      const back = await project(page, lon, lat);
      expect(Math.hypot(back.x - corners[i]!.x, back.y - corners[i]!.y)).toBeLessThan(2);
    }
    const expected = membersOf(ring);
    expect(
      geo.features
        .filter((f) => f.properties.role === 'member LSOA 2021')
        .map((f) => f.properties.code)
        .sort(),
    ).toEqual(expected);
    expect(await members(page)).toEqual(expected);
  });

  it('picks LSOAs by clicking the map and by the keyboard list, and the link round-trips in a new page', async () => {
    const { page } = w;
    await openPanel(page);
    await panel(page).getByRole('radio', { name: 'Pick LSOAs' }).check();
    await panel(page).getByRole('button', { name: 'Click LSOAs on the map to add or remove them' }).click();
    await waitForIdle(page);
    const spot = (await freeSpots(page))[0]!;
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + spot.x, box.y + spot.y);
    await expect.poll(async () => (await members(page)).length).toBe(1);
    const clicked = (await members(page))[0]!;
    // The clicked LSOA's boundary holds the clicked point (independent: turf on the built boundary).
    const lngLat = await page.evaluate(([x, y]) => window.__atlas!.unproject(x!, y!), [spot.x, spot.y]);
    expect(booleanPointInPolygon(lngLat, AREAS.features.find((f) => f.properties['code'] === clicked)!)).toBe(true);
    await panel(page).getByRole('button', { name: 'Stop picking on the map' }).click();

    const other = LSOAS.map((l) => l.code)
      .sort()
      .find((c) => c !== clicked)!;
    await page.locator('#custom-area-filter').fill(other);
    await panel(page)
      .getByRole('checkbox', { name: new RegExp(other) })
      .check();
    await expect.poll(() => members(page)).toEqual([clicked, other].sort());
    await page.locator('#custom-area-name').fill('Round trip');
    await page.locator('#custom-area-name').press('Tab');

    const link = await page.getByTestId('custom-area-link').inputValue();
    const area = new URL(link).searchParams.get('area')!;
    expect(area.length).toBeLessThan(100);
    const fresh = await openPage(chrome.browser, link);
    await waitForMap(fresh.page);
    await fresh.page.getByTestId('custom-area-members').waitFor();
    expect(await members(fresh.page)).toEqual([clicked, other].sort());
    await expect(fresh.page.locator('#custom-area-name').inputValue()).resolves.toBe('Round trip');
    await fresh.page.context().close();
  });

  it('pastes postcodes and codes: they are geocoded by the postcode lookup and the lines not understood are reported', async () => {
    const { page } = w;
    await openPanel(page);
    await panel(page).getByRole('radio', { name: 'Paste a list' }).check();
    const file = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../dist/geo/postcodes/LS7.json'), 'utf8'),
    ) as { district: string; lsoaCodes: string[]; postcodes: Record<string, [number, number, number]> };
    const hits = Object.entries(file.postcodes)
      .filter(([, v]) => v[2] >= 0)
      .slice(0, 2);
    const expected = [...new Set(hits.map(([, v]) => file.lsoaCodes[v[2]]!))];
    await page
      .locator('#custom-area-paste')
      .fill([...hits.map(([inward]) => `ls7${inward.toLowerCase()}`), 'not a postcode'].join('\n'));
    await panel(page).getByRole('button', { name: 'Add these to the area' }).click();
    await page.getByTestId('custom-area-paste-status').waitFor();
    expect(await members(page)).toEqual(expected.sort());
    await expect(page.getByTestId('custom-area-paste-problems').textContent()).resolves.toContain(
      'Line 3: “not a postcode” is neither an LSOA code nor a full postcode.',
    );
  });

  it('starts from a priority neighbourhood, removes an LSOA, and downloads the member list (CSV with the preamble) and a content-file entry', async () => {
    const { page } = w;
    const content = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../content/E08000035/priority-areas.json'), 'utf8'),
    ) as { neighbourhoods: { id: string; name: string; lsoa21: { code: string }[] }[] };
    const n = content.neighbourhoods.find((x) => x.lsoa21.length >= 2)!;
    await ensureOpen(page);
    await page.locator('#custom-area-neighbourhood').selectOption(n.id);
    await panel(page).getByRole('button', { name: 'Start from this neighbourhood' }).click();
    const defaults = n.lsoa21.map((l) => l.code).sort();
    await expect.poll(() => members(page)).toEqual(defaults);
    const removed = defaults[0]!;
    await page
      .getByTestId('custom-area-members')
      .getByRole('button', { name: /^Remove .* from the area$/ })
      .first()
      .click();
    await expect.poll(() => members(page)).toEqual(defaults.slice(1));

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      panel(page).getByRole('button', { name: 'Download member list (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^leeds-area-lsoas-.*-iod2025\.csv$/);
    const text = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^#,"?Neighbourhood Atlas export: Leeds/);
    expect(text).toContain('population-weighted centre');
    const header = lines.findIndex((l) => l.startsWith('LSOA code,'));
    expect(
      lines
        .slice(header + 1)
        .filter(Boolean)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(defaults.slice(1));

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      panel(page).getByRole('button', { name: 'Download as a content-file neighbourhood entry (JSON)' }).click(),
    ]);
    const entry = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
      id: string;
      membership: string;
      basis: string;
      lsoa21: { code: string }[];
    };
    expect(entry.id).toBe(n.id);
    expect(entry.membership).toBe('edited');
    expect(entry.lsoa21.map((l) => l.code)).not.toContain(removed);
    expect(entry.basis).toMatch(/^Edited in Neighbourhood Atlas on \d{4}-\d\d-\d\d from the approximate default/);
  });

  it('keeps an area in browser storage across a reload', async () => {
    const { page } = w;
    await panel(page).getByRole('button', { name: 'Keep in this browser' }).click();
    await page.reload();
    await waitForMap(page);
    await panel(page).waitFor();
    await ensureOpen(page);
    await expect(page.getByTestId('custom-area-saved').locator('li').count()).resolves.toBe(1);
  });

  it('a link whose area is for another council or truncated opens the default view with a notice', async () => {
    for (const bad of ['AAAAAA.AAAA', 'garbage']) {
      const p = await openPage(chrome.browser, `${base}?area=${bad}`);
      await waitForMap(p.page);
      await expect(p.page.locator('.notice[role="status"]').first().textContent()).resolves.toMatch(
        /The area in this link .* default view is shown/,
      );
      expect(new URL(p.page.url()).searchParams.get('area')).toBeNull();
      await p.page.context().close();
    }
  });
});

describe('your own area: the remaining buttons, and storage that refuses', () => {
  it('starts from a ward, copies its link, keeps it, reopens it from the kept list and deletes it', async () => {
    const { page, problems } = await openPage(chrome.browser, base);
    await waitForMap(page);
    await panel(page).waitFor();
    await ensureOpen(page);
    const ward = await page.locator('#custom-area-ward').inputValue();
    await panel(page).getByRole('button', { name: 'Start from this ward' }).click();
    // The members are the ward's LSOAs as the built data gives them.
    const wardCodes = LSOAS.filter((l) => l.ward === ward)
      .map((l) => l.code)
      .sort();
    await expect.poll(() => members(page)).toEqual(wardCodes);
    // Copy link: copied, or (no clipboard permission headless) told to copy from the box, which holds the area's link.
    await panel(page).getByRole('button', { name: 'Copy link' }).click();
    // The clipboard answers asynchronously: wait for the status line.
    await panel(page)
      .getByRole('status')
      .filter({ hasText: /Link copied|Copy the link from the box/ })
      .waitFor({ timeout: 10_000 });
    const link = new URL(await page.getByTestId('custom-area-link').inputValue());
    expect(link.searchParams.get('area')).toBe(new URL(page.url()).searchParams.get('area'));
    await panel(page).getByRole('button', { name: 'Keep in this browser' }).click();
    const kept = page.getByTestId('custom-area-saved').locator('li');
    await expect(kept.count()).resolves.toBe(1);
    // Start afresh, then reopen the kept area by its name: the same members come back.
    await panel(page).getByRole('button', { name: 'Start an empty area' }).click();
    await expect.poll(() => members(page)).toEqual([]);
    await kept.first().getByRole('button').first().click();
    await expect.poll(() => members(page)).toEqual(wardCodes);
    await kept
      .first()
      .getByRole('button', { name: /^Delete / })
      .click();
    await expect(page.getByTestId('custom-area-saved').count()).resolves.toBe(0);
    // Closing the panel hides its body.
    await panel(page).getByRole('button', { name: 'Close your own area' }).click();
    await expect(page.locator('#custom-area-body').isHidden()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('with browser storage refusing writes, keeping an area says so and the app keeps working', async () => {
    const context = await chrome.browser.newContext({
      viewport: { width: 1280, height: 900 },
      serviceWorkers: 'block',
    });
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    await page.goto(base);
    await waitForMap(page);
    await panel(page).waitFor();
    await ensureOpen(page);
    await panel(page).getByRole('button', { name: 'Start from this ward' }).click();
    await panel(page).getByRole('button', { name: 'Keep in this browser' }).click();
    await expect(panel(page).locator('.notice[role="status"]').textContent()).resolves.toMatch(
      /cannot be kept in this browser/,
    );
    // Still usable: the profile is there and the map still answers a ward choice.
    await expect(page.getByTestId('custom-area-profile').isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe('your own area on a 390 px phone', () => {
  it('opens in the controls sheet, gives its profile, and nothing scrolls sideways', async () => {
    const context = await chrome.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await page.goto(base);
    await waitForMap(page);
    await page.locator('.sheet-dock__tab', { hasText: 'Options' }).tap();
    await panel(page).waitFor();
    await ensureOpen(page);
    await panel(page).getByRole('button', { name: 'Start from this ward' }).tap();
    const profile = page.getByTestId('custom-area-profile');
    await profile.waitFor();
    const box = (await profile.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    const { count, message } = await axeReport(page, 'your own area at 390 px');
    expect(count, message).toBe(0);
    await context.close();
  });
});
