import { createEffect } from 'solid-js';
import type { GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { LayerGroup } from './group';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The priority neighbourhoods' outline and the selected area's outline, each from a small source of its own. */
export const overlaysGroup: LayerGroup = {
  name: 'overlays',
  layers: ['neighbourhood-line', 'selection-casing', 'selection-line'],
  install(ctx, model) {
    const map = ctx.map;
    map.addSource('neighbourhoods', { type: 'geojson', data: EMPTY });
    map.addSource('selection', { type: 'geojson', data: EMPTY });
    ctx.addLayer({
      id: 'neighbourhood-line',
      type: 'line',
      source: 'neighbourhoods',
      paint: { 'line-color': '#e66101', 'line-width': 2.5, 'line-dasharray': [1, 1] },
    });
    ctx.addLayer({
      id: 'selection-casing',
      type: 'line',
      source: 'selection',
      paint: { 'line-color': '#ffffff', 'line-width': 7 },
    });
    ctx.addLayer({
      id: 'selection-line',
      type: 'line',
      source: 'selection',
      paint: { 'line-color': '#00a6ff', 'line-width': 4 },
    });
    createEffect(() => (map.getSource('neighbourhoods') as GeoJSONSource | undefined)?.setData(model.neighbourhoods()));
    createEffect(() => {
      const geometry = model.selectionGeometry();
      (map.getSource('selection') as GeoJSONSource | undefined)?.setData(
        geometry ? { type: 'Feature', properties: {}, geometry } : EMPTY,
      );
    });
  },
};
