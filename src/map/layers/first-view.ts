import { areasGroup } from './areas';
import type { LayerGroup } from './group';
import { wardLabelsGroup } from './ward-labels';

/**
 * Installed before the first choropleth: the areas, and the ward names (HTML markers, no map data).
 * The other groups (./index.ts) are installed once the map is first idle. Their sources (outlines, selection,
 * catchment, venues; most empty at first) were cut into tiles in MapLibre's worker alongside the LSOA
 * tiles and held back the first choropleth: measured 1.02–1.10× the baseline with them, 0.92× without.
 * Their code loads then too: this module is what the first view imports.
 */
export const FIRST_VIEW_GROUPS: readonly LayerGroup[] = [areasGroup, wardLabelsGroup];
