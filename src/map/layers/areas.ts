import { createEffect, on } from 'solid-js';
import type { GeoJSONSource, LineLayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import { areaPaintStates, FILL_FROM_STATE, flaggedInAnyRelease, litWhen, noDataCodes, PAINT_STATE, stateChanges, type AreaPaintState } from '../area-paint';
import { codesFilter } from '../paint';
import { PATTERNS } from '../patterns';
import { POINTER_PRIORITY } from '../dispatcher';
import type { LayerId } from '../layer-order';
import type { AreaLayer } from '../model';
import { MATCH_NOTHING, type LayerContext, type LayerGroup } from './group';

/** The layer ids of one area source, spelt out so each is a checked LayerId. */
interface AreaLayerIds {
  fill: LayerId;
  nodata: LayerId;
  line: LayerId;
  /** Bottom to top: 10% casing, 10% dashes, 1% casing, 1% line (LSOAs only). */
  flags: { p10: [LayerId, LayerId]; p1: [LayerId, LayerId] } | null;
}

const IDS: Record<AreaLayer, AreaLayerIds> = {
  lsoa21: {
    fill: 'lsoa21-fill', nodata: 'lsoa21-nodata', line: 'lsoa21-line',
    flags: { p10: ['lsoa21-flag10-casing', 'lsoa21-flag10'], p1: ['lsoa21-flag1-casing', 'lsoa21-flag1'] },
  },
  lsoa11: {
    fill: 'lsoa11-fill', nodata: 'lsoa11-nodata', line: 'lsoa11-line',
    flags: { p10: ['lsoa11-flag10-casing', 'lsoa11-flag10'], p1: ['lsoa11-flag1-casing', 'lsoa11-flag1'] },
  },
  wards: { fill: 'wards-fill', nodata: 'wards-nodata', line: 'wards-line', flags: null },
};

/**
 * The hovered area's outline has a one-feature source of its own. A hover line layer on each area
 * source, lit by feature state, drew a transparent outline of every area in every frame (about a tenth
 * of a frame's time with software WebGL); this draws one outline, at the cost of the outline following
 * the pointer a frame or two behind the tooltip (the data goes through MapLibre's worker).
 */
const HOVER_SOURCE = 'area-hover';
const HOVER_LAYER: LayerId = 'area-hover';
const NO_FEATURES: FeatureCollection<Geometry> = { type: 'FeatureCollection', features: [] };

const AREA_LAYERS: readonly AreaLayer[] = ['lsoa21', 'lsoa11', 'wards'];

// The national 10% and 1% outlines, each a line over a casing so it reads on dark and light fills:
// black under white dashes for the 10%, white under thick red for the 1%.
// Which areas are lit is feature state (the outlined release changes it), so the filter stays put.
const FLAG_PAINT: { p10: [LineLayerSpecification['paint'], LineLayerSpecification['paint']]; p1: [LineLayerSpecification['paint'], LineLayerSpecification['paint']] } = {
  p10: [
    { 'line-color': '#000000', 'line-width': 2.4, 'line-opacity': litWhen(PAINT_STATE.p10) },
    { 'line-color': '#ffffff', 'line-width': 1.4, 'line-dasharray': [2, 2], 'line-opacity': litWhen(PAINT_STATE.p10) },
  ],
  p1: [
    { 'line-color': '#ffffff', 'line-width': 5, 'line-opacity': litWhen(PAINT_STATE.p1) },
    { 'line-color': '#d7191c', 'line-width': 2.5, 'line-opacity': litWhen(PAINT_STATE.p1) },
  ],
};

function addAreaSource(ctx: LayerContext, layer: AreaLayer, data: FeatureCollection<Geometry>): void {
  const map = ctx.map;
  if (map.getSource(layer)) return;
  if (!map.hasImage('hatch-nodata')) map.addImage('hatch-nodata', PATTERNS.noData(), { pixelRatio: 2 });
  map.addSource(layer, { type: 'geojson', data, promoteId: 'code', tolerance: 0.2 });
  const ids = IDS[layer];
  ctx.addLayer({ id: ids.fill, type: 'fill', source: layer, layout: { visibility: 'none' }, paint: { 'fill-color': FILL_FROM_STATE, 'fill-opacity': 0.85 } });
  ctx.addLayer({ id: ids.nodata, type: 'fill', source: layer, layout: { visibility: 'none' }, filter: MATCH_NOTHING, paint: { 'fill-pattern': 'hatch-nodata' } });
  if (!ids.flags) {
    ctx.addLayer({ id: ids.line, type: 'line', source: layer, paint: { 'line-color': '#1a1a1a', 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.2, 14, 2.5] } });
  } else {
    ctx.addLayer({ id: ids.line, type: 'line', source: layer, layout: { visibility: 'none' }, paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.2, 14, 1] } });
    for (const flag of ['p10', 'p1'] as const) {
      ids.flags[flag].forEach((id, i) => {
        const paint = FLAG_PAINT[flag][i];
        ctx.addLayer({ id, type: 'line', source: layer, layout: { visibility: 'none' }, filter: MATCH_NOTHING, ...(paint ? { paint } : {}) });
      });
    }
  }
}

