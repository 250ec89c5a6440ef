import { createEffect } from 'solid-js';
import type { FilterSpecification, GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { POINTER_PRIORITY } from '../dispatcher';
import type { LayerGroup } from './group';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Outreach planning: a straight-line catchment circle, the LSOAs highlighted for outreach (catchment
 * or gap list), and "pick a catchment centre", which takes the next click on the map.
 */
export const outreachGroup: LayerGroup = {
  name: 'outreach',
  layers: ['gap-fill', 'catchment-fill', 'catchment-line'],
  install(ctx, model, events) {
    const map = ctx.map;
    map.addSource('catchment', { type: 'geojson', data: EMPTY });
    // Highlights LSOAs of the areas source (installed before this group).
    ctx.addLayer({
      id: 'gap-fill',
      type: 'line',
      source: 'lsoa21',
      filter: ['in', ['get', 'code'], ['literal', []]],
      paint: { 'line-color': '#00a6ff', 'line-width': 3, 'line-dasharray': [1, 0.6] },
    });
    ctx.addLayer({
      id: 'catchment-fill',
      type: 'fill',
      source: 'catchment',
      paint: { 'fill-color': '#00a6ff', 'fill-opacity': 0.12 },
    });
    ctx.addLayer({
      id: 'catchment-line',
      type: 'line',
      source: 'catchment',
      paint: { 'line-color': '#005ea5', 'line-width': 2.5 },
    });
    // An edit of the highlighted LSOAs keeps the same circle: its source is not sent to the worker again.
    let drawnCircle: unknown;
    createEffect(() => {
      const o = model.outreach();
      if (o.circle !== drawnCircle)
        (map.getSource('catchment') as GeoJSONSource | undefined)?.setData(o.circle ?? EMPTY);
      drawnCircle = o.circle;
      const filter: FilterSpecification = ['in', ['get', 'code'], ['literal', [...o.codes]]];
      ctx.setFilter('gap-fill', filter);
    });
    ctx.pointer({
      name: 'pick',
      priority: POINTER_PRIORITY.pick,
      click: (e) => {
        if (!model.picking()) return false;
        events.onPick(e.lngLat);
        return true;
      },
    });
  },
};
