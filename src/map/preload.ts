let loading: Promise<typeof import('./atlas-map')> | undefined;

/**
 * Runs the map code (MapLibre) once. The production page already downloads it with modulepreload
 * (see vite.config.ts); the app calls this when the text UI is ready, so evaluating the library never
 * delays the text UI. The mark records when the library is ready to use.
 */
export function preloadMap(): Promise<typeof import('./atlas-map')> {
  loading ??= import('./atlas-map').then((m) => {
    performance.mark('atlas:maplibre-loaded');
    return m;
  });
  return loading;
}
