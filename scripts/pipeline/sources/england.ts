import { readBoundaries, type AreaFeature, type BoundaryLayer } from '../boundaries';
import type { BoundarySource } from '../config';
import { cachedSource } from '../source-cache';

/**
 * An England-wide boundary layer (gzip GeoJSON, WGS84), parsed and validated once per process and
 * kept: `build:sites` filters the same parse for every council.
 */
export async function readEnglandLayer(dataDir: string, source: BoundarySource): Promise<BoundaryLayer> {
  return cachedSource(`boundaries:${dataDir}:${source.path}`, () => readBoundaries(dataDir, source));
}

/** The district's features (by each feature's own current district code) and the codes of the rest. */
export function districtFeatures(layer: BoundaryLayer, area: string): { layer: BoundaryLayer; dropped: string[] } {
  const features: AreaFeature[] = [];
  const dropped: string[] = [];
  for (const f of layer.features) {
    if (f.lad === area) features.push(f);
    else dropped.push(f.code);
  }
  return { layer: { file: layer.file, features }, dropped };
}
