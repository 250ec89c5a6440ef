/**
 * Which of the council's LSOAs (2021) a point lies in, by point-in-polygon over the loaded
 * boundaries with a bounding-box index first (5,000 points × ~500 LSOAs stays a few milliseconds
 * per hundred points). Null = outside the council.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { geometryBBox, type BBox } from '../geometry';

export type AreaFeature = Feature<Polygon | MultiPolygon, { code: string }>;

export interface AreaLocator {
  lsoaAt(lonLat: readonly [number, number]): string | null;
}

export function areaLocator(features: readonly AreaFeature[]): AreaLocator {
  const boxes: { box: BBox; f: AreaFeature }[] = features.map((f) => ({ box: geometryBBox(f.geometry), f }));
  return {
    lsoaAt([x, y]) {
      for (const { box, f } of boxes) {
        if (x < box[0] || x > box[2] || y < box[1] || y > box[3]) continue;
        if (booleanPointInPolygon([x, y], f)) return f.properties.code;
      }
      return null;
    },
  };
}

/**
 * A coarse box around England (longitude −6.45 to 1.77, latitude 49.86 to 55.82): points beyond it
 * are certainly not in England. Points inside it but in Wales or Scotland are caught as "outside
 * this council" instead, which is what matters for drawing.
 */
export function outsideEngland([x, y]: readonly [number, number]): boolean {
  return !(x >= -6.45 && x <= 1.77 && y >= 49.86 && y <= 55.82);
}
