import { areasGroup } from './areas';
import { contextGroup } from './context';
import { FIRST_VIEW_GROUPS } from './first-view';
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

/** The rest, installed once the map is first idle (see ./first-view.ts); MapView imports this module then. */
export const AFTER_FIRST_VIEW_GROUPS: readonly LayerGroup[] = LAYER_GROUPS.filter(
  (g) => !FIRST_VIEW_GROUPS.includes(g),
);

export { FIRST_VIEW_GROUPS };
