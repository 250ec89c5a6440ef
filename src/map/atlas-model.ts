import { createMemo } from 'solid-js';
import type { FeatureCollection } from 'geojson';
import { geography } from '../data/geographies';
import { NEIGHBOURHOODS, PRIORITY_WARD_CODES } from '../data/priority-areas';
import { neighbourhoodAreaSet } from '../domain/area-set';
import { areaSetOutlines, effectiveRelease, wardLabels } from '../domain/view-model';
import type { Atlas } from '../state/atlas';
import type { MapEvents, MapModel } from './model';

/** The map's model and events, read from the app's state (one typed object each, not 26 props). */
export function mapModelFor(atlas: Atlas, onFirstChoropleth: () => void): { model: MapModel; events: MapEvents } {
  const { state, data } = atlas;
  const neighbourhoods = createMemo<FeatureCollection>(() =>
    areaSetOutlines(data.lsoa21, NEIGHBOURHOODS.map(neighbourhoodAreaSet)),
  );
  const model: MapModel = {
    bounds: data.metadata.bbox,
    attribution: data.metadata.attribution,
    initialCamera: state().camera,
    cooperativeGestures: atlas.embed.embed,
    areas: atlas.deferred.areas,
    colouring: atlas.colouring,
    flagRelease: () => effectiveRelease(state()),
    flags: () => ({ p1: atlas.options().layers.p1, p10: atlas.options().layers.p10 }),
    wardValues: () => (state().view === 'spi' ? { key: 'spi', values: atlas.spi.values() } : null),
    selectionGeometry: () => atlas.selection.lsoa()?.geometry ?? atlas.selection.ward()?.geometry ?? null,
    fitTarget: atlas.selection.fitTarget,
    neighbourhoods,
    wardLabels: wardLabels(data.wards, PRIORITY_WARD_CODES),
    venues: () => atlas.venues.collection(),
    venueIds: atlas.venues.visibleIds,
    importedVenues: atlas.venueLists.collection,
    importedVenuePoints: atlas.venueLists.venues,
    // While your own area is open it owns the highlight and the next map click (issue 23).
    outreach: () => (atlas.customArea.open() ? atlas.customArea.overlay() : atlas.outreach.overlay()),
    picking: () => atlas.outreach.picking() || atlas.customArea.tool() !== 'none',
    context: atlas.context,
    contextVisible: () => atlas.options().layers.context,
  };
  const events: MapEvents = {
    onHover: (h) => atlas.setHovered(h ? { kind: 'area', ...h } : null),
    onVenueHover: (h) => atlas.setHovered(h ? { kind: 'venues', ...h } : null),
    onAreaClick: (layer, code) => atlas.selection.select(geography(layer).kind, code, false),
    onPick: (ll) => {
      if (!atlas.customArea.mapPoint([ll.lng, ll.lat])) atlas.outreach.pick([ll.lng, ll.lat]);
    },
    onVenueClick: (ids) => {
      if (ids[0]) atlas.selection.selectVenue(ids[0]);
    },
    onImportedVenueClick: (id) => {
      atlas.venueLists.select(id);
      const v = atlas.venueLists.byId().get(id)?.venue;
      if (v) atlas.announce(`Selected ${v.name}: its details are in the venue lists panel.`);
    },
    onMoveEnd: (camera) => atlas.update({ camera }),
    onNotice: atlas.setNotice,
    onUnavailable: atlas.deferred.firstViewDone,
    onReady: (m) => {
      atlas.setMap(m);
      // A small read-only handle for the browser tests and the benchmark, in their build only (src/test-hooks.d.ts).
      if (__ATLAS_TEST_HOOKS__) window.__atlas = m.testHooks();
      void m.idle().then(() => {
        onFirstChoropleth();
        atlas.deferred.firstViewDone();
      });
    },
  };
  return { model, events };
}
