/** Small pure helpers: order statistics and how a served file is classified. */
import path from 'node:path';
import { median as medianOrNull } from '../../src/data/numeric';

/** The one median (src/data/numeric.ts), NaN for no samples so a missing figure shows as such in the report. */
export function median(xs: readonly number[]): number {
  return medianOrNull(xs) ?? NaN;
}

/** Nearest-rank percentile (p in 0..100): the smallest value with at least p% of the values at or below it. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1] as number;
}

export type ByteCategory = 'maplibre' | 'app-js' | 'css' | 'geodata' | 'html' | 'other';
export const BYTE_CATEGORIES: readonly ByteCategory[] = ['maplibre', 'app-js', 'css', 'geodata', 'html', 'other'];

/** A string that is in MapLibre's own bundle and in no app code: finds MapLibre under any chunk name. */
const MAPLIBRE_SIGNATURE = 'maplibregl-canvas-container';

/**
 * Classifies a served URL path. JavaScript counts as MapLibre when the file name says so (Vite names
 * the chunk and the worker after the package) or when the file holds MapLibre's code.
 */
export function classify(urlPath: string, readText: () => string | null): ByteCategory {
  const base = path.basename(urlPath).toLowerCase();
  const ext = path.extname(base);
  if (urlPath.includes('/geo/')) return 'geodata';
  if (ext === '.css') return 'css';
  if (ext === '.html' || urlPath.endsWith('/')) return 'html';
  if (ext === '.js' || ext === '.mjs') {
    if (base.includes('maplibre')) return 'maplibre';
    return readText()?.includes(MAPLIBRE_SIGNATURE) ? 'maplibre' : 'app-js';
  }
  return 'other';
}
