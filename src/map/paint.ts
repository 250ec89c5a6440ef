import type { FilterSpecification } from 'maplibre-gl';

/**
 * A filter that keeps the features whose `code` is listed. The list is sorted by the caller, so an
 * unchanged set gives an equal filter and LayerContext.setFilter leaves the layer alone (a changed
 * filter makes MapLibre rebuild every tile of the source in its worker).
 */
export function codesFilter(codes: readonly string[]): FilterSpecification {
  return ['in', ['get', 'code'], ['literal', [...codes]]];
}
