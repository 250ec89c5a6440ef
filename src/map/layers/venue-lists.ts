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

/**
 * Calls `apply` with the latest value in a task of its own (a zero-delay timeout; later values
 * replace an earlier one not yet applied). MapLibre copies a GeoJSON source's data to its worker on
 * the calling thread when setData is called (its serialise step and the structured clone: ~60–90 ms
 * for 5,000 points on this 2-core machine under load), so setData in the task that saves and
 * lists a new venue list would make one task of both; apart, each stays shorter and a frame can be
 * drawn between them.
 */
export function latestInOwnTask<T>(apply: (value: T) => void): (value: T) => void {
  let pending: { value: T } | null = null;
  return (value) => {
    const first = pending === null;
    pending = { value };
    if (!first) return;
    setTimeout(() => {
      const p = pending;
      pending = null;
      if (p) apply(p.value);
    }, 0);
  };
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
