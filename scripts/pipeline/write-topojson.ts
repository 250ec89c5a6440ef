import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { quantize } from 'topojson-client';
import type { GeometryObject, Objects, Properties, Topology } from 'topojson-specification';

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
export function presimplifiedTopology(objects: Record<string, Feature[]>): PresimplifiedTopology {
  const collections: Record<string, FeatureCollection> = {};
  for (const [name, features] of Object.entries(objects)) collections[name] = { type: 'FeatureCollection', features };
  const raw = topology(collections);
  if (!hasNoNullProperties(raw))
    throw new Error('buildTopology: topojson-server produced a geometry with null properties');
  return presimplify(raw);
}

/** Drops vertices under minWeight and quantises; does not change `pre`, so it can be tried at several weights. */
export function finishTopology(pre: PresimplifiedTopology, minWeight: number, quantization: number): Topology {
  return quantize(simplify(pre, minWeight), quantization);
}

/**
 * The typings disagree: topojson-server types geometry properties as GeoJsonProperties (which
 * allows null), while topojson-simplify and topojson-client accept only objects without null
 * properties. topojson-server copies a feature's properties only when it has some, so null does
 * not occur; this checks that at run time instead of casting.
 */
function hasNoNullProperties(t: Topology): t is Topology<Objects> {
  return Object.values(t.objects).every(propertiesNotNull);
}

function propertiesNotNull(g: GeometryObject<Properties>): boolean {
  return g.properties !== null && (g.type !== 'GeometryCollection' || g.geometries.every(propertiesNotNull));
}
