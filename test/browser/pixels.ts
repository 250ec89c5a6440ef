import type { Page } from 'playwright-core';

/** Reads the RGB of one pixel of the map canvas (the map keeps its drawing buffer for this and PNG export). */
export async function canvasPixel(page: Page, x: number, y: number): Promise<[number, number, number]> {
  return page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement | null;
      if (!canvas) throw new Error('no map canvas');
      const ratio = canvas.width / canvas.clientWidth;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(canvas, 0, 0);
      const d = ctx.getImageData(Math.round(px! * ratio), Math.round(py! * ratio), 1, 1).data;
      return [d[0]!, d[1]!, d[2]!] as [number, number, number];
    },
    [x, y],
  );
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
