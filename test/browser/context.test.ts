import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { distance, lineIntersect, point } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { chromiumForThisFile, openPage, waitForIdle, waitForMap } from './browser';
import { SOURCES } from './fixtures';
import { canvasPixelsAround, closeTo } from './pixels';
import { axeReport } from './axe';

const chrome = chromiumForThisFile();
const base = inject('baseUrl');

type Line = Feature<LineString | MultiLineString, Record<string, unknown>>;
const readLines = (file: string): Line[] =>
  (
    JSON.parse(
      gunzipSync(readFileSync(resolve(SOURCES, 'context/osm_west_yorkshire_2018', file))).toString('utf8'),
    ) as FeatureCollection<LineString | MultiLineString>
  ).features as Line[];

/**
 * The M1 and the River Aire from the source files, and where they cross (the first crossing west to
 * east; at Knostrop, 4 km from the city centre — the M621 runs beside the Aire but never crosses it).
 */
const m1 = readLines('roads-motorway.geojson.gz').filter((f) =>
  String(f.properties['other_tags'] ?? '').includes('"ref"=>"M1"'),
);
const aire = readLines('waterways-river.geojson.gz').filter((f) => f.properties['name'] === 'River Aire');
const crossings = m1.flatMap((m) =>
  aire.flatMap((r) => lineIntersect(m, r).features.map((p) => p.geometry.coordinates)),
);
const crossing = [...crossings].sort((a, b) => a[0]! - b[0]!)[0]!;

/** Vertices of the lines 120–600 m from the crossing (on that line, clear of the other one), nearest first. */
function verticesNear(lines: Line[], minM: number, maxM: number): Position[] {
  const verts = lines.flatMap((f) =>
    f.geometry.type === 'LineString' ? f.geometry.coordinates : f.geometry.coordinates.flat(),
  );
  const d = (p: Position) => distance(point(crossing), point(p), { units: 'meters' });
  const near = verts.filter((p) => d(p) >= minM && d(p) <= maxM).sort((a, b) => d(a) - d(b));
  if (near.length === 0) throw new Error('no vertex near the crossing');
  return near.slice(0, 12);
}
// Ward boundaries follow the Aire in places and are drawn over it, so several river vertices are tried.
const motorwayPoints = verticesNear(m1, 120, 600).slice(0, 3);
const riverPoints = verticesNear(aire, 120, 600);

const MOTORWAY: [number, number, number] = [0x3d, 0x3d, 0x3d];
const WATER: [number, number, number] = [0x6f, 0x9f, 0xc8];

async function project(page: Page, p: Position): Promise<{ x: number; y: number }> {
  return page.evaluate(([lon, lat]) => window.__atlas!.project(lon!, lat!), p);
}

/** Whether any pixel within ±4 px of any of the points has the colour (the built lines are simplified by a few metres). */
async function colourNear(page: Page, points: readonly Position[], colour: readonly number[]): Promise<boolean> {
  const projected = await Promise.all(points.map((p) => project(page, p)));
  return (await canvasPixelsAround(page, projected, 4)).some((px) => closeTo(px, colour, 8));
}

/** Waits for the context layer (it loads after the first choropleth). */
async function waitForContext(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="context-labels"]') !== null, undefined, {
    timeout: 30_000,
  });
  await waitForIdle(page);
}

const visibleLabels = (page: Page) =>
  page.$$eval('.context-label', (els) =>
    els.filter((e) => (e as HTMLElement).style.display !== 'none').map((e) => e.textContent ?? ''),
  );

const camera = `at=${crossing[1]!.toFixed(5)},${crossing[0]!.toFixed(5)},14`;

