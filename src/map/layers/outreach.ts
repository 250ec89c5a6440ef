import { createEffect } from 'solid-js';
import type { GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { POINTER_PRIORITY } from '../dispatcher';
import type { LayerGroup } from './group';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** The feature-state key of an LSOA highlighted for outreach or in your own area. */
const LIT = 'outreach';

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
    // Highlights LSOAs of the areas source (installed before this group) by feature state, as the
    // hover outline does: an edit of one LSOA of your own area sets one state, where a changed filter
    // would make MapLibre rebuild every tile of the source in its worker. Hidden while nothing is lit,
    // so the transparent outlines cost no frame then.
    ctx.addLayer({
      id: 'gap-fill',
      type: 'line',
      source: 'lsoa21',
      layout: { visibility: 'none' },
      paint: {
        'line-color': '#00a6ff',
        'line-width': 3,
        'line-dasharray': [1, 0.6],
        'line-opacity': ['case', ['boolean', ['feature-state', LIT], false], 1, 0],
      },
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
    let lit = new Set<string>();
    createEffect(() => {
      const o = model.outreach();
      if (o.circle !== drawnCircle)
        (map.getSource('catchment') as GeoJSONSource | undefined)?.setData(o.circle ?? EMPTY);
      drawnCircle = o.circle;
      const next = new Set(o.codes);
      for (const code of lit)
        if (!next.has(code)) map.setFeatureState({ source: 'lsoa21', id: code }, { [LIT]: false });
      for (const code of next) if (!lit.has(code)) map.setFeatureState({ source: 'lsoa21', id: code }, { [LIT]: true });
      lit = next;
      ctx.setVisible('gap-fill', next.size > 0);
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
