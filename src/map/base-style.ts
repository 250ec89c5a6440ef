import type { StyleSpecification } from 'maplibre-gl';

/**
 * The offline default: a plain background. Boundaries and labels are the app's own layers
 * (labels are HTML, so no glyph server is needed), so the map works with no external requests.
 */
export const OFFLINE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f2efe9' } }],
};

/** A basemap style URL from the build environment (VITE_BASEMAP_STYLE_URL), or null for offline. */
export function configuredBasemapUrl(env: Record<string, unknown>): string | null {
  const raw = env['VITE_BASEMAP_STYLE_URL'];
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}
