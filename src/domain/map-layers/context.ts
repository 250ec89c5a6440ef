import { contextToggleLabel } from '../context-labels';
import { type LayerDescriptor, toggleParam } from './registry';

/**
 * The orientation layer: roads, rail, rivers, parks and place names (drawn by src/map/layers/context.ts,
 * data context.json). `ctx=0` hides it. Where the sources do not cover the council its parts are fewer,
 * and its note (from the build's metadata) says so, under the control and under the legend.
 */
export const CONTEXT_LAYER: LayerDescriptor<'context'> = {
  id: 'context',
  url: toggleParam('ctx', true),
  control: {
    group: 'Orientation',
    label: (meta) => contextToggleLabel(meta.context?.parts ?? []),
    note: (meta) => meta.context?.note ?? 'For finding your way only: OpenStreetMap roads and rail as of June 2018.',
    available: (meta) => (meta.context?.parts.length ?? 0) > 0,
  },
  embedLabel: 'Show roads, rivers and place names',
  mapNote: (meta) => meta.context?.note ?? null,
  attribution: (meta) => meta.context?.attribution ?? [],
};
