import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumForThisFile, openPage, waitForIdle, waitForMap } from './browser';

/** `at=` links a careless or hostile user might share: empty parts, and cameras far from the area. */
const chrome = chromiumForThisFile();
const base = inject('baseUrl');
const ROOT = resolve(import.meta.dirname, '../..');
const [W, S, E, N] = (
  JSON.parse(readFileSync(resolve(ROOT, 'dist/geo/metadata.json'), 'utf8')) as {
    bbox: [number, number, number, number];
  }
).bbox;
// Within reach = the area's box grown by half its size on each side (cameraWithinReach's margin), checked here by hand.
const REACH = { w: W - (E - W) / 2, e: E + (E - W) / 2, s: S - (N - S) / 2, n: N + (N - S) / 2 };

/** Where the area's centre is drawn, relative to the map canvas. */
async function areaCentreOnCanvas(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  const p = await page.evaluate(([lon, lat]) => window.__atlas!.project(lon, lat), [(W + E) / 2, (S + N) / 2] as const);
  return { ...p, width: box.width, height: box.height };
}

/** The camera the app wrote back to the URL (null when it wrote none). */
function urlCamera(page: Page): { lat: number; lon: number; zoom: number } | null {
  const at = new URL(page.url()).searchParams.get('at');
  if (at === null) return null;
  const [lat, lon, zoom] = at.split(',').map(Number) as [number, number, number];
  return { lat, lon, zoom };
}

describe('the camera in the URL (at=lat,lon,zoom)', () => {
  for (const at of [',,', '53.8,,12', ',,,']) {
    it(`at=${at} is rejected: the map opens on the area and the URL never gets 0,0`, async () => {
      const { page, problems } = await openPage(chrome.browser, `${base}?at=${at}`);
      try {
        await waitForMap(page);
        await waitForIdle(page);
        const c = await areaCentreOnCanvas(page);
        expect(c.x).toBeGreaterThan(0);
        expect(c.x).toBeLessThan(c.width);
        expect(c.y).toBeGreaterThan(0);
        expect(c.y).toBeLessThan(c.height);
        // The URL either still holds the link's own (ignored) value or a camera on the area — never 0,0.
        const raw = new URL(page.url()).searchParams.get('at');
        if (raw !== null && raw !== at) {
          const cam = urlCamera(page)!;
          expect(cam.lat).toBeGreaterThan(S);
          expect(cam.lat).toBeLessThan(N);
        }
        expect(page.url()).not.toMatch(/at=0\.00000%2C0\.00000|at=0\.00000,0\.00000/);
        expect(problems).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }

  it('a camera far outside the area (0°, 0°) is brought within reach: the area is on screen and the URL says so', async () => {
    const { page, problems } = await openPage(chrome.browser, `${base}?at=0,0,5`);
    try {
      await waitForMap(page);
      await waitForIdle(page);
      const c = await areaCentreOnCanvas(page);
      expect(c.x).toBeGreaterThan(0);
      expect(c.x).toBeLessThan(c.width);
      expect(c.y).toBeGreaterThan(0);
      expect(c.y).toBeLessThan(c.height);
      await page.waitForFunction(() => new URL(location.href).searchParams.has('at'));
      const cam = urlCamera(page)!;
      expect(cam.lat).toBeGreaterThanOrEqual(REACH.s - 1e-4);
      expect(cam.lat).toBeLessThanOrEqual(REACH.n + 1e-4);
      expect(cam.lon).toBeGreaterThanOrEqual(REACH.w - 1e-4);
      expect(cam.lon).toBeLessThanOrEqual(REACH.e + 1e-4);
      expect(cam.zoom).toBeGreaterThanOrEqual(5); // the map's own minimum zoom may raise it
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('a street-level camera on the other side of the world stops at the edge of reach, not in the ocean', async () => {
    const { page, problems } = await openPage(chrome.browser, `${base}?at=-33.86,151.21,12`);
    try {
      await waitForMap(page);
      await waitForIdle(page);
      await page.waitForFunction(() => new URL(location.href).searchParams.has('at'));
      const cam = urlCamera(page)!;
      expect(cam.lat).toBeCloseTo(REACH.s, 4);
      expect(cam.lon).toBeCloseTo(REACH.e, 4);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
