/**
 * The benchmark's baseline page: MapLibre alone, the way a plain MapLibre page would show the same
 * map. It loads the LSOA 2021 geometry as plain GeoJSON and the IoD2025 values as a separate JSON,
 * joins them in the browser, hands the result to `setData` and colours the areas by IMD decile with
 * the app's 10 colours. It has the same hooks the benchmark drives in the app:
 *  - performance mark `baseline:first-choropleth` at the first `idle` after `setData` with the areas drawn;
 *  - a <select id="indicator-select"> that switches the colouring by changing a paint property only;
 *  - a hover tooltip `[data-testid="tooltip"]`;
 *  - `window.__baseline = { idle(), renders(), project(lon, lat) }` (renders = MapLibre `render` events so far);
 *  - `drawPoints(points)` / `clearPoints()`: the venue import's counterpart, the same points drawn the plain
 *    MapLibre way (one GeoJSON source of Point features, a circle layer), so its frame gaps can be compared.
 * Built by scripts/bench/bench.ts into a temporary folder with the derived data files; never deployed.
 */
import {
  Map as MapLibreMap,
  setWorkerUrl,
  type ExpressionSpecification,
  type GeoJSONSource,
  type LngLatBoundsLike,
  type MapLayerMouseEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { AtlasTestHooks } from '../../../src/state/map-handle';

declare global {
  interface Window {
    /** The benchmark's hooks, the same the app's test-hooks build has on window.__atlas (bar unproject). */
    __baseline?: Pick<AtlasTestHooks, 'idle' | 'renders' | 'project'> & {
      /** Draws these [lon, lat] points as circles; resolves when the map is idle with them. */
      drawPoints: (points: Array<[number, number]>) => Promise<void>;
      clearPoints: () => void;
    };
  }
}

setWorkerUrl(workerUrl);

/** Filled in by the bench's Vite `define`: the area's bounding box and the indicators with a decile. */
declare const __BASELINE_BOUNDS__: [number, number, number, number];
declare const __BASELINE_INDICATORS__: string[];

/** The app's DECILE_COLOURS (src/domain/colour-schemes.ts), copied so the baseline bundles no app code. */
const DECILE_COLOURS = [
  '#440154',
  '#482878',
  '#3e4989',
  '#31688e',
  '#26828e',
  '#1f9e89',
  '#35b779',
  '#6ece58',
  '#b5de2b',
  '#fde725',
];
const NO_DATA = '#d9d9d9';

type Values = Record<string, Record<string, number>>;
type Props = Record<string, unknown>;

// Both downloads start at once, before the map exists, as a hand-written page would do.
const geometry: Promise<FeatureCollection<Geometry, Props>> = fetch('./geo/lsoa21.geojson').then((r) => r.json());
const values: Promise<Values> = fetch('./geo/values-2025.json').then((r) => r.json());
// Timeline marks for the bench's --timeline (docs/performance.md): the same steps the app marks.
void Promise.all([geometry, values]).then(() => performance.mark('baseline:data-ready'));

function colourBy(indicator: string): ExpressionSpecification {
  // Decile d (1–10) → DECILE_COLOURS[d - 1]: the first pair spelled out, as the typed 'match' needs one.
  const [first, ...others] = DECILE_COLOURS;
  const stops = others.flatMap((c, i) => [i + 2, c]);
  return ['match', ['get', `y25_${indicator}_d`], 1, first ?? NO_DATA, ...stops, NO_DATA];
}

const map = new MapLibreMap({
  container: 'map',
  style: {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f2efe9' } }],
  },
  bounds: __BASELINE_BOUNDS__ as LngLatBoundsLike,
  fitBoundsOptions: { padding: 16 },
});
performance.mark('baseline:map-created');
map.once('render', () => performance.mark('baseline:first-render'));

function idle(): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

let renders = 0;
map.on('render', () => {
  renders++;
});

async function drawPoints(points: Array<[number, number]>): Promise<void> {
  const data: FeatureCollection = {
    type: 'FeatureCollection',
    features: points.map(([lon, lat]) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [lon, lat] },
    })),
  };
  map.addSource('points', { type: 'geojson', data });
  map.addLayer({
    id: 'points',
    type: 'circle',
    source: 'points',
    paint: {
      'circle-radius': 4,
      'circle-color': '#1d70b8',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  });
  await idle();
}

function clearPoints(): void {
  if (map.getLayer('points')) map.removeLayer('points');
  if (map.getSource('points')) map.removeSource('points');
}

window.__baseline = {
  idle,
  drawPoints,
  clearPoints,
  renders: () => renders,
  project: (lon: number, lat: number) => {
    const p = map.project([lon, lat]);
    return { x: p.x, y: p.y };
  },
};

const loaded = new Promise<void>((resolve) => map.once('load', () => resolve()));
void loaded.then(() => performance.mark('baseline:style-loaded'));

void loaded.then(async () => {
  map.addSource('lsoa', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'lsoa-fill',
    type: 'fill',
    source: 'lsoa',
    paint: { 'fill-color': colourBy('imd'), 'fill-opacity': 0.85 },
  });
  map.addLayer({
    id: 'lsoa-line',
    type: 'line',
    source: 'lsoa',
    paint: { 'line-color': '#ffffff', 'line-width': 0.5 },
  });

  const [fc, vals] = await Promise.all([geometry, values]);
  for (const f of fc.features as Feature<Geometry, Props>[]) {
    const v = vals[String(f.properties['code'])];
    if (v) Object.assign(f.properties, v);
  }
  (map.getSource('lsoa') as GeoJSONSource).setData(fc);

  // First idle after setData at which the areas are really there (setData is processed in a worker).
  const onIdle = (): void => {
    if (map.isSourceLoaded('lsoa') && map.querySourceFeatures('lsoa').length > 0) {
      performance.mark('baseline:first-choropleth');
      map.off('idle', onIdle);
    }
  };
  map.on('idle', onIdle);
});

// Indicator switch: the plain MapLibre way, a new data-driven paint property (MapLibre rebuilds the tiles in its worker).
const select = document.getElementById('indicator-select') as HTMLSelectElement;
for (const id of __BASELINE_INDICATORS__) select.add(new Option(id, id));
select.value = 'imd';
select.addEventListener('change', () => {
  if (map.getLayer('lsoa-fill')) map.setPaintProperty('lsoa-fill', 'fill-color', colourBy(select.value));
});

// Hover tooltip: created on entering an area, removed on leaving.
let tooltip: HTMLDivElement | null = null;
map.on('mousemove', 'lsoa-fill', (e: MapLayerMouseEvent) => {
  const p = e.features?.[0]?.properties;
  if (!p) return;
  if (!tooltip) {
    tooltip = document.createElement('div');
    tooltip.className = 'tooltip';
    tooltip.dataset['testid'] = 'tooltip';
    document.body.append(tooltip);
  }
  tooltip.textContent = `${String(p['name'] ?? p['code'])}: ${select.value} decile ${String(p[`y25_${select.value}_d`] ?? 'no data')}`;
  tooltip.style.transform = `translate(${e.point.x + 14}px, ${e.point.y + 14}px)`;
});
map.on('mouseleave', 'lsoa-fill', () => {
  tooltip?.remove();
  tooltip = null;
});
