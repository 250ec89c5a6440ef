import { createEffect, createSignal, untrack } from 'solid-js';
import type { LineLayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import {
  areaPaintStates,
  FILL_FROM_STATE,
  flaggedInAnyRelease,
  litWhen,
  noDataCodes,
  PAINT_STATE,
  stateChanges,
  type AreaLike,
  type AreaPaintState,
} from '../area-paint';
import { codesFilter } from '../paint';
import { PATTERNS } from '../patterns';
import { POINTER_PRIORITY } from '../dispatcher';
import {
  GEOGRAPHIES,
  GEOGRAPHY_IDS,
  geography,
  geographyIdsWhere,
  type GeographyId as AreaLayer,
} from '../../data/geographies';
import { areaLayerIds, areaLayerList, type AreaLayerIds } from '../layer-order';
import { MATCH_NOTHING, type LayerContext, type LayerGroup } from './group';
import type { MapModel } from '../model';

/** The layer ids of each geography level (src/data/geographies.ts), generated from its id. */
function idsOf(layer: AreaLayer): AreaLayerIds {
  return areaLayerIds({ id: layer, flags: geography(layer).flags });
}

/**
 * The hover outline: a line layer per area source, lit by feature state (one frame, no worker). It draws
 * every area's outline, transparent, in every frame, so it is added once the map is first idle, not
 * before the first choropleth. (A one-feature source of its own was tried: the worker round trip on
 * leaving an area drew a late frame that held up the next hover's events by ~300 ms in some hovers.)
 */
const HOVER_PAINT: LineLayerSpecification['paint'] = {
  'line-color': '#000000',
  'line-width': 2.5,
  'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0],
};

/**
 * Area layers are shown and hidden by constant paint values, never by visibility or filters. A changed
 * layout property or filter sends every tile of the source back to the worker to be rebuilt (a release
 * switch between LSOA vintages took 2–3 frames that way); a changed constant paint value costs two
 * frames (MapLibre draws again after any style change), and MapLibre skips drawing a fill or line whose
 * constant opacity or width is 0, so a hidden layer costs no drawing. Transitions are off.
 */
const FILL_OPACITY = 0.85;
const NO_TRANSITION = { duration: 0, delay: 0 };
const LSOA_LINE_WIDTH: LineLayerSpecification['paint'] = {
  'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.2, 14, 1],
};

const AREA_LAYERS: readonly AreaLayer[] = GEOGRAPHY_IDS;
/** The LSOA level whose outlines show under a ward colouring: the first view's. */
const OUTLINES_UNDER_WARDS = geographyIdsWhere({ kind: 'lsoa', load: 'first-view' })[0];
const AREA_TILE_BUFFER = 16;

// The national 10% and 1% outlines, each a line over a casing so it reads on dark and light fills:
// black under white dashes for the 10%, white under thick red for the 1%.
// Which areas are lit is feature state (the outlined release changes it), so the filter stays put.
// Each line is shown by its width (0 = not drawn; see above).
const FLAG_WIDTHS: { p10: [number, number]; p1: [number, number] } = { p10: [2.4, 1.4], p1: [5, 2.5] };
const FLAG_PAINT: {
  p10: [LineLayerSpecification['paint'], LineLayerSpecification['paint']];
  p1: [LineLayerSpecification['paint'], LineLayerSpecification['paint']];
} = {
  p10: [
    {
      'line-color': '#000000',
      'line-width': 0,
      'line-width-transition': NO_TRANSITION,
      'line-opacity': litWhen(PAINT_STATE.p10),
    },
    {
      'line-color': '#ffffff',
      'line-width': 0,
      'line-width-transition': NO_TRANSITION,
      'line-dasharray': [2, 2],
      'line-opacity': litWhen(PAINT_STATE.p10),
    },
  ],
  p1: [
    {
      'line-color': '#ffffff',
      'line-width': 0,
      'line-width-transition': NO_TRANSITION,
      'line-opacity': litWhen(PAINT_STATE.p1),
    },
    {
      'line-color': '#d7191c',
      'line-width': 0,
      'line-width-transition': NO_TRANSITION,
      'line-opacity': litWhen(PAINT_STATE.p1),
    },
  ],
};

/** What the area layers need of a feature's properties (LSOA and ward properties both fit). */
type AreaProperties = { code: string; [key: string]: unknown };

/**
 * What MapLibre is given of the areas: the geometry and the code, nothing else. Every paint value is
 * feature state and every filter a list of codes, so the worker needs no other property; leaving out
 * the ~40 IoD values per area makes the data sent to the worker, and its tiles, several times smaller
 * (the first choropleth waits for them), and new detail values need no new data for the map at all.
 */
function geometryAndCode(
  data: FeatureCollection<Geometry, { code: string }>,
): FeatureCollection<Geometry, { code: string }> {
  return {
    type: 'FeatureCollection',
    features: data.features.map((f) => ({
      type: 'Feature',
      properties: { code: f.properties.code },
      geometry: f.geometry,
    })),
  };
}

/** A level's source (geometry and code), unless it is there already: see areasGroup.prepare. */
function addAreaData(ctx: LayerContext, layer: AreaLayer, data: FeatureCollection<Geometry, AreaProperties>): void {
  if (ctx.map.getSource(layer)) return;
  // MapLibre's default simplification (0.375 tile pixels, under a screen pixel): 0.2 kept more vertices
  // for the worker to cut and draw with no visible difference.
  // A tile buffer of 16 px (MapLibre's default is 128, a quarter of the tile on each side): the widest line
  // drawn is 5 px, and every tile the worker cuts and the GPU draws carries that much less geometry.
  ctx.map.addSource(layer, {
    type: 'geojson',
    data: geometryAndCode(data),
    promoteId: geography(layer).idProperty,
    buffer: AREA_TILE_BUFFER,
  });
}

/** A level's layers, unless they are there already, and its source first if prepare did not add it. */
function addAreaLayers(ctx: LayerContext, layer: AreaLayer, data: FeatureCollection<Geometry, AreaProperties>): void {
  const map = ctx.map;
  const ids = idsOf(layer);
  if (ctx.has(ids.fill)) return;
  addAreaData(ctx, layer, data);
  if (!map.hasImage('hatch-nodata')) map.addImage('hatch-nodata', PATTERNS.noData(), { pixelRatio: 2 });
  const geo = geography(layer);
  const minzoom = geo.minZoom;
  // Added hidden (opacity 0); the effect below shows the layer that is coloured. The ward fills are
  // the SPI view's, a different view rather than a switch: hidden by visibility, so the worker builds
  // nothing for them (their detailed outlines) before the first choropleth.
  const wardLayout = geo.kind === 'ward' ? { layout: { visibility: 'none' as const } } : {};
  ctx.addLayer({
    id: ids.fill,
    type: 'fill',
    source: layer,
    minzoom,
    ...wardLayout,
    paint: { 'fill-color': FILL_FROM_STATE, 'fill-opacity': 0, 'fill-opacity-transition': NO_TRANSITION },
  });
  ctx.addLayer({
    id: ids.nodata,
    type: 'fill',
    source: layer,
    minzoom,
    ...wardLayout,
    filter: MATCH_NOTHING,
    paint: { 'fill-pattern': 'hatch-nodata', 'fill-opacity': 0, 'fill-opacity-transition': NO_TRANSITION },
  });
  if (!ids.flags) {
    ctx.addLayer({
      id: ids.line,
      type: 'line',
      source: layer,
      minzoom,
      paint: { 'line-color': '#1a1a1a', 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.2, 14, 2.5] },
    });
  } else {
    ctx.addLayer({
      id: ids.line,
      type: 'line',
      source: layer,
      minzoom,
      paint: {
        'line-color': '#ffffff',
        ...LSOA_LINE_WIDTH,
        'line-opacity': 0,
        'line-opacity-transition': NO_TRANSITION,
      },
    });
    for (const flag of ['p10', 'p1'] as const) {
      // The areas flagged in any release: a filter that no switch changes.
      const filter = codesFilter(flaggedInAnyRelease(data.features, flag === 'p1' ? 1 : 10));
      ids.flags[flag].forEach((id, i) => {
        const paint = FLAG_PAINT[flag][i];
        ctx.addLayer({ id, type: 'line', source: layer, filter, ...(paint ? { paint } : {}) });
      });
    }
  }
}