describe('the orientation layer (roads, rivers, place names)', () => {
  it('draws the M1 and the River Aire where they cross, credits the sources; the toggle hides them and writes ctx=0', async () => {
    expect(crossings.length).toBeGreaterThan(0);
    const { page, problems } = await openPage(chrome.browser, `${base}?${camera}`);
    await waitForMap(page);
    await waitForContext(page);
    expect(await colourNear(page, motorwayPoints, MOTORWAY)).toBe(true);
    expect(await colourNear(page, riverPoints, WATER)).toBe(true);
    const attribution = await page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(attribution).toContain('OpenStreetMap contributors (ODbL); roads and rail as of June 2018');
    expect(attribution).toContain('House of Commons Library MSOA Names');
    expect(attribution).toContain('GeoNames (CC BY 4.0)');

    await page.getByTestId('context-toggle').uncheck();
    await waitForIdle(page);
    expect(page.url()).toContain('ctx=0');
    expect(await colourNear(page, motorwayPoints, MOTORWAY)).toBe(false);
    expect(await colourNear(page, riverPoints, WATER)).toBe(false);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('is not drawn with ctx=0 in the link', async () => {
    const { page, problems } = await openPage(chrome.browser, `${base}?${camera}&ctx=0`);
    await waitForMap(page);
    // The data loads anyway (the toggle can show it); nothing of it is drawn.
    await waitForContext(page);
    expect(await page.getByTestId('context-toggle').isChecked()).toBe(false);
    expect(await colourNear(page, motorwayPoints, MOTORWAY)).toBe(false);
    expect(await colourNear(page, riverPoints, WATER)).toBe(false);
    await page.getByTestId('context-toggle').check();
    await waitForIdle(page);
    expect(page.url()).not.toContain('ctx=');
    expect(await colourNear(page, motorwayPoints, MOTORWAY)).toBe(true);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('labels towns and villages from the start, never over a ward label, and hides them with the toggle', async () => {
    const { page } = await openPage(chrome.browser, base);
    await waitForMap(page);
    await waitForContext(page);
    const overlaps = await page.evaluate(() => {
      const boxes = (sel: string) =>
        [...document.querySelectorAll<HTMLElement>(sel)]
          .filter((e) => e.style.display !== 'none' && e.style.visibility !== 'hidden')
          .map((e) => e.getBoundingClientRect());
      const wards = boxes('.ward-label');
      const places = boxes('.context-label');
      return {
        places: places.length,
        hits: places.filter((p) =>
          wards.some((w) => p.left < w.right && p.right > w.left && p.top < w.bottom && p.bottom > w.top),
        ).length,
      };
    });
    // Towns and villages show from the start.
    expect(overlaps.places).toBeGreaterThan(3);
    expect(overlaps.hits).toBe(0);
    const shown = await visibleLabels(page);
    expect(shown).toEqual(expect.arrayContaining(['Otley', 'Morley']));
    // Pudsey is a ward too: its ward label says it already.
    expect(shown).not.toContain('Pudsey');
    const axe = await axeReport(page, 'the map with its orientation labels');
    expect(axe.count, axe.message).toBe(0);
    await page.getByTestId('context-toggle').uncheck();
    expect(await visibleLabels(page)).toEqual([]);
  });

  it('search finds a neighbourhood and a village and moves the map there', async () => {
    const { page, problems } = await openPage(chrome.browser, base);
    await waitForMap(page);
    await waitForContext(page);
    const geonames = readFileSync(resolve(SOURCES, 'context/geonames_cities500_west_yorkshire.tsv'), 'utf8')
      .split('\n')
      .map((l) => l.split('\t'));
    const scarcroft = geonames.find((r) => r[1] === 'Scarcroft')!;
    for (const [query, label] of [
      ['Scarcroft', 'Scarcroft'],
      ['Harehills Nor', 'Harehills North'],
    ] as const) {
      await page.fill('#search-input', query);
      await page.locator('#search-listbox').waitFor();
      await page.locator('#search-listbox [role="option"]', { hasText: label }).first().click();
      await page.waitForFunction(() => /[?&]at=/.test(window.location.search));
      await waitForIdle(page);
      const at = new URL(page.url()).searchParams.get('at')!.split(',').map(Number);
      if (label === 'Scarcroft') {
        expect(Math.abs(at[0]! - Number(scarcroft[2]))).toBeLessThan(0.005);
        expect(Math.abs(at[1]! - Number(scarcroft[3]))).toBeLessThan(0.005);
      }
      expect(at[2]).toBeGreaterThan(12);
      expect(await visibleLabels(page)).toContain(label);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('draws the place labels onto the saved PNG (they are HTML, not in the map canvas)', async () => {
    // Morley: shown at the area view, clear of the legend box the PNG draws in the top-left corner.
    const { page, problems } = await openPage(chrome.browser, base);
    await waitForMap(page);
    await waitForContext(page);
    const label = page.locator('.context-label', { hasText: /^Morley$/ });
    const box = await page.evaluate(() => {
      const el = [...document.querySelectorAll<HTMLElement>('.context-label')].find(
        (e) => e.textContent === 'Morley' && e.style.display !== 'none',
      );
      const c = document.querySelector('.maplibregl-canvas')!.getBoundingClientRect();
      const r = el!.getBoundingClientRect();
      return { left: r.left - c.left, top: r.top - c.top, width: r.width, height: r.height };
    });
    expect(await label.count()).toBe(1);
    /** Dark text pixels (the label's ink) inside the label's box on the saved image. */
    const inkInPng = async (button: Locator): Promise<number> => {
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      const b64 = readFileSync(await download.path()).toString('base64');
      return page.evaluate(
        async ([data, r]) => {
          const img = new Image();
          img.src = `data:image/png;base64,${data}`;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = img.width;
          c.height = img.height;
          const ctx = c.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          const ratio = img.width / document.querySelector('.maplibregl-canvas')!.clientWidth;
          const d = ctx.getImageData(
            Math.round(r.left * ratio),
            Math.round(r.top * ratio),
            Math.round(r.width * ratio),
            Math.round(r.height * ratio),
          ).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i]! < 45 && d[i + 1]! < 45 && d[i + 2]! < 45) n++;
          return n;
        },
        [b64, box] as const,
      );
    };
    const save = page.getByRole('button', { name: 'Save map as PNG' });
    const withLabels = await inkInPng(save);
    await page.getByTestId('context-toggle').uncheck();
    await waitForIdle(page);
    const without = await inkInPng(save);
    expect(withLabels).toBeGreaterThan(without + 10);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the embed dialog can hide the layer in the embedded map', async () => {
    const { page } = await openPage(chrome.browser, base);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Embed this map' }).click();
    const dialog = page.getByTestId('embed-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('embed-code').inputValue()).not.toContain('ctx=0');
    await dialog.getByLabel('Show roads, rivers and place names').uncheck();
    expect(await dialog.getByTestId('embed-code').inputValue()).toContain('ctx=0');
  });
});
