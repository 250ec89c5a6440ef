import type { AddLayerObject, ExpressionSpecification, FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import { CONTEXT_OBJECTS, type ContextData, type ContextObject } from '../../data/contract';
import { beforeIdFor, type LayerId } from '../layer-order';
import { ContextLabels, type DrawnLabel } from '../context-labels';
import { createEffect, createMemo } from 'solid-js';
import type { LayerGroup } from './group';

/**
 * The orientation layer: roads, rail, rivers, canals, water and parks under the area outlines, drawn
 * so the choropleth stays the message (thin neutral lines, muted water, park outlines only), plus its
 * HTML labels. Self-contained: give it any MapLibre map and the context data; the ward briefing and
 * the main map use the same function.
 */
export interface ContextLayer {
  setVisible(visible: boolean): void;
  /** The labels shown now, in CSS pixels of the map, to draw onto an exported image. */
  drawnLabels(): DrawnLabel[];
  remove(): void;
}

export interface ContextLayerOptions {
  /** Print place names and road numbers (HTML labels); false for a small static map. */
  labels: boolean;
  /** Elements the labels must never cover (the ward labels): their boxes win every collision. */
  obstacleSelector?: string;
  visible?: boolean;
}

const SOURCE: Record<ContextObject, string> = {
  roads: 'context-roads',
  rail: 'context-rail',
  waterways: 'context-waterways',
  water: 'context-water',
  parks: 'context-parks',
};

const WATER = '#6f9fc8';
const MAJOR: FilterSpecification = ['in', ['get', 'c'], ['literal', ['motorway', 'trunk', 'primary']]];
const MINOR: FilterSpecification = ['==', ['get', 'c'], 'secondary'];
/** Line width per road class and zoom: motorways thickest, all thin next to the area outlines. */
const roadWidth = (extra: number): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  9,
  ['+', extra, ['match', ['get', 'c'], 'motorway', 1.1, 'trunk', 0.8, 'primary', 0.6, 0.4]],
  14,
  ['+', extra, ['match', ['get', 'c'], 'motorway', 3, 'trunk', 2.4, 'primary', 2, 1.4]],
];
const roadColour: ExpressionSpecification = [
  'match',
  ['get', 'c'],
  'motorway',
  '#3d3d3d',
  'trunk',
  '#4d4d4d',
  'primary',
  '#5c5c5c',
  '#6e6e6e',
];
// Motorways drawn last so they stay on top where roads cross.
const roadSort: ExpressionSpecification = ['match', ['get', 'c'], 'motorway', 3, 'trunk', 2, 'primary', 1, 0];

type ContextLayerSpec = AddLayerObject & { id: LayerId; source: string };

/** The layer ids, in the order they are listed in LAYER_ORDER's context rows. */
export const CONTEXT_LAYER_IDS: readonly LayerId[] = [
  'context-water',
  'context-parks',
  'context-waterways',
  'context-rail',
  'context-rail-dash',
  'context-roads-casing',
  'context-roads-minor',
  'context-roads-major',
];

