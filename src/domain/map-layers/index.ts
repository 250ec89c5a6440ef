import { CONTEXT_LAYER } from './context';
import { ONE_PERCENT_LAYER, TEN_PERCENT_LAYER } from './outlines';
import { makeUrlCodec, type LayerToggles as TogglesOf } from './registry';

/**
 * Every layer a person can switch, in the order the controls, legend and embed dialog list them.
 * Adding one: its descriptor module in this folder, one entry here, and its map module in src/map/layers/.
 */
export const LAYER_REGISTRY = [ONE_PERCENT_LAYER, TEN_PERCENT_LAYER, CONTEXT_LAYER] as const;

export type LayerToggleId = (typeof LAYER_REGISTRY)[number]['id'];
export type LayerToggles = TogglesOf<LayerToggleId>;

/** The app's URL codec for the toggles (`p1`, `p10`, `ctx`). */
export const LAYER_URL = makeUrlCodec<LayerToggleId>(LAYER_REGISTRY);
