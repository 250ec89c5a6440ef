import { createEffect } from 'solid-js';
import type { ExpressionSpecification, FilterSpecification, GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import { COUNCIL } from '../../data/council';
import { drawVenueIcon } from '../venue-icons';
import { POINTER_PRIORITY } from '../dispatcher';
import type { LayerContext, LayerGroup } from './group';

function addVenues(ctx: LayerContext, data: FeatureCollection<Geometry>): void {
  const map = ctx.map;
  if (map.getSource('venues')) {
    (map.getSource('venues') as GeoJSONSource).setData(data);
    return;
  }
  // One icon per type of the council's vocabulary; earlier types win where markers collide.
  const types = COUNCIL.interventionTypes;
  for (const t of types) {
    if (!map.hasImage(`venue-${t.id}`)) map.addImage(`venue-${t.id}`, drawVenueIcon(t), { pixelRatio: 2 });
  }
  const sortKey: ExpressionSpecification = ['index-of', ['get', 'type'], ['literal', types.map((t) => t.id)]];
  map.addSource('venues', { type: 'geojson', data, promoteId: 'id' });
  ctx.addLayer({
    id: 'venues',
    type: 'symbol',
    source: 'venues',
    layout: {
      'icon-image': ['concat', 'venue-', ['get', 'type']],
      'icon-size': ['interpolate', ['linear'], ['zoom'], 9, 0.7, 14, 1],
      // Overlapping markers are hidden at city scale and all shown from street scale.
      'icon-allow-overlap': ['step', ['zoom'], false, 14, true],
      'icon-ignore-placement': ['step', ['zoom'], false, 14, true],
      'symbol-sort-key': sortKey,
    },
  });
}

/** Intervention points: one symbol layer, an icon per type (shape and colour), decluttered at low zoom. */
export const venuesGroup: LayerGroup = {
  name: 'venues',
  layers: ['venues'],
  install(ctx, model, events) {
    const map = ctx.map;
    let hovering = false;
    const idsAt = (p: { x: number; y: number }): string[] => {
      if (!ctx.has('venues')) return [];
      return map
        .queryRenderedFeatures(
          [
            [p.x - 6, p.y - 6],
            [p.x + 6, p.y + 6],
          ],
          { layers: ['venues'] },
        )
        .map((f) => f.properties?.['id'])
        .filter((id): id is string => typeof id === 'string');
    };
    createEffect(() => {
      const v = model.venues();
      if (v) addVenues(ctx, v);
      // Shows only the venues whose ids pass the filter (computed by the same function as the list view).
      const ids = model.venueIds();
      if (!ctx.has('venues')) return;
      ctx.setVisible('venues', ids === null || ids.length > 0);
      const filter: FilterSpecification | null = ids === null ? null : ['in', ['get', 'id'], ['literal', [...ids]]];
      ctx.setFilter('venues', filter);
    });
    ctx.pointer({
      name: 'venues',
      priority: POINTER_PRIORITY.venues,
      click: (e) => {
        const ids = idsAt(e.point);
        if (ids.length === 0) return false;
        events.onVenueClick(ids);
        return true;
      },
      hover: (e) => {
        const ids = idsAt(e.point);
        if (ids.length === 0) return false;
        hovering = true;
        events.onVenueHover({ ids, point: e.point });
        return true;
      },
      leave: () => {
        if (!hovering) return;
        hovering = false;
        events.onVenueHover(null);
      },
    });
  },
};