function layerSpecs(): ContextLayerSpec[] {
  return [
    { id: 'context-water', type: 'fill', source: SOURCE.water, paint: { 'fill-color': WATER, 'fill-opacity': 0.55 } },
    {
      id: 'context-parks',
      type: 'line',
      source: SOURCE.parks,
      minzoom: 10.5,
      paint: {
        'line-color': '#2e6b34',
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.6, 15, 1.4],
        'line-dasharray': [3, 2],
        'line-opacity': 0.8,
      },
    },
    {
      id: 'context-waterways',
      type: 'line',
      source: SOURCE.waterways,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': WATER,
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          9,
          ['match', ['get', 'k'], 'canal', 0.9, 0.8],
          14,
          ['match', ['get', 'k'], 'canal', 2.2, 2.6],
        ],
      },
    },
    {
      id: 'context-rail',
      type: 'line',
      source: SOURCE.rail,
      paint: { 'line-color': '#5a5a5a', 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.7, 14, 2.2] },
    },
    {
      id: 'context-rail-dash',
      type: 'line',
      source: SOURCE.rail,
      minzoom: 12.5,
      paint: {
        'line-color': '#ffffff',
        'line-width': ['interpolate', ['linear'], ['zoom'], 12.5, 0.8, 14, 1.2],
        'line-dasharray': [3, 3],
      },
    },
    {
      id: 'context-roads-casing',
      type: 'line',
      source: SOURCE.roads,
      minzoom: 12.5,
      layout: { 'line-join': 'round', 'line-cap': 'round', 'line-sort-key': roadSort },
      paint: { 'line-color': '#ffffff', 'line-width': roadWidth(2), 'line-opacity': 0.85 },
    },
    {
      id: 'context-roads-minor',
      type: 'line',
      source: SOURCE.roads,
      minzoom: 11.5,
      filter: MINOR,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': roadColour, 'line-width': roadWidth(0) },
    },
    {
      id: 'context-roads-major',
      type: 'line',
      source: SOURCE.roads,
      filter: MAJOR,
      layout: { 'line-join': 'round', 'line-cap': 'round', 'line-sort-key': roadSort },
      paint: { 'line-color': roadColour, 'line-width': roadWidth(0) },
    },
  ];
}

/** The topology object as GeoJSON, or an empty collection when the sources lack it for the area. */
function collection(data: ContextData, name: ContextObject): FeatureCollection {
  const obj = data.topology.objects[CONTEXT_OBJECTS[name]];
  if (obj?.type !== 'GeometryCollection') return { type: 'FeatureCollection', features: [] };
  return feature(data.topology, obj);
}

export function addContextLayer(map: MapLibreMap, data: ContextData, opts: ContextLayerOptions): ContextLayer {
  for (const name of Object.keys(SOURCE) as ContextObject[]) {
    if (!map.getSource(SOURCE[name]))
      map.addSource(SOURCE[name], { type: 'geojson', data: collection(data, name), tolerance: 0.4 });
  }
  const specs = layerSpecs();
  for (const spec of specs) {
    if (!map.getLayer(spec.id))
      map.addLayer(
        spec,
        beforeIdFor(spec.id, (id) => map.getLayer(id) !== undefined),
      );
  }
  const labels = opts.labels ? new ContextLabels(map, data, opts.obstacleSelector ?? null) : null;
  const setVisible = (visible: boolean): void => {
    for (const spec of specs)
      if (map.getLayer(spec.id)) map.setLayoutProperty(spec.id, 'visibility', visible ? 'visible' : 'none');
    labels?.setVisible(visible);
  };
  setVisible(opts.visible ?? true);
  return {
    setVisible,
    drawnLabels: () => labels?.drawn() ?? [],
    remove: () => {
      labels?.remove();
      for (const spec of specs) if (map.getLayer(spec.id)) map.removeLayer(spec.id);
      for (const id of Object.values(SOURCE)) if (map.getSource(id)) map.removeSource(id);
    },
  };
}

/** The running context layer of each map (for PNG export, which draws its HTML labels onto the image). */
const installed = new WeakMap<MapLibreMap, ContextLayer>();

/** The labels the map's context layer shows now (none when it is hidden or not loaded). */
export function drawnContextLabels(map: MapLibreMap): DrawnLabel[] {
  return installed.get(map)?.drawnLabels() ?? [];
}

/** The main map's group: adds the layer when its data arrives (after the first choropleth), follows the toggle. */
export const contextGroup: LayerGroup = {
  name: 'context',
  layers: CONTEXT_LAYER_IDS,
  install(ctx, model) {
    let layer: ContextLayer | undefined;
    // Only a change of the toggle re-runs this: `contextVisible` reads the options, which are new on any
    // URL change (a venue list shown, a selection), and placing the labels measures the page's layout.
    const shown = createMemo(() => model.contextVisible());
    createEffect(() => {
      const data = model.context();
      const visible = shown();
      if (data && !layer) {
        const added = addContextLayer(ctx.map, data, { labels: true, obstacleSelector: '.ward-label', visible });
        layer = added;
        installed.set(ctx.map, added);
        ctx.whenRemoved(() => added.remove());
      }
      layer?.setVisible(visible);
    });
  },
};
