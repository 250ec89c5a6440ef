import { createEffect } from 'solid-js';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { CATEGORY_SYMBOLS, OTHER_CATEGORY_SYMBOL } from '../../domain/venue-lists/styles';
import { POINTER_PRIORITY } from '../dispatcher';
import { drawVenueIcon } from '../venue-icons';
import type { LayerContext, LayerGroup } from './group';

function install(ctx: LayerContext, data: FeatureCollection<Geometry>): void {
  const map = ctx.map;
  const source = map.getSource('venue-lists') as GeoJSONSource | undefined;
  if (source) {
    source.setData(data);
    return;
  }
  CATEGORY_SYMBOLS.forEach((s, i) => {
    if (!map.hasImage(`ivl-${i}`)) map.addImage(`ivl-${i}`, drawVenueIcon({ label: '', ...s }), { pixelRatio: 2 });
  });
  if (!map.hasImage('ivl-other'))
    map.addImage('ivl-other', drawVenueIcon({ label: '', ...OTHER_CATEGORY_SYMBOL }), { pixelRatio: 2 });
  map.addSource('venue-lists', { type: 'geojson', data, promoteId: 'id' });
  ctx.addLayer({
    id: 'venue-lists',
    type: 'symbol',
    source: 'venue-lists',
    layout: {
      'icon-image': ['get', 'icon'],
      'icon-size': ['interpolate', ['linear'], ['zoom'], 9, 0.7, 14, 1],
      // A symbol layer, decluttered at city scale: 5,000 points stay smooth; all show from street scale.
      'icon-allow-overlap': ['step', ['zoom'], false, 14, true],
      'icon-ignore-placement': ['step', ['zoom'], false, 14, true],
    },
  });
}

/** The imported venue lists: one symbol layer, an icon per category (shape and colour). */
export const venueListsGroup: LayerGroup = {
  name: 'venue-lists',
  layers: ['venue-lists'],
  install(ctx, model, events) {
    createEffect(() => install(ctx, model.importedVenues()));
    ctx.pointer({
      name: 'venue-lists',
      priority: POINTER_PRIORITY.importedVenues,
      click: (e) => {
        if (!ctx.has('venue-lists')) return false;
        const p = e.point;
        const hit = ctx.map.queryRenderedFeatures(
          [
            [p.x - 6, p.y - 6],
            [p.x + 6, p.y + 6],
          ],
          { layers: ['venue-lists'] },
        )[0];
        const id = hit?.properties?.['id'];
        if (typeof id !== 'string') return false;
        events.onImportedVenueClick(id);
        return true;
      },
    });
  },
};
