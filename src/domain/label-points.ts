import { booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** A point to label an area at: its centre of mass when that lies inside it, else a point on its surface. */
export function labelPoint(f: Feature<Polygon | MultiPolygon>): [number, number] {
  const c = centerOfMass(f);
  if (booleanPointInPolygon(c, f)) return c.geometry.coordinates as [number, number];
  return pointOnFeature(f).geometry.coordinates as [number, number];
}
