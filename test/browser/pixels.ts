import type { Page } from 'playwright-core';
import { DECILE_COLOURS } from '../../src/domain/colour-schemes';
import { blend } from './fixtures';

/** Reads the RGB of one pixel of the map canvas (the map keeps its drawing buffer for this and PNG export). */
export async function canvasPixel(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const [px] = await canvasPixelsAround(page, [{ x, y }], 0);
  if (!px) throw new Error('no pixel read');
  return px;
}

export async function mapCentrePixel(page: Page): Promise<[number, number, number]> {
  const box = await page.evaluate(() => {
    const c = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
    return { w: c.clientWidth, h: c.clientHeight };
  });
  return canvasPixel(page, box.w / 2, box.h / 2);
}

export function closeTo(actual: readonly number[], expected: readonly number[], tolerance = 8): boolean {
  return actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerance);
}

/** The RGB of every pixel within ±radius CSS px of each point, read from one copy of the canvas. */
export async function canvasPixelsAround(
  page: Page,
  points: ReadonlyArray<{ x: number; y: number }>,
  radius: number,
): Promise<Array<[number, number, number]>> {
  return page.evaluate(
    ([pts, r]) => {
      const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement | null;
      if (!canvas) throw new Error('no map canvas');
      const ratio = canvas.width / canvas.clientWidth;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(canvas, 0, 0);
      const out: Array<[number, number, number]> = [];
      for (const p of pts) {
        for (let dx = -r; dx <= r; dx++) {
          for (let dy = -r; dy <= r; dy++) {
            const d = ctx.getImageData(Math.round((p.x + dx) * ratio), Math.round((p.y + dy) * ratio), 1, 1).data;
            out.push([d[0]!, d[1]!, d[2]!]);
          }
        }
      }
      return out;
    },
    [points, radius] as const,
  );
}

/** How many points of a 7×7 grid over the map canvas show a decile colour of the choropleth. */
export async function choroplethPoints(page: Page): Promise<number> {
  const box = await page.locator('.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  const colours = DECILE_COLOURS.map((c) => blend(c, 0.85));
  let hits = 0;
  for (let i = 1; i <= 7; i++) {
    for (let j = 1; j <= 7; j++) {
      const px = await canvasPixel(page, (box.width * i) / 8, (box.height * j) / 8);
      if (colours.some((c) => closeTo(px, c, 12))) hits++;
    }
  }
  return hits;
}
