import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { geometryBBox } from '../../src/domain/geometry';
import { chromiumForThisFile, openPage, waitForIdle, waitForMap } from './browser';
import { builtAreas, findArea, interiorPoint } from './fixtures';

const chrome = chromiumForThisFile();
const base = inject('baseUrl');

/** How many canvas pixels are close to a colour (the map keeps its drawing buffer, so this reads what is drawn). */
async function countPixels(page: Page, rgb: [number, number, number], tolerance = 24): Promise<number> {
  return page.evaluate(
    ([r, g, b, tol]) => {
      const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const d = ctx.getImageData(0, 0, copy.width, copy.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i]! - r!) <= tol! && Math.abs(d[i + 1]! - g!) <= tol! && Math.abs(d[i + 2]! - b!) <= tol!) n++;
      }
      return n;
    },
    [...rgb, tolerance] as const,
  );
}

function cameraOn(code: string, zoom: number): string {
  const [w, s, e, n] = geometryBBox(findArea('lsoa21', code).geometry);
  return `at=${((s + n) / 2).toFixed(5)},${((w + e) / 2).toFixed(5)},${zoom}`;
}

describe('not by colour alone', () => {
  it('outlines the national most deprived 1% in red, and the outline goes when the highlight is switched off', async () => {
    const onePercent = builtAreas('lsoa21').features.filter((f) => f.properties['y25_p1'] === 1);
    expect(onePercent.length).toBe(7);
    const { page, problems } = await openPage(
      chrome.browser,
      `${base}?${cameraOn(String(onePercent[0]!.properties['code']), 14)}`,
    );
    await waitForMap(page);
    const red: [number, number, number] = [0xd7, 0x19, 0x1c];
    const withOutline = await countPixels(page, red);
    expect(withOutline).toBeGreaterThan(200);
    await page.getByLabel('Most deprived 1% in England (thick red outline)').uncheck();
    await waitForIdle(page);
    expect(await countPixels(page, red)).toBeLessThan(withOutline / 10);
    expect(problems).toEqual([]);
  });

  it('hatches LSOAs whose boundary changed in the 2019 → 2025 change view', async () => {
    const changed = builtAreas('lsoa21').features.find((f) => f.properties['chg'] !== 'U')!;
    const [lon, lat] = interiorPoint(changed);
    const { page, problems } = await openPage(chrome.browser, `${base}?view=change&at=${lat},${lon},15`);
    await waitForMap(page);
    // The hatch is stripes of two greys: both must be drawn around the centre of the changed LSOA.
    expect(await countPixels(page, [0xd9, 0xd9, 0xd9], 6)).toBeGreaterThan(500);
    expect(await countPixels(page, [0x73, 0x73, 0x73], 10)).toBeGreaterThan(500);
    await expect(page.getByTestId('legend').textContent()).resolves.toContain(
      'Boundary changed in 2021: not comparable',
    );
    expect(problems).toEqual([]);
  });

  it('outlines the area under the pointer in black, and the outline goes when the pointer leaves the map', async () => {
    const code = 'E01011264';
    const [lon, lat] = interiorPoint(findArea('lsoa21', code));
    const { page, problems } = await openPage(chrome.browser, `${base}?${cameraOn(code, 14)}`);
    await waitForMap(page);
    const black: [number, number, number] = [0, 0, 0];
    const before = await countPixels(page, black, 10);
    const box = await page.locator('.maplibregl-canvas').boundingBox();
    if (!box) throw new Error('no map canvas');
    const at = await page.evaluate(([x, y]) => window.__atlas!.project(x!, y!), [lon, lat] as const);
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await page.getByTestId('tooltip').waitFor();
    await waitForIdle(page);
    const hovered = await countPixels(page, black, 10);
    expect(hovered - before).toBeGreaterThan(300);
    await page.mouse.move(box.x + box.width + 50, box.y + 10);
    await page.getByTestId('tooltip').waitFor({ state: 'detached' });
    await waitForIdle(page);
    expect(await countPixels(page, black, 10)).toBeLessThan(before + 50);
    expect(problems).toEqual([]);
  });
});
