import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { Browser } from 'playwright-core';
import { launchChromium, waitForMap } from './browser';
import { blend, findArea, interiorPoint } from './fixtures';
import { closeTo, mapCentrePixel } from './pixels';
import { DECILE_COLOURS } from '../../src/domain/colour-schemes';

/**
 * A build configured with a basemap style that cannot load (nothing listens on that loopback port):
 * the data layers must still draw, and a notice must say the basemap is unavailable.
 */
let browser: Browser;
let server: PreviewServer;
let outDir: string;
let base: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'atlas-basemap-'));
  process.env['VITE_BASEMAP_STYLE_URL'] = 'http://127.0.0.1:9/unreachable-style.json';
  try {
    await build({
      root: resolve(import.meta.dirname, '../..'),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    delete process.env['VITE_BASEMAP_STYLE_URL'];
  }
  server = await preview({
    root: resolve(import.meta.dirname, '../..'),
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
    logLevel: 'error',
  });
  base = server.resolvedUrls!.local[0]!;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('a configured basemap that fails to load', () => {
  it('still draws the choropleth and says the basemap is unavailable', async () => {
    const code = 'E01011264';
    const [lon, lat] = interiorPoint(findArea('lsoa21', code));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}?at=${lat},${lon},15`);
    await waitForMap(page);
    await expect(page.locator('.notice', { hasText: 'basemap could not be loaded' }).count()).resolves.toBe(1);
    const decile = findArea('lsoa21', code).properties['y25_imd_d'] as number;
    expect(closeTo(await mapCentrePixel(page), blend(DECILE_COLOURS[decile - 1]!, 0.85))).toBe(true);
    await page.close();
  });
});
