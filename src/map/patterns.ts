/** Raster images for fill-pattern, drawn in code so the app needs no sprite server. */
export interface PatternImage {
  width: number;
  height: number;
  data: Uint8Array;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Diagonal hatching: `line` stripes on `fill`. Used for "no data" and "boundary changed" so those
 * states are told apart from every colour class by pattern, not colour alone.
 */
export function hatchPattern(fill: string, line: string, size = 8, lineWidth = 2): PatternImage {
  const data = new Uint8Array(size * size * 4);
  const bg = hexToRgb(fill);
  const fg = hexToRgb(line);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onStripe = (x + y) % size < lineWidth;
      const [r, g, b] = onStripe ? fg : bg;
      const o = (y * size + x) * 4;
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}

export const PATTERNS = {
  noData: () => hatchPattern('#d9d9d9', '#737373'),
} as const;
