/**
 * The GeoJSON download of a custom area (issue 23): one feature per member LSOA 2021 (its
 * generalised boundary as the map draws it) and, when the area was drawn or is a radius, the shape
 * itself, so the file says both what was drawn and what counted. Pure.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { CENTROID_RULE, openRing, type AreaSet } from '../area-set';
import { catchmentCircle } from '../outreach/catchment';

/** The drawn shape (polygon or circle) as a feature, or null for a list or ward rule. */
export function ruleShape(set: Pick<AreaSet, 'rule'>): Feature | null {
  const r = set.rule;
  if (r.type === 'polygon') {
    const ring = openRing(r.ring);
    if (ring.length < 3) return null;
    return {
      type: 'Feature',
      properties: { role: 'drawn shape' },
      geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] },
    };
  }
  if (r.type === 'radius')
    return {
      ...catchmentCircle(r.centre, r.radiusM),
      properties: { role: 'radius', radiusM: r.radiusM, distanceKind: 'straight-line' },
    };
  return null;
}

export function areaOutlineGeoJson(
  set: AreaSet,
  lsoas: ReadonlyMap<string, { properties: { code: string; name: string }; geometry: Geometry }>,
): FeatureCollection & { name: string; rule: string } {
  const members: Feature[] = set.lsoaCodes.flatMap((code) => {
    const f = lsoas.get(code);
    return f
      ? [
          {
            type: 'Feature' as const,
            properties: { role: 'member LSOA 2021', code, name: f.properties.name },
            geometry: f.geometry,
          },
        ]
      : [];
  });
  const shape = ruleShape(set);
  return {
    type: 'FeatureCollection',
    name: set.label,
    rule: CENTROID_RULE,
    features: shape ? [shape, ...members] : members,
  };
}
