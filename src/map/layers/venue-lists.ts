import { createEffect } from 'solid-js';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { venueNear } from '../../domain/venue-lists/map-points';
import { CATEGORY_SYMBOLS, OTHER_CATEGORY_SYMBOL } from '../../domain/venue-lists/styles';
import { latestInOwnTask } from '../../state/latest-in-own-task';
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
  // One MultiPoint per icon (map-points.ts): a few features however long the lists.
  map.addSource('venue-lists', { type: 'geojson', data });
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
    const apply = latestInOwnTask((data: FeatureCollection<Geometry>) => install(ctx, data));
    createEffect(() => apply(model.importedVenues()));
    ctx.pointer({
      name: 'venue-lists',
      priority: POINTER_PRIORITY.importedVenues,
      click: (e) => {
        if (!ctx.has('venue-lists')) return false;
        const p = e.point;
        const box: [[number, number], [number, number]] = [
          [p.x - 6, p.y - 6],
          [p.x + 6, p.y + 6],
        ];
        // A drawn icon is under the pointer: the venue meant is the nearest one inside those pixels.
        if (ctx.map.queryRenderedFeatures(box, { layers: ['venue-lists'] }).length === 0) return false;
        const sw = ctx.map.unproject([box[0][0], box[1][1]]);
        const ne = ctx.map.unproject([box[1][0], box[0][1]]);
        const hit = venueNear(
          model.importedVenuePoints(),
          [e.lngLat.lng, e.lngLat.lat],
          [sw.lng, sw.lat, ne.lng, ne.lat],
        );
        if (!hit) return false;
        events.onImportedVenueClick(hit.id);
        return true;
      },
    });
  },
};