function addHoverLayer(ctx: LayerContext, layer: AreaLayer): void {
  if (ctx.has(idsOf(layer).fill) && !ctx.has(idsOf(layer).hover))
    ctx.addLayer({ id: idsOf(layer).hover, type: 'line', source: layer, paint: HOVER_PAINT });
}

/**
 * An LSOA level's outline and national 1% / 10% outlines for the coloured target: shown when it is the one
 * coloured; the first view's LSOA outlines also stay visible under a ward colouring for context.
 */
function setLsoaOutlines(
  ctx: LayerContext,
  layer: AreaLayer,
  target: AreaLayer,
  flags: { p1: boolean; p10: boolean },
): void {
  const ids = idsOf(layer);
  if (!ids.flags) return;
  const active = layer === target;
  const context = geography(target).kind === 'ward' && layer === OUTLINES_UNDER_WARDS;
  ctx.setPaint(ids.line, 'line-opacity', active || context ? 1 : 0);
  for (const flag of ['p1', 'p10'] as const) {
    ids.flags[flag].forEach(
      (id, i) => void ctx.setPaint(id, 'line-width', active && flags[flag] ? (FLAG_WIDTHS[flag][i] ?? 0) : 0),
    );
  }
}

/** Boundary lines (the wards) are drawn a little wider when they are what is coloured. */
function setBoundaryWidths(ctx: LayerContext, target: AreaLayer): void {
  for (const g of GEOGRAPHIES.filter((x) => x.line === 'boundary'))
    ctx.setPaint(
      idsOf(g.id).line,
      'line-width',
      target === g.id
        ? ['interpolate', ['linear'], ['zoom'], 9, 1.5, 14, 3]
        : ['interpolate', ['linear'], ['zoom'], 9, 1.2, 14, 2.5],
    );
}

