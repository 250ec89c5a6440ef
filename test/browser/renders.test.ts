import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumForThisFile, openPage, waitForIdle, waitForMap } from './browser';
import { blend, builtAreas, findArea, interiorPoint } from './fixtures';
import { closeTo, mapCentrePixel } from './pixels';
import { DECILE_COLOURS, QUINTILE_COLOURS } from '../../src/domain/colour-schemes';

const chrome = chromiumForThisFile();
const base = inject('baseUrl');

/**
 * Makes a change the way a person's choice does (the control's value, then its `change` event), waits
 * for the map's next `idle`, and returns how many times MapLibre rendered in between. The hook's idle()
 * asks for a repaint, so a change that drew nothing would still count 1: each test also checks the
 * pixels or the legend, so a switch that did nothing cannot pass.
 */
async function rendersFor(
  page: Page,
  control: { select: string; value: string } | { radio: string; value: string },
): Promise<number> {
  return page.evaluate(async (c) => {
    const h = window.__atlas!;
    const before = h.renders();
    if ('select' in c) {
      const el = document.querySelector(c.select) as HTMLSelectElement;
      el.value = c.value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      (document.querySelector(`input[name="${c.radio}"][value="${c.value}"]`) as HTMLInputElement).click();
    }
    await h.idle();
    return h.renders() - before;
  }, control);
}

/** The map has loaded everything it loads after the first view and draws nothing more on its own. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('atlas:first-choropleth').length > 0);
  for (let i = 0; i < 20; i++) {
    await waitForIdle(page);
    const r0 = await page.evaluate(() => window.__atlas!.renders());
    await page.waitForTimeout(750);
    if ((await page.evaluate(() => window.__atlas!.renders())) === r0) return;
  }
  throw new Error('the map kept rendering with nothing changed');
}

const legendTitle = (page: Page) => page.locator('#legend-title').innerText();

describe('a switch costs one render', () => {
  it('indicator and banding switches are drawn in one frame, with the new colours', async () => {
    const lsoas = builtAreas('lsoa21').features;
    const code = 'E01011264';
    const target = lsoas.find((f) => f.properties['code'] === code)!;
    const [lon, lat] = interiorPoint(findArea('lsoa21', code));
    const { page, problems } = await openPage(chrome.browser, `${base}?at=${lat.toFixed(5)},${lon.toFixed(5)},15`);
    await waitForMap(page);
    await settled(page);

    for (const indicator of ['inc', 'emp', 'edu', 'hea', 'imd']) {
      expect(await rendersFor(page, { select: '#indicator-select', value: indicator }), indicator).toBe(1);
      const decile = target.properties[`y25_${indicator}_d`] as number;
      expect(closeTo(await mapCentrePixel(page), blend(DECILE_COLOURS[decile - 1]!, 0.85)), indicator).toBe(true);
    }

    expect(await rendersFor(page, { radio: 'banding', value: 'local' })).toBe(1);
    const quintile = Math.ceil(((target.properties['y25_imd_lr'] as number) * 5) / lsoas.length);
    expect(closeTo(await mapCentrePixel(page), blend(QUINTILE_COLOURS[quintile - 1]!, 0.85))).toBe(true);
    expect(await rendersFor(page, { radio: 'banding', value: 'national' })).toBe(1);
    expect(page.url()).not.toContain('band=local');
    expect(problems).toEqual([]);
  });

  it('a release switch on the same LSOA vintage (IoD 2019 ↔ 2015) is drawn in one frame', async () => {
    const { page, problems } = await openPage(chrome.browser, `${base}?rel=2019`);
    await waitForMap(page);
    await settled(page);
    expect(await legendTitle(page)).toContain('2019');
    expect(await rendersFor(page, { radio: 'release', value: '2015' })).toBe(1);
    expect(await legendTitle(page)).toContain('2015');
    expect(await rendersFor(page, { radio: 'release', value: '2019' })).toBe(1);
    expect(await legendTitle(page)).toContain('2019');
    // IoD 2015 is published here for the IMD only, so the indicator switch is tried on IoD 2019.
    expect(await rendersFor(page, { select: '#indicator-select', value: 'inc' })).toBe(1);
    expect(await legendTitle(page)).toMatch(/Income.*2019/);
    expect(problems).toEqual([]);
  });

  // Two frames, not one: the other vintage's layers are shown by constant opacities and widths (they stay
  // built, and MapLibre skips drawing a constant 0), which is a style change, and MapLibre draws twice
  // after any style change (its style 'data' event marks the style dirty again). Only feature state costs
  // one frame, and colouring the hidden vintage transparent that way would make every frame dearer.
  it('a release switch between LSOA vintages (IoD 2025 ↔ 2019) draws the other layer’s colours in two frames', async () => {
    // An LSOA unchanged between 2011 and 2021, so the same point is inside it on both layers.
    const code = 'E01011264';
    const area = findArea('lsoa21', code);
    expect(area.properties['chg']).toBe('U');
    const [lon, lat] = interiorPoint(area);
    const { page, problems } = await openPage(chrome.browser, `${base}?at=${lat.toFixed(5)},${lon.toFixed(5)},15`);
    await waitForMap(page);
    await settled(page);
    // The first time, the LSOA 2011 areas are downloaded and built: not timed.
    await page.getByRole('radio', { name: /IoD 2019/ }).check();
    await settled(page);
    const colour = (release: '2025' | '2019') =>
      blend(DECILE_COLOURS[(area.properties[`y${release.slice(2)}_imd_d`] as number) - 1]!, 0.85);
    expect(closeTo(await mapCentrePixel(page), colour('2019'))).toBe(true);
    for (const release of ['2025', '2019', '2025'] as const) {
      expect(await rendersFor(page, { radio: 'release', value: release }), release).toBeLessThanOrEqual(2);
      expect(await legendTitle(page)).toContain(release);
      expect(closeTo(await mapCentrePixel(page), colour(release)), release).toBe(true);
    }
    expect(problems).toEqual([]);
  });
});
