import { areasGroup } from './areas';
import type { LayerGroup } from './group';
import { outreachGroup } from './outreach';
import { overlaysGroup } from './overlays';
import { venuesGroup } from './venues';
import { wardLabelsGroup } from './ward-labels';

/**
 * Every layer group, in install order (a group may draw from an earlier group's source: outreach
 * highlights LSOAs of the areas source). Z-order is not decided here but by LAYER_ORDER in
 * ../layer-order.ts, so a group can be installed in any order relative to the layers it sits between.
 * Adding a group: one module in this folder, its layer ids in LAYER_ORDER, one line here.
 */
export const LAYER_GROUPS: readonly LayerGroup[] = [areasGroup, overlaysGroup, outreachGroup, venuesGroup, wardLabelsGroup];
