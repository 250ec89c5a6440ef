/**
 * What the map is given for the shown venue lists: one MultiPoint feature per icon (category
 * symbol), never one feature per venue. MapLibre copies a GeoJSON source's data to its worker by
 * walking every object in JavaScript before the structured clone, and a hover's rendered-feature
 * query decodes the properties of every feature in a symbol tile it touches: with 5,000 venues as
 * 5,000 features both cost tens of milliseconds on the main thread (issue 25). A dozen features
 * with 5,000 positions between them cost a fraction of that. Which venue a click meant is then
 * found here, from the venues themselves.
 */
import type { Feature, FeatureCollection, MultiPoint } from 'geojson';

export type VenueIconProps = { icon: string };

/** One feature per icon, in the order the icons first occur; each holds its venues' positions in list order. */
export function venueIconFeatures(
  venues: readonly { lonLat: readonly [number, number] }[],
  iconOf: (index: number) => string,
): FeatureCollection<MultiPoint, VenueIconProps> {
  const byIcon = new Map<string, [number, number][]>();
  venues.forEach((v, i) => {
    const icon = iconOf(i);
    let points = byIcon.get(icon);
    if (!points) {
      points = [];
      byIcon.set(icon, points);
    }
    points.push([v.lonLat[0], v.lonLat[1]]);
  });
  const features = [...byIcon].map(
    ([icon, coordinates]): Feature<MultiPoint, VenueIconProps> => ({
      type: 'Feature',
      geometry: { type: 'MultiPoint', coordinates },
      properties: { icon },
    }),
  );
  return { type: 'FeatureCollection', features };
}

/**
 * The venue nearest `at` among those inside `box` ([west, south, east, north], the few pixels
 * around a click turned into degrees), or null. Distance is on the ground: a degree of longitude
 * shrinks by cos(latitude). Ties go to the venue listed first.
 */
export function venueNear<V extends { id: string; lonLat: readonly [number, number] }>(
  venues: readonly V[],
  at: readonly [number, number],
  box: readonly [number, number, number, number],
): V | null {
  const k = Math.cos((at[1] * Math.PI) / 180);
  let best: V | null = null;
  let bestD = Infinity;
  for (const v of venues) {
    const [x, y] = v.lonLat;
    if (x < box[0] || x > box[2] || y < box[1] || y > box[3]) continue;
    const d = ((x - at[0]) * k) ** 2 + (y - at[1]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = v;
    }
  }
  return best;
}