type LoadedLevel = [AreaLayer, FeatureCollection<Geometry, AreaProperties>];

/**
 * The levels whose areas have loaded, wards only when `wardsNow` (see wardsWanted in areasGroup.install).
 * Reads model.areas(), so an effect that calls it runs again when a level loads.
 */
function levelsToAdd(model: MapModel, wardsNow: boolean): LoadedLevel[] {
  const loaded = model.areas();
  return GEOGRAPHIES.flatMap((g): LoadedLevel[] => {
    const data = loaded[g.id];
    return data && (g.kind !== 'ward' || wardsNow) ? [[g.id, data]] : [];
  });
}

/**
 * The areas: one source per geography of the table (LSOA 2021, LSOA 2011 on first use, wards), each with its choropleth fill, no-data
 * hatching, outline, the national 1% / 10% outlines and a hover outline. A switch writes feature state
 * and constant opacities and widths; the values are in the app's feature properties, not MapLibre's.
 */
export const areasGroup: LayerGroup = {
  name: 'areas',
  layers: GEOGRAPHIES.flatMap((g) => areaLayerList(g)),
  // The first view's data goes to the worker before the layers, feature state and ward names are made
  // (~70 ms of main thread that the worker otherwise waited for: docs/performance.md, "The first view's timeline").
  prepare(ctx, model) {
    untrack(() => {
      for (const [id, data] of levelsToAdd(model, model.colouring().target === 'wards')) addAreaData(ctx, id, data);
    });
  },
  install(ctx, model, events) {
    const map = ctx.map;
    let interactive: AreaLayer = GEOGRAPHIES[0].id;
    let hovered: { layer: AreaLayer; code: string } | null = null;
    const setHoverState = (value: boolean) => {
      if (hovered) map.setFeatureState({ source: hovered.layer, id: hovered.code }, { hover: value });
    };
    const clearHover = () => {
      if (!hovered) return;
      setHoverState(false);
      hovered = null;
      events.onHover(null);
    };
    let hoverLayers = false;
    // The ward outlines are a second source for MapLibre's worker to cut into tiles before the map is idle:
    // unless the wards are what is coloured (the SPI view), they are added once the choropleth is drawn.
    const [wardsWanted, setWardsWanted] = createSignal(false);
    map.once('idle', () => {
      // In a task of its own: on this idle the first-choropleth mark comes first.
      setTimeout(() => setWardsWanted(true), 0);
      hoverLayers = true;
      for (const l of AREA_LAYERS) addHoverLayer(ctx, l);
    });
    const codeAt = (point: { x: number; y: number }): string | null => {
      const fill = idsOf(interactive).fill;
      if (!ctx.has(fill)) return null;
      const code = map.queryRenderedFeatures([point.x, point.y], { layers: [fill] })[0]?.properties?.['code'];
      return typeof code === 'string' ? code : null;
    };

    // Each level's source once its areas are there: the first view's now, an on-demand level (LSOA 2011)
    // from the effect below once it has loaded. New detail values arrive as a new collection of the same
    // areas: the map's data (geometry and code) is unchanged, so nothing is sent; the colours follow
    // through feature state below.
    // Ward sources wait for wardsNow (see wardsWanted above).
    const addLoadedSources = (wardsNow: boolean) => {
      for (const [id, data] of levelsToAdd(model, wardsNow)) {
        if (ctx.has(idsOf(id).fill)) continue;
        addAreaLayers(ctx, id, data);
        if (hoverLayers) addHoverLayer(ctx, id);
      }
    };
    untrack(() => addLoadedSources(model.colouring().target === 'wards'));

    // Feature state as last written, per source: a switch writes only what changed.
    const applied = new Map<AreaLayer, Map<string, AreaPaintState>>();
    // Each level's features as the model has them now (a level not loaded yet has none).
    const featuresOf = (layer: AreaLayer): readonly AreaLike[] => model.areas()[layer]?.features ?? [];

    // One effect, run synchronously inside the change's handler, so every update of a switch reaches
    // MapLibre before its next frame. Paint expressions, filters and visibility stay put on an indicator,
    // banding or release switch (see area-paint.ts): feature state and constant opacities and widths change.
    createEffect(() => {
      const colouring = model.colouring();
      addLoadedSources(wardsWanted() || colouring.target === 'wards');
      const flags = model.flags();
      const flagRelease = model.flagRelease();
      const runTime = model.wardValues();
      interactive = colouring.target;
      for (const layer of AREA_LAYERS) {
        const ids = idsOf(layer);
        const active = layer === colouring.target;
        if (geography(layer).kind === 'ward') {
          ctx.setVisible(ids.fill, active);
          ctx.setVisible(ids.nodata, active);
        }
        ctx.setPaint(ids.fill, 'fill-opacity', active ? FILL_OPACITY : 0);
        ctx.setPaint(ids.nodata, 'fill-opacity', active ? 1 : 0);
        setLsoaOutlines(ctx, layer, colouring.target, flags);
        if (!active) continue;
        const areas = featuresOf(layer);
        const next = areaPaintStates(areas, colouring, flagRelease, runTime);
        for (const [code, change] of stateChanges(applied.get(layer) ?? new Map(), next))
          map.setFeatureState({ source: layer, id: code }, change);
        applied.set(layer, next);
        ctx.setFilter(ids.nodata, codesFilter(noDataCodes(areas, colouring, runTime)));
      }
      setBoundaryWidths(ctx, colouring.target);
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
      // Hover is feature state, so moving the pointer over the map never sends data to the worker.
      hover: (e) => {
        const code = codeAt(e.point);
        if (code === null) return false;
        if (hovered?.code !== code || hovered.layer !== interactive) {
          setHoverState(false);
          hovered = { layer: interactive, code };
          setHoverState(true);
        }
        events.onHover({ layer: interactive, code, point: e.point });
        return true;
      },
      leave: clearHover,
    });
  },
};
