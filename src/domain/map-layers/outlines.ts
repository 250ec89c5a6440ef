import { type LayerDescriptor, toggleParam } from './registry';

/**
 * The national most-deprived 1% and 10% outlines over the LSOA colouring (drawn by
 * src/map/layers/areas.ts, which reads these toggles by id). Their swatches repeat the map's line paint.
 */
export const ONE_PERCENT_LAYER: LayerDescriptor<'p1'> = {
  id: 'p1',
  url: toggleParam('p1', true),
  control: { group: 'Highlight', label: () => 'Most deprived 1% in England (thick red outline)' },
  embedLabel: 'Show the most deprived 1% outline',
  legend: {
    label: 'Thick red outline: most deprived 1% in England',
    strokes: [
      { colour: '#fff', width: 4 },
      { colour: '#d7191c', width: 2.5 },
    ],
    when: 'lsoa',
  },
};

export const TEN_PERCENT_LAYER: LayerDescriptor<'p10'> = {
  id: 'p10',
  url: toggleParam('p10', true),
  control: { group: 'Highlight', label: () => 'Most deprived 10% in England (black-and-white dashed outline)' },
  embedLabel: 'Show the most deprived 10% outline',
  legend: {
    label: 'Black-and-white dashed outline: most deprived 10% in England',
    strokes: [
      { colour: '#000', width: 2.5 },
      { colour: '#fff', width: 1.4, dash: '3 3' },
    ],
    when: 'lsoa',
  },
};
