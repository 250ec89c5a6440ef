import type { MultiPolygon, Polygon } from 'geojson';
import type { ChangeCode } from '../../src/data/contract';
import type { AreaFeature } from './boundaries';
import type { ChangeLink } from './lookups';
import { round } from './reproject';
import { omitDerivable, type DerivationRelease } from '../../src/data/derived-fields';
import type { AreaGeoFeature } from './write-topojson';

/** Change code of an area from its lookup rows: U only when the area really is unchanged. */
export function changeCode(links: ChangeLink[] | undefined): ChangeCode | undefined {
  if (!links || links.length === 0) return undefined;
  if (links.some((l) => l.chg === 'U')) return 'U';
  return [...links].sort((a, b) => (a.chg < b.chg ? -1 : 1))[0]?.chg;
}

/** Properties in key order without undefined values, so outputs are byte-identical run to run. */
export function sortedProps(p: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(p).sort()) if (p[k] !== undefined) out[k] = p[k];
  return out;
}

/** The features' bounding box [west, south, east, north], rounded to 5 decimals (~1 m). */
export function bboxOf(features: AreaFeature[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (g: Polygon | MultiPolygon): void => {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const poly of polys)
      for (const [x = NaN, y = NaN] of poly[0] ?? []) {
        b[0] = Math.min(b[0], x);
        b[1] = Math.min(b[1], y);
        b[2] = Math.max(b[2], x);
        b[3] = Math.max(b[3], y);
      }
  };
  features.forEach((f) => void visit(f.geometry));
  return [round(b[0], 5), round(b[1], 5), round(b[2], 5), round(b[3], 5)];
}

/**
 * The features without the flags and local ranks the app restores exactly on loading
 * (src/data/derived-fields.ts): bytes the first view and the release switch need not download.
 */
export function withoutDerivable(
  features: AreaGeoFeature[],
  releases: readonly DerivationRelease[],
  vintage: DerivationRelease['lsoaVintage'],
): AreaGeoFeature[] {
  const props = omitDerivable(
    features.map((f) => f.properties),
    releases,
    vintage,
  );
  return features.map((f, i) => ({ ...f, properties: props[i] ?? f.properties }));
}
