import { areasGroup } from './areas';
import { contextGroup } from './context';
import type { LayerGroup } from './group';
import { outreachGroup } from './outreach';
import { overlaysGroup } from './overlays';
import { venuesGroup } from './venues';
import { venueListsGroup } from './venue-lists';
import { wardLabelsGroup } from './ward-labels';

/**
 * Every layer group, in install order (a group may draw from an earlier group's source: outreach
 * highlights LSOAs of the areas source). Z-order is not decided here but by LAYER_ORDER in
 * ../layer-order.ts, so a group can be installed in any order relative to the layers it sits between.
 * Adding a group: one module in this folder, its layer ids in LAYER_ORDER, one line here.
 */
export const LAYER_GROUPS: readonly LayerGroup[] = [
  areasGroup,
  contextGroup,
  overlaysGroup,
  outreachGroup,
  venuesGroup,
  venueListsGroup,
  wardLabelsGroup,
];

/**
 * Installed before the first choropleth: the areas, and the ward names (HTML markers, no map data).
 * The other groups are installed once the map is first idle. Their sources (outlines, selection,
 * catchment, venues; most empty at first) were cut into tiles in MapLibre's worker alongside the LSOA
 * tiles and held back the first choropleth: measured 1.02–1.10× the baseline with them, 0.92× without.
 */
export const FIRST_VIEW_GROUPS: readonly LayerGroup[] = LAYER_GROUPS.filter(
  (g) => g === areasGroup || g === wardLabelsGroup,
);
export const AFTER_FIRST_VIEW_GROUPS: readonly LayerGroup[] = LAYER_GROUPS.filter(
  (g) => !FIRST_VIEW_GROUPS.includes(g),
);
