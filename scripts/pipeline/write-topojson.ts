import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { quantize } from 'topojson-client';
import type { Topology } from 'topojson-specification';

type SimplifiableTopology = Parameters<typeof presimplify>[0];

export type AreaGeoFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

/**
 * One topology per file, so neighbouring areas (and LSOAs and the wards they tile) share arcs:
 * borders are stored once and simplify identically on both sides, leaving no slivers or gaps.
 * Simplify before quantising so weights are computed on full-precision coordinates.
 */
export function buildTopology(
  objects: Record<string, AreaGeoFeature[]>,
  minWeight: number,
  quantization: number,
): Topology {
  return finishTopology(presimplifiedTopology(objects), minWeight, quantization);
}

export type PresimplifiedTopology = ReturnType<typeof presimplify>;

/** The shared-arc topology with every vertex's Visvalingam weight, ready to simplify at any weight. */
export function presimplifiedTopology(objects: Record<string, AreaGeoFeature[]>): PresimplifiedTopology {
  const collections: Record<string, FeatureCollection> = {};
  for (const [name, features] of Object.entries(objects)) collections[name] = { type: 'FeatureCollection', features };
  // topojson-server types properties as GeoJsonProperties (nullable); the simplify and client typings want {}.
  const raw = topology(collections) as unknown as SimplifiableTopology;
  return presimplify(raw);
}

/** Drops vertices under minWeight and quantises; does not change `pre`, so it can be tried at several weights. */
export function finishTopology(pre: PresimplifiedTopology, minWeight: number, quantization: number): Topology {
  return quantize(simplify(pre, minWeight), quantization) as unknown as Topology;
}