function addHoverSource(ctx: LayerContext): void {
  if (ctx.map.getSource(HOVER_SOURCE)) return;
  ctx.map.addSource(HOVER_SOURCE, { type: 'geojson', data: NO_FEATURES, tolerance: 0.2 });
  ctx.addLayer({ id: HOVER_LAYER, type: 'line', source: HOVER_SOURCE, paint: { 'line-color': '#000000', 'line-width': 2.5 } });
}

/**
 * The areas: LSOA 2021, LSOA 2011 (on first use) and wards, each with its choropleth fill, no-data
 * hatching, outline, the national 1% / 10% outlines and a hover outline. Only paint, filter and
 * visibility change on a switch: the values are already in the feature properties.
 */
export const areasGroup: LayerGroup = {
  name: 'areas',
  layers: [
    ...AREA_LAYERS.flatMap((l) => {
      const ids = IDS[l];
      return [ids.fill, ids.nodata, ids.line, ...(ids.flags ? [...ids.flags.p10, ...ids.flags.p1] : [])];
    }),
    HOVER_LAYER,
  ],
  install(ctx, model, events) {
    const map = ctx.map;
    let interactive: AreaLayer = 'lsoa21';
    let hovered: { layer: AreaLayer; code: string } | null = null;
    const hoverSource = () => map.getSource<GeoJSONSource>(HOVER_SOURCE);
    const clearHover = () => {
      if (!hovered) return;
      hoverSource()?.setData(NO_FEATURES);
      hovered = null;
      events.onHover(null);
    };
    const codeAt = (point: { x: number; y: number }): string | null => {
      const fill = IDS[interactive].fill;
      if (!ctx.has(fill)) return null;
      const code = map.queryRenderedFeatures([point.x, point.y], { layers: [fill] })[0]?.properties?.['code'];
      return typeof code === 'string' ? code : null;
    };

    addAreaSource(ctx, 'lsoa21', model.lsoa21());
    addAreaSource(ctx, 'wards', model.wards);
    addHoverSource(ctx);
    // New detail values arrive as a new collection: the source is given it once (never on a switch).
    createEffect(on(model.lsoa21, (c) => (map.getSource('lsoa21') as GeoJSONSource | undefined)?.setData(c), { defer: true }));

    // Feature state as last written, per source: a switch writes only what changed.
    const applied: Record<AreaLayer, Map<string, AreaPaintState>> = { lsoa21: new Map(), lsoa11: new Map(), wards: new Map() };
    const features = (layer: AreaLayer) => (layer === 'lsoa21' ? model.lsoa21().features : layer === 'wards' ? model.wards.features : (model.lsoa11()?.features ?? []));

    // One effect, run synchronously inside the change's handler, so every update of a switch reaches
    // MapLibre before its next frame. Paint expressions and filters stay put on an indicator, banding
    // or release switch (see area-paint.ts); only visibility changes when the layer changes.
    createEffect(() => {
      const l11 = model.lsoa11();
      if (l11) addAreaSource(ctx, 'lsoa11', l11);
      const colouring = model.colouring();
      const flags = model.flags();
      const flagRelease = model.flagRelease();
      const runTime = model.wardValues();
      interactive = colouring.target;
      for (const layer of AREA_LAYERS) {
        const ids = IDS[layer];
        const active = layer === colouring.target;
        ctx.setVisible(ids.fill, active);
        ctx.setVisible(ids.nodata, active);
        if (ids.flags) {
          // LSOA outlines stay visible under a ward colouring for context.
          ctx.setVisible(ids.line, active || (colouring.target === 'wards' && layer === 'lsoa21'));
          for (const flag of ['p1', 'p10'] as const) {
            for (const id of ids.flags[flag]) {
              ctx.setVisible(id, active && flags[flag]);
              if (active) ctx.setFilter(id, codesFilter(flaggedInAnyRelease(features(layer), flag === 'p1' ? 1 : 10)));
            }
          }
        }
        if (!active) continue;
        const areas = features(layer);
        const next = areaPaintStates(areas, colouring, flagRelease, runTime);
        for (const [code, change] of stateChanges(applied[layer], next)) map.setFeatureState({ source: layer, id: code }, change);
        applied[layer] = next;
        ctx.setFilter(ids.nodata, codesFilter(noDataCodes(areas, colouring, runTime)));
      }
      ctx.setPaint('wards-line', 'line-width', colouring.target === 'wards'
        ? ['interpolate', ['linear'], ['zoom'], 9, 1.5, 14, 3]
        : ['interpolate', ['linear'], ['zoom'], 9, 1.2, 14, 2.5]);
      clearHover();
    });

    ctx.pointer({
      name: 'areas',
      priority: POINTER_PRIORITY.areas,
      click: (e) => {
        const code = codeAt(e.point);
        if (code === null) return false;
        events.onAreaClick(interactive, code);
        return true;
      },
      // The tooltip follows at once; the outline's one feature goes through the worker (see HOVER_SOURCE).
      hover: (e) => {
        const code = codeAt(e.point);
        if (code === null) return false;
        if (hovered?.code !== code || hovered.layer !== interactive) {
          hovered = { layer: interactive, code };
          const area = features(interactive).find((f) => f.properties.code === code);
          hoverSource()?.setData(area ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: area.geometry }] } : NO_FEATURES);
        }
        events.onHover({ layer: interactive, code, point: e.point });
        return true;
      },
      leave: clearHover,
    });
  },
};
